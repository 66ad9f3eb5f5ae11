import { shape, zeros } from '../../api/array.ts';
import { reluGrad } from '../../api/math.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { sameShapeKernel, unaryKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { NUMERIC, sameShapeInfer, unaryInfer } from './rules.ts';

/** `Relu`: max(features, 0); NaN passes through. Gradient: TF's `_ReluGrad`, `ReluGrad(grad, outputs[0])`. */
export const Relu: OpDef = {
  type: 'Relu',
  infer: unaryInfer(NUMERIC, undefined, 'features'),
  grad: (op, grads) => [reluGrad(outputGrad(op, grads), op.output)],
  cpu: unaryKernel((a) => (a < 0 ? 0 : a)),
};

/**
 * `ReluGrad(gradients, features)`: the gradient where features > 0, else 0. TF passes
 * Relu's output as `features`; it is positive exactly where the input was.
 * Gradient: TF's `_ReluGradGrad`, `(ReluGrad(grad, features), zeros(shape(features)))`.
 */
export const ReluGrad: OpDef = {
  type: 'ReluGrad',
  infer: sameShapeInfer(NUMERIC, ['gradients', 'features']),
  grad: (op, grads) => {
    const x = op.inputs[1]!;
    const first = reluGrad(outputGrad(op, grads), x);
    return [first, zeros(shape(x), x.dtype)];
  },
  cpu: sameShapeKernel((g, x) => (x > 0 ? g : 0)),
};
