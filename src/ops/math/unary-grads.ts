/**
 * The backward ops of Sqrt, Rsqrt and Reciprocal, `F(y, dy)` with y the forward
 * output. Kernels round each step to float32 in the order TF's functors multiply,
 * and their own gradients (second derivatives) follow TF 1.x's math_grad.py.
 */
import { neg, opMul, opTrueDiv, reciprocalGrad, rsqrtGrad, square } from '../../api/math.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { sameShapeKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { FLOAT, sameShapeInfer } from './rules.ts';

const f = Math.fround;

/** `SqrtGrad(y, dy)` = 0.5 * dy / y. */
export const SqrtGrad: OpDef = {
  type: 'SqrtGrad',
  infer: sameShapeInfer(FLOAT, ['y', 'dy']),
  grad: (op, grads) => {
    // TF's `_SqrtGradGrad`: ga = grad / a; (-ga * y, 0.5 * ga).
    const g = outputGrad(op, grads);
    return op.graph.controlDependencies([g.op], () => {
      const ga = opTrueDiv(g, op.inputs[0]!);
      return [opMul(neg(ga), op.output), opMul(0.5, ga)];
    });
  },
  cpu: sameShapeKernel({ float32: (y, dy) => f(0.5 * dy) / y }),
};

/** `RsqrtGrad(y, dy)` = -0.5 * (dy * y) * (y * y). */
export const RsqrtGrad: OpDef = {
  type: 'RsqrtGrad',
  infer: sameShapeInfer(FLOAT, ['y', 'dy']),
  grad: (op, grads) => {
    // TF's `_RsqrtGradGrad`: (-1.5 * grad * b * square(a), RsqrtGrad(a, grad)).
    const g = outputGrad(op, grads);
    const [a, b] = [op.inputs[0]!, op.inputs[1]!];
    return op.graph.controlDependencies([g.op], () => {
      const gradA = opMul(opMul(opMul(-1.5, g), b), square(a));
      return [gradA, rsqrtGrad(a, g)];
    });
  },
  cpu: sameShapeKernel({ float32: (y, dy) => f(-0.5 * f(dy * y)) * f(y * y) }),
};

/** `ReciprocalGrad(y, dy)` = -dy * y * y. */
export const ReciprocalGrad: OpDef = {
  type: 'ReciprocalGrad',
  infer: sameShapeInfer(FLOAT, ['y', 'dy']),
  grad: (op, grads) => {
    // TF's `_ReciprocalGradGrad`: (grad * -2.0 * b * a, ReciprocalGrad(a, grad)).
    const g = outputGrad(op, grads);
    const [a, b] = [op.inputs[0]!, op.inputs[1]!];
    return op.graph.controlDependencies([g.op], () => [opMul(opMul(opMul(g, -2), b), a), reciprocalGrad(a, g)]);
  },
  cpu: sameShapeKernel({ float32: (y, dy) => f(-dy * y) * y }),
};
