/**
 * `tf.nn` softmax family as TF 1.x's `nn_ops` builds it. Softmax and LogSoftmax ops
 * take matrices, so other ranks are flattened to [-1, last] around the op (TF's
 * `_flatten_outer_dims`), and a non-last axis is swapped to the end first.
 *
 *     const probs = tf.nn.softmax(logits);
 *     const loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: y, logits }));
 */
import { attr } from '../engine/attr.ts';
import { ValueError } from '../engine/errors.ts';
import type { Tensor } from '../engine/graph.ts';
import { applyOp, convertToTensor, graphOf, type TensorLike } from '../engine/op-builder.ts';
import { concat, range, rank, reshape, shape, slice, transpose } from './array.ts';
import { cast, sub } from './math.ts';

/** TF's `_flatten_outer_dims`: reshape to [-1, last dim], keeping the static shape when it is known. */
function flattenOuterDims(logits: Tensor): Tensor {
  const r = rank(logits);
  const lastDimSize = slice(shape(logits), [sub(r, 1)], [1]);
  const output = reshape(logits, concat([[-1], lastDimSize], 0));
  const s = logits.shape;
  if (s !== null && s.length > 0) {
    const outer = s.slice(0, -1);
    if (outer.every((d) => d !== null)) output.setShape([outer.reduce<number>((a, d) => a * d!, 1), s[s.length - 1]!]);
  }
  return output;
}

/** TF's `_swap_axis`: transpose so that dimension `dim` and `last` trade places. */
function swapAxis(logits: Tensor, dim: number, last: Tensor): Tensor {
  return transpose(logits, concat([range(dim), [last], range(dim + 1, last), [dim]], 0));
}

/** TF 1.x's `_softmax`: the op directly for a matrix along its last axis, else flatten (and swap) around it. */
function softmaxLike(type: 'Softmax' | 'LogSoftmax', logitsIn: TensorLike, name: string | undefined, axis: number): Tensor {
  const graph = graphOf([logitsIn]);
  let logits = convertToTensor(logitsIn, undefined, 'Const', graph);
  const compute = (x: Tensor): Tensor => applyOp(type, name ?? type, [['logits', x]], (ts) => ({ T: attr.type(ts[0]!.dtype) })).output;
  const staticShape = logits.shape;
  if (staticShape !== null && staticShape.length === 2 && axis === -1) return compute(logits);
  if (axis === -1) {
    const inputShape = shape(logits);
    return reshape(compute(flattenOuterDims(logits)), inputShape);
  }
  const inputRank = rank(logits);
  logits = swapAxis(logits, axis, sub(inputRank, 1));
  const shapeAfterSwap = shape(logits);
  let output = compute(flattenOuterDims(logits));
  output = reshape(output, shapeAfterSwap);
  output = swapAxis(output, axis, sub(inputRank, 1));
  output.setShape(staticShape);
  return output;
}

/** `tf.nn.softmax(logits, axis=-1)` → `Softmax`. */
export function softmax(logits: TensorLike, name?: string, axis = -1): Tensor {
  return softmaxLike('Softmax', logits, name, axis);
}

/** `tf.nn.log_softmax(logits, axis=-1)` → `LogSoftmax`. */
export function logSoftmax(logits: TensorLike, name?: string, axis = -1): Tensor {
  return softmaxLike('LogSoftmax', logits, name, axis);
}

export interface SoftmaxCrossEntropyArgs {
  readonly labels: TensorLike;
  readonly logits: TensorLike;
  /** The class dimension (TF's `dim`), -1 by default. */
  readonly axis?: number;
  readonly name?: string;
}

/**
 * `tf.nn.softmax_cross_entropy_with_logits_v2(labels=, logits=)`: per-example
 * -sum(labels * log_softmax(logits)), differentiable in both arguments. Built as TF
 * builds it in scope `softmax_cross_entropy_with_logits`: both inputs flattened to
 * matrices (`Rank`, `Shape`, `Sub`, `Slice`, `concat`, `Reshape`…), the fused
 * `SoftmaxCrossEntropyWithLogits` op named after the scope, and the cost reshaped
 * back to the outer dimensions (`Slice_2`, `Reshape_2`).
 */
export function softmaxCrossEntropyWithLogitsV2(args: SoftmaxCrossEntropyArgs): Tensor {
  const { labels, logits, axis = -1, name = 'softmax_cross_entropy_with_logits' } = args;
  const graph = graphOf([logits, labels]);
  return graph.nameScope(name, (scope) => {
    let preciseLogits = convertToTensor(logits, undefined, 'logits', graph);
    let labelsT = convertToTensor(labels, preciseLogits.dtype, 'labels', graph);
    labelsT = cast(labelsT, preciseLogits.dtype);
    const inputRank = rank(preciseLogits);
    const staticShape = preciseLogits.shape;
    if (axis !== -1) {
      const r = staticShape?.length;
      if (r === undefined) throw new ValueError('softmaxCrossEntropyWithLogitsV2 needs a known rank to move a class axis other than -1');
      // TF's `_move_dim_to_end` (we normalise a negative axis, which TF mishandles).
      const dim = axis < 0 ? axis + r : axis;
      const moveDimToEnd = (t: Tensor): Tensor => transpose(t, concat([range(dim), range(dim + 1, inputRank), [dim]], 0));
      preciseLogits = moveDimToEnd(preciseLogits);
      labelsT = moveDimToEnd(labelsT);
    }
    const inputShape = shape(preciseLogits);
    preciseLogits = flattenOuterDims(preciseLogits);
    labelsT = flattenOuterDims(labelsT);
    const op = graph.createOp('SoftmaxCrossEntropyWithLogits', [preciseLogits, labelsT], { T: attr.type(preciseLogits.dtype) }, scope);
    const outputShape = slice(inputShape, [0], [sub(inputRank, 1)]);
    const cost = reshape(op.outputs[0]!, outputShape);
    if (staticShape !== null) {
      const dims = [...staticShape];
      dims.splice(axis < 0 ? axis + dims.length : axis, 1);
      cost.setShape(dims);
    }
    return cost;
  });
}
