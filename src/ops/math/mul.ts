import type { OpDef } from '../../engine/op-def.ts';
import { opMul } from '../../api/math.ts';
import { binaryKernel } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { NUMERIC, binaryInfer } from './rules.ts';

/**
 * `Mul`: x * y. int32 products use `Math.imul`, which wraps like C++ int32 (a plain
 * double product loses low bits beyond 2^53 before wrapping).
 * Gradient: TF 1.x's `_MulGrad`: `grad * y` (`mul`) and `x * grad` (`mul_1`), each
 * summed over its broadcast axes.
 */
export const Mul: OpDef = {
  type: 'Mul',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [x, y] = [op.inputs[0]!, op.inputs[1]!];
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    // TF calls math_ops.conj(x), conj(y) here: identity for real dtypes, no node.
    const gx = sumToShape(opMul(g, y), rx, sx);
    return [gx, sumToShape(opMul(x, g), ry, sy)];
  },
  cpu: binaryKernel({ float32: (a, b) => a * b, int32: Math.imul }),
};
