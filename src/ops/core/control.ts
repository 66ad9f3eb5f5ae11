import type { OpDef } from '../../engine/op-def.ts';
import { sameAsInput } from '../infer.ts';

/** `NoOp`: exists for its control inputs (`init`, `group_deps`, an optimizer's train op). */
export const NoOp: OpDef = { type: 'NoOp', infer: () => [], grad: null, cpu: () => [] };

/** `Identity`: passes its input; `gradients` passes the gradient straight through (TF's `_IdGrad`). */
export const Identity: OpDef = {
  type: 'Identity',
  infer: sameAsInput,
  grad: (_op, grads) => [grads[0] ?? null],
  cpu: (inputs) => [inputs[0]!],
};

/** `StopGradient`: identity forward, no gradient back. */
export const StopGradient: OpDef = { type: 'StopGradient', infer: sameAsInput, grad: null, cpu: (inputs) => [inputs[0]!] };
