// Symbolic gradients of the math ops (built as TF 1.x's math_grad.py builds them)
// against central finite differences, including broadcast reductions.
import { describe, expect, it } from 'vitest';
import * as math from '../../../src/api/math.ts';
import { placeholder } from '../../../src/api/state.ts';
import { gradients } from '../../../src/engine/gradients.ts';
import { Graph, type Tensor } from '../../../src/engine/graph.ts';
import { Session } from '../../../src/engine/session.ts';
import type { NestedArray } from '../../../src/engine/tensor-value.ts';
import { checkGradient, randomValues } from '../../support/check.ts';

let seed = 1;
/** Random values of `shape` in [lo, hi) as nested arrays (so the placeholder gets the shape). */
function rand(shape: readonly number[], lo = -1, hi = 1): NestedArray {
  const flat = randomValues(Math.max(1, shape.reduce((a, b) => a * b, 1)), seed++, lo, hi);
  let i = 0;
  const build = (d: number): NestedArray => (d === shape.length ? flat[i++]! : Array.from({ length: shape[d]! }, () => build(d + 1)));
  return build(0);
}

const BROADCASTS: [number[], number[]][] = [[[2, 3], [2, 3]], [[2, 3], [3]], [[2, 1], [1, 3]], [[], [2, 3]], [[3, 1, 2], [2, 1]]];

describe('binary op gradients reduce over broadcast axes', () => {
  const binaries: [string, (x: Tensor, y: Tensor) => Tensor, [number, number], [number, number]][] = [
    ['Add', math.add, [-1, 1], [-1, 1]],
    ['Sub', math.sub, [-1, 1], [-1, 1]],
    ['Mul', math.mul, [-1, 1], [-1, 1]],
    ['RealDiv', math.realDiv, [-1, 1], [0.5, 2]],
    ['truediv', (x, y) => math.div(x, y), [-1, 1], [0.5, 2]],
    ['SquaredDifference', math.squaredDifference, [-1, 1], [-1, 1]],
    ['Pow', math.pow, [0.5, 2], [-1.5, 1.5]],
    ['FloorMod', math.floorMod, [0.1, 0.9], [2, 3]],
  ];
  for (const [name, fn, xr, yr] of binaries) {
    for (const [sx, sy] of BROADCASTS) {
      it(`${name} ${JSON.stringify(sx)} ${JSON.stringify(sy)}`, () => {
        checkGradient(fn, [rand(sx, ...xr), rand(sy, ...yr)]);
      });
    }
  }

  // Random values in one range can come within the finite-difference step of each other
  // (a kink); disjoint ranges exercise each side cleanly. Ties are checked on their own.
  it('Maximum and Minimum send the gradient to the selected side', () => {
    for (const [sx, sy] of BROADCASTS) {
      checkGradient((x, y) => math.maximum(x, y), [rand(sx, 1, 2), rand(sy, -2, -1)]);
      checkGradient((x, y) => math.maximum(x, y), [rand(sx, -2, -1), rand(sy, 1, 2)]);
      checkGradient((x, y) => math.minimum(x, y), [rand(sx, 1, 2), rand(sy, -2, -1)]);
      checkGradient((x, y) => math.minimum(x, y), [rand(sx, -2, -1), rand(sy, 1, 2)]);
    }
  });

  it('Maximum and Minimum give ties to x (GreaterEqual / LessEqual masks)', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [3], 'x');
      const y = placeholder('float32', [3], 'y');
      const sess = new Session(g);
      const feed = new Map<Tensor, number[]>([[x, [1, 2, 3]], [y, [1, 5, 0]]]);
      expect(sess.run(gradients(math.maximum(x, y), [x, y]), feed)).toEqual([[1, 0, 1], [0, 1, 0]]);
      expect(sess.run(gradients(math.minimum(x, y), [x, y]), feed)).toEqual([[1, 1, 0], [0, 0, 1]]);
    });
  });

  it('Pow at x = 0 gives a zero (not NaN) gradient for y, as TF avoids the false singularity', () => {
    checkGradient((x, y) => math.pow(x, y), [[0, 0, 1.5], [2, 3, 2]], { wrt: [1] });
  });
});

describe('unary op gradients', () => {
  const unaries: [string, (x: Tensor) => Tensor, [number, number]][] = [
    ['Neg', math.neg, [-1, 1]],
    ['Abs', math.abs, [0.2, 1]],
    ['Abs (negative side)', math.abs, [-1, -0.2]],
    ['Square', math.square, [-1, 1]],
    ['Sqrt', math.sqrt, [0.5, 2]],
    ['Rsqrt', math.rsqrt, [0.5, 2]],
    ['Exp', math.exp, [-1, 1]],
    ['Log', math.log, [0.5, 2]],
    ['Reciprocal', math.reciprocal, [0.5, 2]],
    ['Sigmoid', math.sigmoid, [-3, 3]],
    ['Tanh', math.tanh, [-2, 2]],
    ['Relu (positive)', math.relu, [0.1, 1]],
    ['Relu (negative)', math.relu, [-1, -0.1]],
    ['Sign', math.sign, [0.1, 1]],
  ];
  for (const [name, fn, range] of unaries) {
    it(name, () => {
      checkGradient(fn, [rand([2, 3], ...range)]);
    });
  }
});

describe('gradients of the backward ops (second derivatives)', () => {
  const backward: [string, (a: Tensor, b: Tensor) => Tensor, [number, number]][] = [
    ['SigmoidGrad', math.sigmoidGrad, [0.1, 0.9]],
    ['TanhGrad', math.tanhGrad, [-0.9, 0.9]],
    ['SqrtGrad', math.sqrtGrad, [0.5, 2]],
    ['RsqrtGrad', math.rsqrtGrad, [0.5, 2]],
    ['ReciprocalGrad', math.reciprocalGrad, [0.5, 2]],
  ];
  for (const [name, fn, range] of backward) {
    it(name, () => {
      checkGradient(fn, [rand([2, 3], ...range), rand([2, 3])]);
    });
  }
  it('ReluGrad: the gradient flows to `gradients` only', () => {
    checkGradient((g, f) => math.reluGrad(g, f), [rand([2, 3]), [[0.5, -0.5, 1], [-1, 2, -2]]]);
  });
  it('gradient of a gradient: d²/dx² of sigmoid(x) through tf.gradients twice', () => {
    checkGradient((x) => gradients(math.sigmoid(x), [x])[0]!, [rand([4], -2, 2)]);
  });
});

describe('other ops', () => {
  it('AddN copies the gradient to every input', () => {
    checkGradient((a, b, c) => math.addN([a, b, c]), [rand([2, 2]), rand([2, 2]), rand([2, 2])]);
  });

  it('Select routes the gradient by the condition', () => {
    checkGradient((c, t, e) => math.select(c, t, e), [{ value: [[true, false], [false, true]], dtype: 'bool' }, rand([2, 2]), rand([2, 2])]);
  });

  it('Cast between floats passes the gradient; casts through int32 and comparisons stop it', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [2], 'x');
      expect(gradients(math.cast(math.cast(x, 'int32'), 'float32'), [x])).toEqual([null]);
      expect(gradients(math.cast(math.equal(x, 1), 'float32'), [x])).toEqual([null]);
    });
    checkGradient((x) => math.cast(math.square(x), 'float32'), [rand([3])]);
  });
});
