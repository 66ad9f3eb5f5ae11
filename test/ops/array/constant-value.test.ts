// What shape inference can read off a tensor without running the graph — TF's
// `tensor_util.constant_value` / `constant_value_as_shape` — checked against the values
// a Session computes for the same tensors.
import { beforeEach, describe, expect, it } from 'vitest';
import * as array from '../../../src/api/array.ts';
import { cast, opAdd } from '../../../src/api/math.ts';
import { placeholder } from '../../../src/api/state.ts';
import { Graph, type Tensor } from '../../../src/engine/graph.ts';
import { constant } from '../../../src/engine/op-builder.ts';
import { Session } from '../../../src/engine/session.ts';
import { toJs } from '../../../src/engine/tensor-value.ts';
import { constantValue, constantValueAsShape } from '../../../src/ops/array/constant-value.ts';

let g: Graph;
beforeEach(() => {
  g = new Graph();
});
const inGraph = <T>(fn: () => T): T => g.asDefault(fn);
const ints = (v: number[]) => constant(Int32Array.from(v), 'int32', [v.length]);

describe('constantValue folds what TF folds, and agrees with running the graph', () => {
  it('Const, Shape/Size/Rank of known shapes, Range, Cast, ConcatV2, Pack, Fill, Identity', () => {
    inGraph(() => {
      const x = placeholder('float32', [2, 3], 'x');
      const tensors: Tensor[] = [
        ints([4, 5]),
        array.shape(x, { optimize: false }),
        array.size(x, { optimize: false }),
        array.rank(x, { optimize: false }),
        array.range(1, array.rank(x, { optimize: false }), 1),
        cast(ints([1, 0]), 'float32'),
        array.concat([ints([1]), array.shape(x, { optimize: false })], 0),
        array.stack([array.rank(x, { optimize: false }), constant(7, 'int32')]),
        array.fill([2, 2], constant(3, 'int32')),
        array.identity(ints([9])),
      ];
      const sess = new Session(g);
      for (const t of tensors) {
        const folded = constantValue(t);
        expect(folded, t.name).not.toBeNull();
        expect(toJs(folded!), t.name).toEqual(sess.run(t, new Map([[x, [[1, 2, 3], [4, 5, 6]]]])));
      }
    });
  });

  it('does not fold runtime shapes, ops TF does not fold, or Pack along another axis', () => {
    inGraph(() => {
      const p = placeholder('float32', [null, 3], 'p');
      expect(constantValue(array.shape(p))).toBeNull();
      expect(constantValue(opAdd(ints([1]), ints([2])))).toBeNull();
      expect(constantValue(array.stack([ints([1]), ints([2])], 1))).toBeNull();
    });
  });
});

describe('constantValueAsShape', () => {
  it('reads Shape ops, Pack of scalars, ConcatV2 of parts, and -1 as unknown', () => {
    inGraph(() => {
      const p = placeholder('float32', [null, 3], 'p');
      const n = placeholder('int32', [], 'n');
      expect(constantValueAsShape(array.shape(p))).toEqual([null, 3]);
      expect(constantValueAsShape(array.stack([n, 4]))).toEqual([null, 4]);
      expect(constantValueAsShape(array.concat([array.shape(p), ints([-1, 2])], 0))).toEqual([null, 3, null, 2]);
      expect(constantValueAsShape(ints([]))).toEqual([]);
      expect(constantValueAsShape(placeholder('int32', [2], 'v'))).toEqual([null, null]);
      expect(constantValueAsShape(placeholder('int32', undefined, 'u'))).toBeNull();
    });
  });
});
