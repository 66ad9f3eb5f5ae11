import type { OpDef } from '../../engine/op-def.ts';
import { mapUnary } from '../kernels/elementwise.ts';
import { ANY, NUMERIC, unaryInfer } from './rules.ts';
import { allocate } from '../../engine/tensor-value.ts';

/** `ZerosLike(x)`: zeros (empty strings for strings) of x's shape and dtype. Not differentiable, as in TF. */
export const ZerosLike: OpDef = {
  type: 'ZerosLike',
  infer: unaryInfer(ANY),
  grad: null,
  cpu: (inputs) => [allocate(inputs[0]!.dtype, inputs[0]!.shape)],
};

/** `OnesLike(x)`: ones of x's shape and dtype (TF 1.x's `tf.ones_like` builds Shape + Fill instead; see api/math.ts). */
export const OnesLike: OpDef = {
  type: 'OnesLike',
  infer: unaryInfer([...NUMERIC, 'bool']),
  grad: null,
  cpu: (inputs) => [mapUnary(inputs[0]!, () => 1)],
};
