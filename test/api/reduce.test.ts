// Reductions build the nodes TF 1.x builds: `Const` (arange(rank), in the current scope)
// or `<Op>/reduction_indices`, and gradients node for node as math_grad.py does. The
// Mean and Sum gradients are those of the real TF 1.1 graph in
// ../shared/data/real-events/tf1-morvan-tensorboard-2017 (loss/Mean_grad, loss/Sum_grad).
import { beforeEach, describe, expect, it } from 'vitest';
import { opSub, square } from '../../src/api/math.ts';
import * as reduce from '../../src/api/reduce.ts';
import { nameScope, placeholder } from '../../src/api/state.ts';
import { gradients } from '../../src/engine/gradients.ts';
import { resetDefaultGraph } from '../../src/engine/graph.ts';
import { listNodes } from '../ops/array/graph-listing.ts';

beforeEach(() => resetDefaultGraph());

describe('reduction op names', () => {
  it('no axis: a Const made in the current scope before the op; a JS axis: <Op>/reduction_indices', () => {
    const x = placeholder('float32', [null, 3], 'x');
    nameScope('loss', () => {
      reduce.reduceSum(x);
      reduce.reduceSum(x, 1, true);
      reduce.reduceMean(x, [0, 1]);
    });
    expect(listNodes()).toEqual([
      'loss/Const: Const',
      'loss/Sum: Sum <- x, loss/Const',
      'loss/Sum_1/reduction_indices: Const',
      'loss/Sum_1: Sum <- x, loss/Sum_1/reduction_indices',
      'loss/Mean/reduction_indices: Const',
      'loss/Mean: Mean <- x, loss/Mean/reduction_indices',
    ]);
    const sum1 = reduce.reduceSum(x, 1, true).op;
    expect(Object.keys(sum1.attrs).sort()).toEqual(['T', 'Tidx', 'keep_dims']);
    expect(sum1.getAttr('keep_dims', 'bool')).toBe(true);
  });

  it('Max, Min, Prod, ArgMax (`ArgMax/dimension`, int32 output_type), ArgMin', () => {
    const x = placeholder('float32', [2, 3], 'x');
    reduce.reduceMax(x, 0);
    reduce.reduceMin(x);
    reduce.reduceProd(x, 1);
    const a = reduce.argmax(x, 1);
    reduce.argmin(x, 0);
    expect(listNodes()).toEqual([
      'Max/reduction_indices: Const', 'Max: Max <- x, Max/reduction_indices',
      'Const: Const', 'Min: Min <- x, Const',
      'Prod/reduction_indices: Const', 'Prod: Prod <- x, Prod/reduction_indices',
      'ArgMax/dimension: Const', 'ArgMax: ArgMax <- x, ArgMax/dimension',
      'ArgMin/dimension: Const', 'ArgMin: ArgMin <- x, ArgMin/dimension',
    ]);
    expect(a.op.getAttr('output_type', 'type')).toBe('int32');
  });
});

describe('reduction gradient names', () => {
  it('Mean over a [?] tensor and Sum over axis 1 of [?, 1]: exactly the real TF 1.1 graph', () => {
    const y = placeholder('float32', [null, 1], 'y');
    const p = placeholder('float32', [null, 1], 'p');
    const loss = nameScope('loss', () => reduce.reduceMean(reduce.reduceSum(square(opSub(y, p)), [1])));
    gradients(loss, [p]);
    expect(listNodes('gradients/loss/Mean_grad/')).toEqual([
      'Reshape/shape: Const',
      'Reshape: Reshape <- gradients/Fill, Reshape/shape',
      'Shape: Shape <- loss/Sum',
      'Tile: Tile <- Reshape, Shape',
      'Shape_1: Shape <- loss/Sum',
      'Shape_2: Const',
      'Const: Const',
      'Prod: Prod <- Shape_1, Const',
      'Const_1: Const',
      'Prod_1: Prod <- Shape_2, Const_1',
      'Maximum/y: Const',
      'Maximum: Maximum <- Prod_1, Maximum/y',
      'floordiv: FloorDiv <- Prod, Maximum',
      'Cast: Cast <- floordiv',
      'truediv: RealDiv <- Tile, Cast',
    ]);
    expect(listNodes('gradients/loss/Sum_grad/')).toEqual([
      'Shape: Shape <- loss/Square',
      'Size: Const',
      'add: Add <- loss/Sum/reduction_indices, Size',
      'mod: FloorMod <- add, Size',
      'Shape_1: Const',
      'range/start: Const',
      'range/delta: Const',
      'range: Range <- range/start, Size, range/delta',
      'Fill/value: Const',
      'Fill: Fill <- Shape_1, Fill/value',
      'DynamicStitch: DynamicStitch <- range, mod, Shape, Fill',
      'Maximum/y: Const',
      'Maximum: Maximum <- DynamicStitch, Maximum/y',
      'floordiv: FloorDiv <- Shape, Maximum',
      'Reshape: Reshape <- gradients/loss/Mean_grad/truediv, DynamicStitch',
      'Tile: Tile <- Reshape, floordiv',
    ]);
  });

  it('Sum of everything with a fully known shape tiles by a Const multiples', () => {
    const x = placeholder('float32', [2, 3], 'x');
    gradients(reduce.reduceSum(x), [x]);
    expect(listNodes('gradients/Sum_grad/')).toEqual([
      'Reshape/shape: Const',
      'Reshape: Reshape <- gradients/Fill, Reshape/shape',
      'Tile/multiples: Const',
      'Tile: Tile <- Reshape, Tile/multiples',
    ]);
  });

  it('Max: indicators of the maximum, divided among ties (`div`), times the gradient', () => {
    const x = placeholder('float32', [null, 10], 'x');
    gradients(reduce.reduceMax(x, 1), [x]);
    expect(listNodes('gradients/Max_grad/').slice(11)).toEqual([
      'Reshape: Reshape <- Max, DynamicStitch',
      'Reshape_1: Reshape <- gradients/Fill, DynamicStitch',
      'Equal: Equal <- Reshape, x',
      'Cast: Cast <- Equal',
      'Sum: Sum <- Cast, Max/reduction_indices',
      'Reshape_2: Reshape <- Sum, DynamicStitch',
      'div: RealDiv <- Cast, Reshape_2',
      'mul: Mul <- div, Reshape_1',
    ]);
  });

  it('Prod: cumprod from both ends of the permuted, flattened input', () => {
    const x = placeholder('float32', [2, 3], 'x');
    gradients(reduce.reduceProd(x, 1), [x]);
    const types = listNodes('gradients/Prod_grad/').map((l) => l.split(' <- ')[0]);
    expect(types.slice(18)).toEqual([
      'Rank: Const', 'add_1: Add', 'mod_1: FloorMod', 'range_1/start: Const', 'range_1/delta: Const', 'range_1: Range',
      'ListDiff: ListDiff', 'concat/axis: Const', 'concat: ConcatV2', 'Gather: Gather', 'Const: Const', 'Prod: Prod',
      'Gather_1: Gather', 'Const_1: Const', 'Prod_1: Prod', 'transpose: Transpose', 'Shape_2: Shape', 'Reshape_2/shape: Pack',
      'Reshape_2: Reshape', 'Cumprod/axis: Const', 'Cumprod: Cumprod', 'Cumprod_1/axis: Const', 'Cumprod_1: Cumprod', 'mul: Mul',
      'Reshape_3: Reshape', 'InvertPermutation: InvertPermutation', 'transpose_1: Transpose', 'mul_1: Mul', 'Reshape_4: Reshape',
    ]);
  });
});
