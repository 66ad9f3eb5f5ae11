import { opMul, reciprocal, rsqrtGrad, sqrtGrad } from '../../api/math.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { unaryKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { FLOAT, unaryInfer } from './rules.ts';

/** `Sqrt`. Gradient: TF's `_SqrtGrad`, `SqrtGrad(y, grad)` from the output. */
export const Sqrt: OpDef = {
  type: 'Sqrt',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => [sqrtGrad(op.output, outputGrad(op, grads))],
  cpu: unaryKernel({ float32: Math.sqrt }),
};

/** `Rsqrt`: 1 / sqrt(x), the root rounded to float32 first as TF's float math does. Gradient: `RsqrtGrad(y, grad)`. */
export const Rsqrt: OpDef = {
  type: 'Rsqrt',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => [rsqrtGrad(op.output, outputGrad(op, grads))],
  cpu: unaryKernel({ float32: (a) => 1 / Math.fround(Math.sqrt(a)) }),
};

/** `Exp`. Gradient: TF 1.x's `_ExpGrad`, `grad * y` under a control dependency on the gradient. */
export const Exp: OpDef = {
  type: 'Exp',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    return [op.graph.controlDependencies([g.op], () => opMul(g, op.output))];
  },
  cpu: unaryKernel({ float32: Math.exp }),
};

/** `Log`: natural logarithm. Gradient: TF 1.x's `_LogGrad`, `grad * reciprocal(x)` under a control dependency. */
export const Log: OpDef = {
  type: 'Log',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    return [op.graph.controlDependencies([g.op], () => opMul(g, reciprocal(op.inputs[0]!)))];
  },
  cpu: unaryKernel({ float32: Math.log }),
};
