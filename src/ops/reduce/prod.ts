import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { concat, gather, invertPermutation, range, rank, reshape, setdiff1d, shape, tile, transpose } from '../../api/array.ts';
import { cast, opAdd, opMod, opMul } from '../../api/math.ts';
import { cumprod, reduceProd, reducedShape } from '../../api/reduce.ts';
import { inferReduction, reductionKernel } from './reduction.ts';
import { safeShapeDiv } from './sum-mean.ts';

/**
 * TF's `_ProdGrad`: move the reduced axes to the front, flatten to a matrix, and take
 * the product of everything else in each column as exclusive cumulative products from
 * both ends (which works with zeros, unlike dividing the product by each entry).
 * TF pins the index arithmetic to /cpu:0; this engine has no devices.
 */
function prodGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const x = op.inputs[0]!;
  const inputShape = shape(x);
  let reductionIndices = reshape(op.inputs[1]!, [-1]);
  const outputShapeKeptDims = reducedShape(inputShape, op.inputs[1]!);
  const tileScaling = safeShapeDiv(inputShape, outputShapeKeptDims);
  let grad = reshape(grads[0]!, outputShapeKeptDims);
  grad = tile(grad, tileScaling);

  const r = rank(x);
  reductionIndices = opMod(opAdd(reductionIndices, r), r);
  const reduced = cast(reductionIndices, 'int32');
  const idx = range(0, r);
  const [other] = setdiff1d(idx, reduced);
  const perm = concat([reduced, other], 0);
  const reducedNum = reduceProd(gather(inputShape, reduced));
  const otherNum = reduceProd(gather(inputShape, other));
  const permuted = transpose(x, perm);
  const permutedShape = shape(permuted);
  const reshaped = reshape(permuted, [reducedNum, otherNum]);

  const left = cumprod(reshaped, 0, { exclusive: true });
  const right = cumprod(reshaped, 0, { exclusive: true, reverse: true });
  const y = reshape(opMul(left, right), permutedShape);
  const out = opMul(grad, transpose(y, invertPermutation(perm)));
  return [reshape(out, inputShape), null];
}

/** `Prod(input, reduction_indices)`. */
export const Prod: OpDef = { type: 'Prod', infer: inferReduction, grad: prodGrad, cpu: reductionKernel('prod') };
