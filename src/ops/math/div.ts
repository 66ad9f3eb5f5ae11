import { floorDiv, neg, opMul, realDiv } from '../../api/math.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { CpuKernel, OpDef } from '../../engine/op-def.ts';
import { binaryKernel, type BinaryFn } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { FLOAT, NUMERIC, binaryInfer } from './rules.ts';

/** `RealDiv`: x / y for floats (TF registers no integer kernel; `tf.div`'s truediv casts ints first). */
export const RealDiv: OpDef = {
  type: 'RealDiv',
  infer: binaryInfer(FLOAT),
  grad: (op, grads) => {
    // TF 1.x's `_RealDivGrad`: grad / y, and grad * ((-x / y) / y).
    const g = outputGrad(op, grads);
    const [x, y] = [op.inputs[0]!, op.inputs[1]!];
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    const gx = sumToShape(realDiv(g, y), rx, sx);
    return [gx, sumToShape(opMul(g, realDiv(realDiv(neg(x), y), y)), ry, sy)];
  },
  cpu: binaryKernel({ float32: (a, b) => a / b }),
};

/** TF checks integer divisors up front and fails the whole op ("Integer division by zero"). */
function integerSafe(kernel: CpuKernel): CpuKernel {
  return (inputs, ctx) => {
    const y = inputs[1]!;
    if (y.dtype === 'int32' && (y.data as Int32Array).includes(0)) {
      throw new InvalidArgumentError('Integer division by zero', ctx.op.name);
    }
    return kernel(inputs, ctx);
  };
}

/** Python's `%`: the remainder takes the divisor's sign. Also right for floats, where JS `%` is C's fmod. */
export const floorMod: BinaryFn = (a, b) => {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
};

/**
 * `FloorDiv`: floor(x / y). For float32 the quotient is rounded to float32 before the
 * floor, as TF's `floor(x / y)` in float does. For int32, floor of the double quotient
 * is exact (a non-integer quotient of 32-bit ints is never within rounding of an integer).
 * No gradient (TF's `_FloorDivGrad` returns None).
 */
export const FloorDiv: OpDef = {
  type: 'FloorDiv',
  infer: binaryInfer(NUMERIC),
  grad: (_op, _grads) => [null, null],
  cpu: integerSafe(binaryKernel({ float32: (a, b) => Math.floor(Math.fround(a / b)), int32: (a, b) => Math.floor(a / b) })),
};

/** `FloorMod`: Python-style modulo. Gradient: TF's `_FloorModGrad`, (grad, -grad * floor_div(x, y)). */
export const FloorMod: OpDef = {
  type: 'FloorMod',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [x, y] = [op.inputs[0]!, op.inputs[1]!];
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    const floorXY = floorDiv(x, y);
    const gx = sumToShape(g, rx, sx);
    return [gx, sumToShape(opMul(g, neg(floorXY)), ry, sy)];
  },
  cpu: integerSafe(binaryKernel(floorMod)),
};
