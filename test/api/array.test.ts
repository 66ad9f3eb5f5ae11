// Array functions build the nodes TF 1.x's array_ops builds (names, op types, inputs,
// attrs), and their gradients build what array_grad.py builds.
import { beforeEach, describe, expect, it } from 'vitest';
import * as array from '../../src/api/array.ts';
import { placeholder } from '../../src/api/state.ts';
import { gradients } from '../../src/engine/gradients.ts';
import { getDefaultGraph, resetDefaultGraph } from '../../src/engine/graph.ts';
import { listNodes } from '../ops/array/graph-listing.ts';

beforeEach(() => resetDefaultGraph());

const attrKeys = (name: string) => Object.keys(getDefaultGraph().getOperationByName(name).attrs).sort();

describe('array op names', () => {
  it('shape, size and rank fold to Consts named after the function when the static shape allows', () => {
    const known = placeholder('float32', [2, 3], 'k');
    const partial = placeholder('float32', [null, 3], 'p');
    array.shape(known);
    array.shape(partial);
    array.size(known);
    array.size(partial);
    array.rank(partial);
    array.rank(placeholder('float32', undefined, 'u'));
    array.shape(known, { optimize: false, name: 'my_shape' });
    expect(listNodes()).toEqual([
      'Shape: Const', 'Shape_1: Shape <- p', 'Size: Const', 'Size_1: Size <- p', 'Rank: Const', 'Rank_1: Rank <- u', 'my_shape: Shape <- k',
    ]);
    expect(attrKeys('Shape_1')).toEqual(['T', 'out_type']);
    expect(attrKeys('Size_1')).toEqual(['T', 'out_type']);
    expect(attrKeys('Rank_1')).toEqual(['T']);
  });

  it('reshape, fill, tile, expandDims, squeeze, slice, pad name their JS arguments', () => {
    const x = placeholder('float32', [2, 3], 'x');
    array.reshape(x, [3, -1]);
    array.fill([2, 2], 0.5);
    array.tile(x, [1, 2]);
    array.expandDims(x, 0);
    array.squeeze(x);
    array.slice(x, [0, 1], [1, -1]);
    array.pad(x, [[1, 1], [0, 0]]);
    expect(listNodes()).toEqual([
      'Reshape/shape: Const', 'Reshape: Reshape <- x, Reshape/shape',
      'Fill/dims: Const', 'Fill/value: Const', 'Fill: Fill <- Fill/dims, Fill/value',
      'Tile/multiples: Const', 'Tile: Tile <- x, Tile/multiples',
      'ExpandDims/dim: Const', 'ExpandDims: ExpandDims <- x, ExpandDims/dim',
      'Squeeze: Squeeze <- x',
      'Slice/begin: Const', 'Slice/size: Const', 'Slice: Slice <- x, Slice/begin, Slice/size',
      'Pad/paddings: Const', 'Pad: Pad <- x, Pad/paddings',
    ]);
    expect(attrKeys('Reshape')).toEqual(['T', 'Tshape']);
    expect(attrKeys('Fill')).toEqual(['T']);
    expect(attrKeys('Tile')).toEqual(['T', 'Tmultiples']);
    expect(attrKeys('ExpandDims')).toEqual(['T', 'Tdim']);
    expect(attrKeys('Squeeze')).toEqual(['T', 'squeeze_dims']);
    expect(attrKeys('Slice')).toEqual(['Index', 'T']);
    expect(attrKeys('Pad')).toEqual(['T', 'Tpaddings']);
  });

  it('lists holding tensors are autopacked in argument order (`Slice/begin` a Pack, JS entries `stack/1`)', () => {
    const x = placeholder('float32', [null, 3], 'x');
    const r = array.rank(x);
    array.slice(x, [0, 0], [r, 2].map((v) => v));
    array.stack([r, 1]);
    expect(listNodes()).toEqual([
      'Rank: Const',
      'Slice/begin: Const', 'Slice/size/1: Const', 'Slice/size: Pack <- Rank, Slice/size/1', 'Slice: Slice <- x, Slice/begin, Slice/size',
      'stack/1: Const', 'stack: Pack <- Rank, stack/1',
    ]);
    expect(attrKeys('stack')).toEqual(['N', 'T', 'axis']);
  });

  it('range: `range/start`, `range/limit`, `range/delta`, then Range named `range` with Tidx', () => {
    array.range(5);
    array.range(0, placeholder('int32', [], 'n'), 2);
    expect(listNodes()).toEqual([
      'range/start: Const', 'range/limit: Const', 'range/delta: Const', 'range: Range <- range/start, range/limit, range/delta',
      'range_1/start: Const', 'range_1/delta: Const', 'range_1: Range <- range_1/start, n, range_1/delta',
    ]);
    expect(attrKeys('range')).toEqual(['Tidx']);
    expect(getDefaultGraph().getOperationByName('range').getAttr('Tidx', 'type')).toBe('int32');
  });

  it('transpose: `transpose/perm`, or a runtime reversal without perm', () => {
    const x = placeholder('float32', [2, 3], 'x');
    array.transpose(x, [1, 0]);
    const t = array.transpose(x);
    expect(t.shape).toEqual([3, 2]);
    expect(listNodes()).toEqual([
      'transpose/perm: Const', 'transpose: Transpose <- x, transpose/perm',
      'transpose_1/Rank: Rank <- x', 'transpose_1/sub/y: Const', 'transpose_1/sub: Sub <- transpose_1/Rank, transpose_1/sub/y',
      'transpose_1/Range/start: Const', 'transpose_1/Range/delta: Const',
      'transpose_1/Range: Range <- transpose_1/Range/start, transpose_1/Rank, transpose_1/Range/delta',
      'transpose_1/sub_1: Sub <- transpose_1/sub, transpose_1/Range', 'transpose_1: Transpose <- x, transpose_1/sub_1',
    ]);
    expect(attrKeys('transpose')).toEqual(['T', 'Tperm']);
  });

  it('concat: `concat/values_<i>` for JS values, `concat/axis`; one value is an Identity', () => {
    const x = placeholder('float32', [2, 3], 'x');
    array.concat([x, [[1, 2, 3]]], 0);
    array.concat([x], 1);
    expect(listNodes()).toEqual([
      'concat/values_1: Const', 'concat/axis: Const', 'concat: ConcatV2 <- x, concat/values_1, concat/axis',
      'concat_1/concat_dim: Const', 'concat_1: Identity <- x',
    ]);
    expect(attrKeys('concat')).toEqual(['N', 'T', 'Tidx']);
  });

  it('zeros and ones: a Const for a JS shape, `zeros/Const` + Fill for a tensor shape', () => {
    array.zeros([2, 3]);
    array.ones([2], 'int32');
    array.zeros(array.shape(placeholder('float32', [null], 'p')));
    expect(listNodes()).toEqual(['zeros: Const', 'ones: Const', 'Shape: Shape <- p', 'zeros_1/Const: Const', 'zeros_1: Fill <- Shape, zeros_1/Const']);
  });

  it('dynamicStitch, broadcastGradientArgs, invertPermutation, identity, stopGradient', () => {
    const a = placeholder('float32', [2], 'a');
    array.dynamicStitch([[0, 1]], [a]);
    array.broadcastGradientArgs(array.shape(a, { optimize: false }), [1]);
    array.invertPermutation([1, 0]);
    array.identity(a);
    array.stopGradient(a);
    expect(listNodes()).toEqual([
      'DynamicStitch/indices_0: Const', 'DynamicStitch: DynamicStitch <- DynamicStitch/indices_0, a',
      'Shape: Shape <- a', 'BroadcastGradientArgs/s1: Const', 'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, BroadcastGradientArgs/s1',
      'InvertPermutation/x: Const', 'InvertPermutation: InvertPermutation <- InvertPermutation/x',
      'Identity: Identity <- a', 'StopGradient: StopGradient <- a',
    ]);
    expect(attrKeys('DynamicStitch')).toEqual(['N', 'T']);
    expect(attrKeys('BroadcastGradientArgs')).toEqual(['T']);
  });
});

describe('array gradient names', () => {
  it('Reshape, ExpandDims, Squeeze: Shape of the input, then Reshape', () => {
    const x = placeholder('float32', [null, 3], 'x');
    gradients(array.reshape(x, [-1]), [x]);
    expect(listNodes('gradients/Reshape_grad/')).toEqual(['Shape: Shape <- x', 'Reshape: Reshape <- gradients/Fill, Shape']);
  });

  it('Transpose: InvertPermutation, then transpose', () => {
    const x = placeholder('float32', [2, 3], 'x');
    gradients(array.transpose(x, [1, 0]), [x]);
    expect(listNodes('gradients/transpose_grad/')).toEqual([
      'InvertPermutation: InvertPermutation <- transpose/perm',
      'transpose: Transpose <- gradients/Fill, InvertPermutation',
    ]);
  });

  it('Tile: stack, default transpose, Reshape, range over the even axes, Sum', () => {
    const x = placeholder('float32', [null, 10], 'x');
    gradients(array.tile(x, [2, 1]), [x]);
    expect(listNodes('gradients/Tile_grad/').map((l) => l.split(' <- ')[0])).toEqual([
      'Shape: Shape', 'stack: Pack', 'transpose/Rank: Rank', 'transpose/sub/y: Const', 'transpose/sub: Sub',
      'transpose/Range/start: Const', 'transpose/Range/delta: Const', 'transpose/Range: Range', 'transpose/sub_1: Sub',
      'transpose: Transpose', 'Reshape/shape: Const', 'Reshape: Reshape', 'Size: Const', 'range/start: Const',
      'range/delta: Const', 'range: Range', 'Reshape_1: Reshape', 'Sum: Sum',
    ]);
  });

  it('ConcatV2: mod by Rank, then ShapeN (a dangling Shape where a shape is not fully known), ConcatOffset, Slices', () => {
    const x = placeholder('float32', [null, 3], 'x');
    const y = placeholder('float32', [null, 2], 'y');
    gradients(array.concat([x, y], 1), [x, y]);
    expect(listNodes('gradients/concat_grad/')).toEqual([
      'Rank: Const',
      'mod: FloorMod <- concat/axis, Rank',
      'Shape: Shape <- x',
      'ShapeN: ShapeN <- x, y',
      'ConcatOffset: ConcatOffset <- mod, ShapeN, ShapeN:1',
      'Slice: Slice <- gradients/Fill, ConcatOffset, ShapeN',
      'Slice_1: Slice <- gradients/Fill, ConcatOffset:1, ShapeN:1',
    ]);
  });

  it('Slice: pad the gradient (Rank, Shape, stack, Reshape, sub, concat, Pad)', () => {
    const x = placeholder('float32', [null, 10], 'x');
    gradients(array.slice(x, [0, 1], [-1, 3]), [x]);
    expect(listNodes('gradients/Slice_grad/')).toEqual([
      'Rank: Const',
      'Shape: Shape <- Slice',
      'stack/1: Const',
      'stack: Pack <- Rank, stack/1',
      'Reshape: Reshape <- Slice/begin, stack',
      'Shape_1: Shape <- x',
      'sub: Sub <- Shape_1, Shape',
      'sub_1: Sub <- sub, Slice/begin',
      'Reshape_1: Reshape <- sub_1, stack',
      'concat/axis: Const',
      'concat: ConcatV2 <- Reshape, Reshape_1, concat/axis',
      'Pad: Pad <- gradients/Fill, concat',
    ]);
  });
});
