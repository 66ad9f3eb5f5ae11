// Static shapes of reductions (TF's ReductionShape) and arg-reductions.
import { beforeEach, describe, expect, it } from 'vitest';
import * as reduce from '../../../src/api/reduce.ts';
import { placeholder } from '../../../src/api/state.ts';
import { resetDefaultGraph } from '../../../src/engine/graph.ts';

beforeEach(() => resetDefaultGraph());

describe('reduction shapes', () => {
  it('constant axes drop the dims, or keep them as 1 with keep_dims', () => {
    const x = placeholder('float32', [null, 3, 4], 'x');
    expect(reduce.reduceSum(x, 1).shape).toEqual([null, 4]);
    expect(reduce.reduceSum(x, [0, -1]).shape).toEqual([3]);
    expect(reduce.reduceMean(x, [0, 2], true).shape).toEqual([1, 3, 1]);
    expect(reduce.reduceMax(x).shape).toEqual([]);
    expect(reduce.reduceProd(x, []).shape).toEqual([null, 3, 4]);
  });
  it('runtime axes leave the rank with keep_dims and nothing without', () => {
    const x = placeholder('float32', [2, 3], 'x');
    const axes = placeholder('int32', [1], 'axes');
    expect(reduce.reduceSum(x, axes, true).shape).toEqual([null, null]);
    expect(reduce.reduceSum(x, axes).shape).toBeNull();
  });
  it('an input of unknown rank reduced over everything goes through Rank and range', () => {
    const y = reduce.reduceSum(placeholder('float32', undefined, 'u'));
    expect(y.shape).toBeNull();
    expect(y.op.inputs[1]!.op.type).toBe('Range');
  });
  it("rejects an axis out of range in TF's words", () => {
    const x = placeholder('float32', [2, 3], 'x');
    expect(() => reduce.reduceSum(x, 2)).toThrow("Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [2,3], [].");
  });
  it('ArgMax drops the dimension and gives int32 (where TF gives int64)', () => {
    const x = placeholder('float32', [null, 10], 'x');
    const a = reduce.argmax(x, 1);
    expect([a.dtype, a.shape]).toEqual(['int32', [null]]);
    expect(reduce.argmin(x, placeholder('int32', [], 'd')).shape).toEqual([null]);
    expect(() => reduce.argmax(x, 2)).toThrow('Dimension (2) must be in the range [-2, 2), where 2 is the number of dimensions in the input.');
  });
});
