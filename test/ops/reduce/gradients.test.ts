// Symbolic gradients of the reductions (built as TF 1.x's math_grad.py builds them)
// against central finite differences, over constant and runtime axes, kept dims, and
// inputs whose static shape is hidden (the Shape/DynamicStitch paths).
import { describe, expect, it } from 'vitest';
import * as reduce from '../../../src/api/reduce.ts';
import { placeholder } from '../../../src/api/state.ts';
import { gradients } from '../../../src/engine/gradients.ts';
import { Graph } from '../../../src/engine/graph.ts';
import { Session } from '../../../src/engine/session.ts';
import { checkGradient } from '../../support/check.ts';
import { hideShape, rand } from '../array/inputs.ts';

const AXES: [number[], (number | number[] | undefined)][] = [
  [[2, 3], undefined],
  [[2, 3], 1],
  [[2, 3], [0]],
  [[2, 3, 4], [0, 2]],
  [[2, 3, 4], -1],
  [[3], 0],
];

describe('reduction gradients', () => {
  for (const [name, fn] of [['Sum', reduce.reduceSum], ['Mean', reduce.reduceMean]] as const) {
    for (const [shape, axis] of AXES) {
      it(`${name} ${JSON.stringify(shape)} axis ${JSON.stringify(axis)} (and keep_dims, hidden shape)`, () => {
        checkGradient((x) => fn(x, axis), [rand(shape)]);
        checkGradient((x) => fn(x, axis, true), [rand(shape)]);
        checkGradient((x) => fn(hideShape(x), axis), [rand(shape)]);
      });
    }
  }

  // Distinct values (a shuffled ramp) keep the finite differences away from ties.
  it('Max and Min send the gradient to the extreme element', () => {
    const ramp = [[0.1, 0.9, 0.4], [0.7, 0.2, 0.5]];
    for (const fn of [reduce.reduceMax, reduce.reduceMin]) {
      checkGradient((x) => fn(x, 1), [ramp]);
      checkGradient((x) => fn(x, 0, true), [ramp]);
      checkGradient((x) => fn(x), [ramp]);
    }
  });

  it('Max splits the gradient evenly between ties, as TF does', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [2, 3], 'x');
      const [dx] = gradients(reduce.reduceMax(x, 1), [x]);
      expect(new Session(g).run(dx!, new Map([[x, [[1, 3, 3], [2, 0, 1]]]]))).toEqual([[0, 0.5, 0.5], [1, 0, 0]]);
    });
  });

  it('Prod, including inputs with a zero (the cumprod formulation)', () => {
    checkGradient((x) => reduce.reduceProd(x, 1), [rand([2, 3], 0.5, 1.5)]);
    checkGradient((x) => reduce.reduceProd(x, [0, 2]), [rand([2, 3, 2], 0.5, 1.5)]);
    checkGradient((x) => reduce.reduceProd(x), [[[0.5, 0, 2], [1.5, 0.7, 1.2]]]);
    checkGradient((x) => reduce.reduceProd(x, 0), [[[0, 2], [0, 3]]]);
  });

  it('Cumsum and Cumprod, exclusive and reversed', () => {
    for (const exclusive of [false, true]) {
      for (const reverse of [false, true]) {
        checkGradient((x) => reduce.cumsum(x, 1, { exclusive, reverse }), [rand([2, 4])]);
        checkGradient((x) => reduce.cumprod(x, 0, { exclusive, reverse }), [rand([3, 2], 0.5, 1.5)]);
      }
    }
  });

  it('ArgMax has no gradient', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [2, 3], 'x');
      expect(gradients(reduce.argmax(x, 1), [x])).toEqual([null]);
    });
  });
});
