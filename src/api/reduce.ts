/**
 * Reductions as TF 1.x's `math_ops` builds them. Without an axis, TF reduces over
 * every dimension with a `Const` made in the *current* scope before the op; with a JS
 * axis, the axis becomes `<Op>/reduction_indices`:
 *
 *     tf.reduceSum(x);        // `Const`, `Sum`
 *     tf.reduceSum(x, 1);     // `Sum/reduction_indices`, `Sum`
 */
import { attr } from '../engine/attr.ts';
import { Tensor } from '../engine/graph.ts';
import { applyOp, constant, type TensorLike } from '../engine/op-builder.ts';
import { dynamicStitch, fill, range, rank, shape, size } from './array.ts';
import { cast, opAdd, opMod } from './math.ts';

/** An axis argument: a number, a list of numbers, or an int32 tensor. */
export type Axis = number | readonly number[] | TensorLike;

/**
 * TF's `_ReductionDims`: the given axis, else `Const` arange(rank) when x is a Tensor
 * of known rank, else `range(0, rank(x))` built at run time.
 */
function reductionDims(x: TensorLike, axis: Axis | undefined): TensorLike {
  if (axis !== undefined && axis !== null) return axis as TensorLike;
  if (x instanceof Tensor && x.shape !== null) {
    const r = x.shape.length;
    return constant(Int32Array.from({ length: r }, (_, i) => i), 'int32', [r], 'Const', x.graph);
  }
  return range(0, rank(x));
}

function reduction(type: string) {
  return (x: TensorLike, axis?: Axis, keepDims = false, name: string = type): Tensor =>
    applyOp(type, name, [['input', x], ['reduction_indices', reductionDims(x, axis)]], (ts) => ({
      T: attr.type(ts[0]!.dtype),
      Tidx: attr.type(ts[1]!.dtype),
      keep_dims: attr.bool(keepDims),
    }), { sameType: [0], dtypes: { 1: 'int32' } }).output;
}

/** `tf.reduce_sum(x, axis?, keep_dims=false)` → `Sum`. */
export const reduceSum = reduction('Sum');
/** `tf.reduce_mean(x, axis?, keep_dims=false)` → `Mean` (integer division for int32, as TF). */
export const reduceMean = reduction('Mean');
/** `tf.reduce_max(x, axis?, keep_dims=false)` → `Max`. */
export const reduceMax = reduction('Max');
/** `tf.reduce_min(x, axis?, keep_dims=false)` → `Min`. */
export const reduceMin = reduction('Min');
/** `tf.reduce_prod(x, axis?, keep_dims=false)` → `Prod`. */
export const reduceProd = reduction('Prod');

function argReduction(type: string) {
  return (x: TensorLike, axis: TensorLike = 0, name: string = type): Tensor =>
    applyOp(type, name, [['input', x], ['dimension', axis]], (ts) => ({
      T: attr.type(ts[0]!.dtype),
      Tidx: attr.type(ts[1]!.dtype),
      // TF's default output_type is int64, which this engine does not have: indices are int32.
      output_type: attr.type('int32'),
    }), { sameType: [0], dtypes: { 1: 'int32' } }).output;
}

/** `tf.argmax(x, axis=0)` → `ArgMax` (`ArgMax/dimension`); int32 indices where TF gives int64. */
export const argmax = argReduction('ArgMax');
/** `tf.argmin(x, axis=0)` → `ArgMin`; int32 indices. */
export const argmin = argReduction('ArgMin');

function cumulative(type: 'Cumsum' | 'Cumprod') {
  return (x: TensorLike, axis: TensorLike = 0, options: { exclusive?: boolean; reverse?: boolean; name?: string } = {}): Tensor =>
    applyOp(type, options.name ?? type, [['x', x], ['axis', axis]], (ts) => ({
      T: attr.type(ts[0]!.dtype),
      Tidx: attr.type(ts[1]!.dtype),
      exclusive: attr.bool(options.exclusive ?? false),
      reverse: attr.bool(options.reverse ?? false),
    }), { sameType: [0], dtypes: { 1: 'int32' } }).output;
}

/** `tf.cumsum(x, axis=0, {exclusive, reverse})` → `Cumsum` (`Cumsum/axis`). */
export const cumsum = cumulative('Cumsum');
/** `tf.cumprod(x, axis=0, {exclusive, reverse})` → `Cumprod`. */
export const cumprod = cumulative('Cumprod');

/**
 * TF's `math_ops.reduced_shape(input_shape, axes)`: the input shape with the reduced
 * axes set to 1, built as TF does (`Size`, `add`, `mod`, `Shape`, `range`, `Fill`,
 * `DynamicStitch`) so that gradient names match.
 */
export function reducedShape(inputShape: TensorLike, axes: TensorLike): Tensor {
  const shapeT = cast(inputShape, 'int32', 'ToInt32');
  let axesT = cast(axes, 'int32', 'ToInt32');
  const inputRank = size(shapeT);
  axesT = opMod(opAdd(axesT, inputRank), inputRank);
  const axesShape = shape(axesT);
  return dynamicStitch([range(inputRank), axesT], [shapeT, fill(axesShape, 1, 'Fill', 'int32')]);
}
