/**
 * The pieces every broadcasting binary gradient in TF 1.x's math_grad.py repeats:
 * `sx = shape(x); sy = shape(y); rx, ry = broadcast_gradient_args(sx, sy)`, then
 * `reshape(reduce_sum(g, rx), sx)` to fold a gradient back to an input's shape.
 * They are separate calls because some gradients create other ops in between, and
 * node names follow creation order.
 */
import { broadcastGradientArgs, reshape, shape } from '../../api/array.ts';
import { reduceSum } from '../../api/reduce.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';

/** `Shape` and `Shape_1` of the op's two inputs (Consts when their static shapes are known, as in TF). */
export function inputShapes(op: Operation): [Tensor, Tensor] {
  return [shape(op.inputs[0]!), shape(op.inputs[1]!)];
}

/** `BroadcastGradientArgs`: the axes each input was broadcast along. */
export function reductionAxes(sx: Tensor, sy: Tensor): [Tensor, Tensor] {
  return broadcastGradientArgs(sx, sy);
}

/** `reshape(reduce_sum(g, axes), inputShape)`: `Sum` then `Reshape`. */
export function sumToShape(g: Tensor, axes: Tensor, inputShape: Tensor): Tensor {
  return reshape(reduceSum(g, axes), inputShape);
}

/** The gradient of a single-output op; TF's gradient functions assume it is present. */
export function outputGrad(op: Operation, grads: readonly (Tensor | null)[]): Tensor {
  const g = grads[0];
  if (g === undefined || g === null) throw new Error(`No gradient flows into ${op.name}`);
  return g;
}
