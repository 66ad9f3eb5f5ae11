import { opMul, opSub, sigmoidGrad, tanhGrad } from '../../api/math.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { sameShapeKernel, unaryKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { FLOAT, sameShapeInfer, unaryInfer } from './rules.ts';

const f = Math.fround;

/** `Sigmoid`: 1 / (1 + exp(-x)). Gradient: TF 1.x's `_SigmoidGrad`, `SigmoidGrad(y, grad)` under a control dependency. */
export const Sigmoid: OpDef = {
  type: 'Sigmoid',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    return [op.graph.controlDependencies([g.op], () => sigmoidGrad(op.output, g))];
  },
  cpu: unaryKernel({ float32: (a) => 1 / (1 + Math.exp(-a)) }),
};

/** `SigmoidGrad(y, dy)` = dy * y * (1 - y), rounded per step as TF's float functor. */
export const SigmoidGrad: OpDef = {
  type: 'SigmoidGrad',
  infer: sameShapeInfer(FLOAT, ['y', 'dy']),
  grad: (op, grads) => {
    // TF's `_SigmoidGradGrad`: gb = grad * b; (gb - 2.0 * gb * a, SigmoidGrad(a, grad)).
    const g = outputGrad(op, grads);
    const [a, b] = [op.inputs[0]!, op.inputs[1]!];
    return op.graph.controlDependencies([g.op], () => {
      const gb = opMul(g, b);
      return [opSub(gb, opMul(opMul(2, gb), a)), sigmoidGrad(a, g)];
    });
  },
  cpu: sameShapeKernel({ float32: (y, dy) => f(dy * y) * f(1 - y) }),
};

/** `Tanh`. Gradient: TF 1.x's `_TanhGrad`, `TanhGrad(y, grad)` under a control dependency. */
export const Tanh: OpDef = {
  type: 'Tanh',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    return [op.graph.controlDependencies([g.op], () => tanhGrad(op.output, g))];
  },
  cpu: unaryKernel({ float32: Math.tanh }),
};

/** `TanhGrad(y, dy)` = dy * (1 - y * y). */
export const TanhGrad: OpDef = {
  type: 'TanhGrad',
  infer: sameShapeInfer(FLOAT, ['y', 'dy']),
  grad: (op, grads) => {
    // TF's `_TanhGradGrad`: (grad * -2.0 * b * a, TanhGrad(a, grad)).
    const g = outputGrad(op, grads);
    const [a, b] = [op.inputs[0]!, op.inputs[1]!];
    return op.graph.controlDependencies([g.op], () => [opMul(opMul(opMul(g, -2), b), a), tanhGrad(a, g)]);
  },
  cpu: sameShapeKernel({ float32: (y, dy) => dy * f(1 - f(y * y)) }),
};
