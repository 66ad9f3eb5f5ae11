// Static shape inference of the array ops as TF 1.x's shape functions do it: with
// unknown dimensions, partially known shape tensors (`Shape`, `Pack`, `ConcatV2` of
// them), constant folding of the shape arithmetic TF folds, and TF's messages for
// shapes that cannot work.
import { beforeEach, describe, expect, it } from 'vitest';
import * as array from '../../../src/api/array.ts';
import { opAdd } from '../../../src/api/math.ts';
import { placeholder } from '../../../src/api/state.ts';
import { constant } from '../../../src/engine/op-builder.ts';
import { resetDefaultGraph, type Tensor } from '../../../src/engine/graph.ts';
import type { Shape } from '../../../src/engine/shape.ts';

beforeEach(() => resetDefaultGraph());

const f = (shape?: Shape, name = 'x'): Tensor => placeholder('float32', shape, name);
const i = (shape?: Shape, name = 'i'): Tensor => placeholder('int32', shape, name);
/** An int32 vector whose values shape inference cannot see (TF does not fold Add). */
const opaque = (values: number[]): Tensor => opAdd(constant(Int32Array.from(values), 'int32'), 0);

describe('shape ops', () => {
  it('Shape is a vector of the rank; Size and Rank are scalars', () => {
    expect(array.shape(f([null, 3])).shape).toEqual([2]);
    expect(array.shape(f()).shape).toEqual([null]);
    expect(array.size(f([null, 3])).shape).toEqual([]);
    expect(array.rank(f()).shape).toEqual([]);
    expect(array.shapeN([f([2]), f([null, 1, 1], 'y')]).map((t) => t.shape)).toEqual([[1], [3]]);
  });
});

describe('Reshape', () => {
  it('infers the -1 dimension from a known element count', () => {
    expect(array.reshape(f([2, 6]), [3, -1]).shape).toEqual([3, 4]);
    expect(array.reshape(f([2, 6]), [-1]).shape).toEqual([12]);
    expect(array.reshape(f([]), [1, 1]).shape).toEqual([1, 1]);
  });
  it('keeps unknown what the element count cannot tell', () => {
    expect(array.reshape(f([null, 4]), [-1, 2]).shape).toEqual([null, 2]);
    expect(array.reshape(f([2, 6]), [-1, -1]).shape).toEqual([null, null]);
  });
  it('reads partial shapes from Shape, Pack and ConcatV2 inputs', () => {
    const x = f([null, 3]);
    expect(array.reshape(f([null, 3], 'y'), array.shape(x)).shape).toEqual([null, 3]);
    expect(array.reshape(x, [opaque([2]), 3].map((d) => (typeof d === 'number' ? d : array.reshape(d, [])))).shape).toEqual([null, 3]);
    expect(array.reshape(x, array.concat([Int32Array.of(-1), Int32Array.of(3)], 0)).shape).toEqual([null, 3]);
    expect(array.reshape(x, array.concat([array.shape(x), [1]], 0)).shape).toEqual([null, 3, 1]);
  });
  it('knows only the rank for a shape vector of unknown values, nothing for one of unknown length', () => {
    expect(array.reshape(f([6]), opaque([1, 2, 3])).shape).toEqual([null, null, null]);
    expect(array.reshape(f([6]), i([null])).shape).toBeNull();
  });
  it("rejects a shape with a different element count, in TF's words", () => {
    expect(() => array.reshape(f([4]), [3])).toThrow("Cannot reshape a tensor with 4 elements to shape [3] (3 elements) for 'Reshape' (op: 'Reshape') with input shapes: [4], [1].");
    expect(() => array.reshape(f([2, 3]), [4, -1])).toThrow('Dimension size must be evenly divisible by 4 but is 6');
  });
});

describe('ExpandDims and Squeeze', () => {
  it('ExpandDims inserts a 1 (negative dims count from the end)', () => {
    expect(array.expandDims(f([null, 3]), 0).shape).toEqual([1, null, 3]);
    expect(array.expandDims(f([null, 3]), -1).shape).toEqual([null, 3, 1]);
    expect(array.expandDims(f([2]), opaque([0])).shape).toBeNull();
    expect(() => array.expandDims(f([2]), 3)).toThrow('dim 3 not in the interval [-2, 1].');
  });
  it('Squeeze drops size-1 dims; unknown dims are assumed 1 only when listed', () => {
    expect(array.squeeze(f([1, 3, 1])).shape).toEqual([3]);
    expect(array.squeeze(f([1, null, 1]), [0]).shape).toEqual([null, 1]);
    expect(array.squeeze(f([null, 3]), [0]).shape).toEqual([3]);
    expect(array.squeeze(f([1, null])).shape).toBeNull();
    expect(() => array.squeeze(f([2, 3]), [0])).toThrow('Can not squeeze dim[0], expected a dimension of 1, got 2');
  });
});

describe('Fill, Tile, Range', () => {
  it('Fill takes its shape from the dims tensor, partially when it is a Shape', () => {
    expect(array.fill([2, 3], 1.5).shape).toEqual([2, 3]);
    expect(array.fill(array.shape(f([null, 3])), 0).shape).toEqual([null, 3]);
    expect(array.fill(opaque([1, 2]), 0).shape).toEqual([null, null]);
  });
  it('Tile multiplies known dims and keeps a dim under a multiple of 1', () => {
    expect(array.tile(f([null, 3]), [2, 1]).shape).toEqual([null, 3]);
    expect(array.tile(f([2, null]), [3, 2]).shape).toEqual([6, null]);
    expect(array.tile(f([1, 4]), opaque([5, 1])).shape).toEqual([null, null]);
    expect(() => array.tile(f([2, 3]), [2])).toThrow('Shape must be rank 2 but is rank 1');
  });
  it('Range knows its length when start, limit and delta are constant (folded as TF folds them)', () => {
    expect(array.range(5).shape).toEqual([5]);
    expect(array.range(3, -4, -2).shape).toEqual([4]);
    expect(array.range(0.5, 2, 0.25).shape).toEqual([6]);
    expect(array.range(0, array.rank(f([null, 2, 2]))).shape).toEqual([3]);
    expect(array.range(i([])).shape).toEqual([null]);
    expect(() => array.range(3, 1)).toThrow('Requires start <= limit when delta > 0: 3/1');
  });
});

describe('Transpose and InvertPermutation', () => {
  it('permutes known dims; an unknown perm leaves the rank', () => {
    expect(array.transpose(f([null, 3, 4]), [2, 0, 1]).shape).toEqual([4, null, 3]);
    expect(array.transpose(f([2, 3]), opaque([1, 0])).shape).toEqual([null, null]);
    expect(array.transpose(f(), [1, 0]).shape).toEqual([null, null]);
    expect(array.transpose(f([2, null, 4])).shape).toEqual([4, null, 2]);
    expect(() => array.transpose(f([2, 3]), [0, 1, 2])).toThrow('Dimension must be 2 but is 3');
  });
  it('InvertPermutation keeps the vector shape', () => {
    expect(array.invertPermutation(i([4])).shape).toEqual([4]);
  });
});

describe('ConcatV2, Slice, Pad, Pack', () => {
  it('ConcatV2 sums the axis and merges the rest', () => {
    expect(array.concat([f([null, 3]), f([2, 3], 'y')], 0).shape).toEqual([null, 3]);
    expect(array.concat([f([2, null]), f([null, 3], 'y')], 1).shape).toEqual([2, null]);
    expect(array.concat([f([2, 2]), f([2, 3], 'y')], -1).shape).toEqual([2, 5]);
    expect(array.concat([f([2, 2]), f([2, 3], 'y')], i([])).shape).toEqual([null, null]);
    expect(() => array.concat([f([2, 2]), f([3, 3], 'y')], 1)).toThrow('Dimension 0 in both shapes must be equal, but are 2 and 3');
    expect(() => array.concat([f([2]), f([2, 3], 'y')], 0)).toThrow('Shape must be rank 1 but is rank 2');
  });
  it('Slice: constant sizes (-1 = the rest of a known dim), else what is known of them', () => {
    expect(array.slice(f([4, 5]), [1, 2], [2, -1]).shape).toEqual([2, 3]);
    expect(array.slice(f([null, 5]), [1, 2], [-1, 2]).shape).toEqual([null, 2]);
    expect(array.slice(f([4, 5]), opaque([1, 1]), [2, -1]).shape).toEqual([2, null]);
    expect(array.slice(f([4, 5]), [0, 0], opaque([1, 1])).shape).toEqual([null, null]);
  });
  it('Pad adds constant paddings to known dims', () => {
    expect(array.pad(f([null, 3]), [[1, 1], [0, 2]]).shape).toEqual([null, 5]);
  });
  it('Pack inserts N at the axis; Unpack removes it', () => {
    expect(array.stack([f([2, 3]), f([2, 3], 'y')], 1).shape).toEqual([2, 2, 3]);
    expect(array.stack([f([null]), f([4], 'y')]).shape).toEqual([2, 4]);
    expect(array.unstack(f([2, null]), 2).map((t) => t.shape)).toEqual([[null], [null]]);
  });
});

describe('DynamicStitch and BroadcastGradientArgs', () => {
  it('DynamicStitch knows its length only when every index tensor is constant', () => {
    expect(array.dynamicStitch([[0, 2], [1, 3]], [f([2, 5]), f([2, 5], 'y')]).shape).toEqual([4, 5]);
    expect(array.dynamicStitch([[0, 2], opaque([1])], [f([2]), f([1], 'y')]).shape).toEqual([null]);
  });
  it('BroadcastGradientArgs gives two vectors of unknown length', () => {
    const [r0, r1] = array.broadcastGradientArgs(i([2]), i([1], 'j'));
    expect([r0.shape, r1.shape]).toEqual([[null], [null]]);
  });
});
