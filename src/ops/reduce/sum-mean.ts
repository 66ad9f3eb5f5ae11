import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { isFullyDefined } from '../../engine/shape.ts';
import { reshape, shape, tile } from '../../api/array.ts';
import { cast, maximum, opFloorDiv, opTrueDiv } from '../../api/math.ts';
import { reduceProd, reducedShape } from '../../api/reduce.ts';
import { constantInts } from '../array/constant-value.ts';
import { inferReduction, reductionKernel } from './reduction.ts';

/** TF's `_safe_shape_div`: x // max(y, 1), so empty dimensions do not divide by zero. */
export function safeShapeDiv(x: Tensor, y: Tensor): Tensor {
  return opFloorDiv(x, maximum(y, 1));
}

/**
 * TF's `_SumGrad`. Reducing every dimension of a tensor of known rank with constant
 * axes takes the fast path (Reshape to all-ones, Tile by the shape); otherwise the
 * gradient is reshaped to the kept-dims shape and tiled by input // kept.
 */
export function sumGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  let grad = grads[0]!;
  const x = op.inputs[0]!;
  if (x.shape !== null && op.inputs[1]!.op.type === 'Const') {
    const rank = x.shape.length;
    const axes = constantInts(op.inputs[1]!)!;
    if (axes.length === rank && axes.every((a, i) => a === i)) {
      grad = reshape(grad, new Array<number>(rank).fill(1));
      const inputShape = isFullyDefined(x.shape) ? [...x.shape] : shape(x);
      return [tile(grad, inputShape), null];
    }
  }
  const inputShape = shape(x);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1]!);
  const tileScaling = safeShapeDiv(inputShape, outputShapeKeptDims);
  grad = reshape(grad, outputShapeKeptDims);
  return [tile(grad, tileScaling), null];
}

/** TF 1.x's `_MeanGrad`: the Sum gradient divided by (input size // output size), computed from runtime shapes. */
function meanGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const sumGradient = sumGrad(op, grads)[0]!;
  const inputShape = shape(op.inputs[0]!);
  const outputShape = shape(op.outputs[0]!);
  const factor = safeShapeDiv(reduceProd(inputShape), reduceProd(outputShape));
  return [opTrueDiv(sumGradient, cast(factor, sumGradient.dtype)), null];
}

/** `Sum(input, reduction_indices)` with attrs T, Tidx, keep_dims. */
export const Sum: OpDef = { type: 'Sum', infer: inferReduction, grad: sumGrad, cpu: reductionKernel('sum') };

/** `Mean(input, reduction_indices)`. */
export const Mean: OpDef = { type: 'Mean', infer: inferReduction, grad: meanGrad, cpu: reductionKernel('mean') };
