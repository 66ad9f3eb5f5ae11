import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { reshape, shape } from '../../api/array.ts';
import { cast, div, equal, opMul } from '../../api/math.ts';
import { reduceSum, reducedShape } from '../../api/reduce.ts';
import { inferReduction, reductionKernel } from './reduction.ts';

/**
 * TF's `_MinOrMaxGrad`: the gradient goes to the elements equal to the result, split
 * evenly between ties.
 */
function minOrMaxGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const inputShape = shape(op.inputs[0]!);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1]!);
  const y = reshape(op.outputs[0]!, outputShapeKeptDims);
  const grad = reshape(grads[0]!, outputShapeKeptDims);
  const indicators = cast(equal(y, op.inputs[0]!), grad.dtype);
  const numSelected = reshape(reduceSum(indicators, op.inputs[1]!), outputShapeKeptDims);
  return [opMul(div(indicators, numSelected, 'div'), grad), null];
}

/** `Max(input, reduction_indices)`. */
export const Max: OpDef = { type: 'Max', infer: inferReduction, grad: minOrMaxGrad, cpu: reductionKernel('max') };

/** `Min(input, reduction_indices)`. */
export const Min: OpDef = { type: 'Min', infer: inferReduction, grad: minOrMaxGrad, cpu: reductionKernel('min') };
