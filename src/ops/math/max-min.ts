import { shape, zeros } from '../../api/array.ts';
import { greaterEqual, lessEqual, logicalNot, select } from '../../api/math.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { binaryKernel } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { NUMERIC, binaryInfer } from './rules.ts';

/**
 * TF 1.x's `_MaximumMinimumGrad`: the gradient goes to x where `selector(x, y)` holds
 * (ties go to x) and to y elsewhere, through `Select` against a zeros tensor shaped
 * like the gradient.
 */
function maximumMinimumGrad(op: Operation, g: Tensor, selector: (x: Tensor, y: Tensor) => Tensor): Tensor[] {
  const [x, y] = [op.inputs[0]!, op.inputs[1]!];
  const [sx, sy] = inputShapes(op);
  const gradShape = shape(g);
  const zero = zeros(gradShape, g.dtype);
  const xmask = selector(x, y);
  const [rx, ry] = reductionAxes(sx, sy);
  const xgrad = select(xmask, g, zero);
  const ygrad = select(logicalNot(xmask), g, zero);
  const gx = sumToShape(xgrad, rx, sx);
  return [gx, sumToShape(ygrad, ry, sy)];
}

// TF 1.x's CPU result for NaN depended on Eigen's code path (scalar `std::max` vs SIMD `maxps`
// keep different operands); we propagate NaN from either side, as later TF does everywhere.
const nanOr = (f: (a: number, b: number) => number) => (a: number, b: number) => (a !== a || b !== b ? NaN : f(a, b));

/** `Maximum`: element-wise max with broadcasting. */
export const Maximum: OpDef = {
  type: 'Maximum',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => maximumMinimumGrad(op, outputGrad(op, grads), greaterEqual),
  cpu: binaryKernel({ float32: nanOr((a, b) => (a >= b ? a : b)), int32: (a, b) => (a >= b ? a : b) }),
};

/** `Minimum`: element-wise min with broadcasting. */
export const Minimum: OpDef = {
  type: 'Minimum',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => maximumMinimumGrad(op, outputGrad(op, grads), lessEqual),
  cpu: binaryKernel({ float32: nanOr((a, b) => (a <= b ? a : b)), int32: (a, b) => (a <= b ? a : b) }),
};
