import { greater, log, opMul, opSub, pow, select, zerosLike } from '../../api/math.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { binaryKernel } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { NUMERIC, binaryInfer } from './rules.ts';

/** C's `pow`, where JS's differs: 1 to any power (NaN included) and -1 to ±infinity are 1. */
function powFloat(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return a ** b;
}

/** Eigen's integer power: square-and-multiply in wrapping int32 arithmetic. */
function powInt(a: number, b: number): number {
  let result = 1;
  let base = a;
  for (let e = b; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

const powKernel = binaryKernel({ float32: powFloat, int32: powInt });

/**
 * `Pow`: x ** y. Gradient: TF 1.x's `_PowGrad`: `grad * y * pow(x, y - 1)` for x and
 * `grad * z * log_x` for y, where `log_x = where(x > 0, log(x), zeros_like(x))` avoids
 * a false singularity at x = 0.
 */
export const Pow: OpDef = {
  type: 'Pow',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [x, y, z] = [op.inputs[0]!, op.inputs[1]!, op.output];
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    const gx = sumToShape(opMul(opMul(g, y), pow(x, opSub(y, 1))), rx, sx);
    const logX = select(greater(x, 0), log(x), zerosLike(x));
    return [gx, sumToShape(opMul(opMul(g, z), logX), ry, sy)];
  },
  cpu: (inputs, ctx) => {
    const y = inputs[1]!;
    // TF's SafePow for integer types.
    if (y.dtype === 'int32' && (y.data as Int32Array).some((e) => e < 0)) {
      throw new InvalidArgumentError('Integers to negative integer powers are not allowed', ctx.op.name);
    }
    return powKernel(inputs, ctx);
  },
};
