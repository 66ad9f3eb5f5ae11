import { shape, zeros } from '../../api/array.ts';
import { neg, opMul, reciprocalGrad, sign } from '../../api/math.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { unaryKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { FLOAT, NUMERIC, unaryInfer } from './rules.ts';

/** `Neg`: -x (int32 wraps: -(-2³¹) is -2³¹). Gradient: `-grad`. */
export const Neg: OpDef = {
  type: 'Neg',
  infer: unaryInfer(NUMERIC),
  grad: (op, grads) => [neg(outputGrad(op, grads))],
  cpu: unaryKernel((a) => -a),
};

/** `Abs`: |x|. Gradient: TF's `_AbsGrad`, `grad * sign(x)`. */
export const Abs: OpDef = {
  type: 'Abs',
  infer: unaryInfer(NUMERIC),
  grad: (op, grads) => [opMul(outputGrad(op, grads), sign(op.inputs[0]!))],
  cpu: unaryKernel(Math.abs),
};

/**
 * `Sign`: -1, 0 or 1, computed as Eigen's `(x > 0) - (x < 0)`, so NaN gives 0 as in TF 1.x.
 * Gradient: TF's `_SignGrad`, zeros shaped like x.
 */
export const Sign: OpDef = {
  type: 'Sign',
  infer: unaryInfer(NUMERIC),
  grad: (op) => {
    const x = op.inputs[0]!;
    return [zeros(shape(x), x.dtype)];
  },
  cpu: unaryKernel((a) => Number(a > 0) - Number(a < 0)),
};

/**
 * `Square`: x². Gradient: TF 1.x's `_SquareGrad`, `grad * (2.0 * x)` under a control
 * dependency on the gradient, so `mul/x` (the 2) waits for it: `mul/x`, `mul`, `mul_1`.
 */
export const Square: OpDef = {
  type: 'Square',
  infer: unaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    return [op.graph.controlDependencies([g.op], () => opMul(g, opMul(2, op.inputs[0]!)))];
  },
  cpu: unaryKernel({ float32: (a) => a * a, int32: (a) => Math.imul(a, a) }),
};

/** `Reciprocal`: 1 / x. Gradient: `ReciprocalGrad(y, grad)`. */
export const Reciprocal: OpDef = {
  type: 'Reciprocal',
  infer: unaryInfer(FLOAT),
  grad: (op, grads) => [reciprocalGrad(op.output, outputGrad(op, grads))],
  cpu: unaryKernel({ float32: (a) => 1 / a }),
};
