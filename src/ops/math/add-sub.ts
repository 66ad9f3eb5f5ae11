import { reshape } from '../../api/array.ts';
import { neg } from '../../api/math.ts';
import { reduceSum } from '../../api/reduce.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { binaryKernel } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { NUMERIC, binaryInfer } from './rules.ts';

// int32 sums are exact in a double, and storing into the Int32Array output wraps them as TF's int32 does.

/** `Add`: x + y with broadcasting. Gradient: TF 1.x's `_AddGrad`, each input's share summed over its broadcast axes. */
export const Add: OpDef = {
  type: 'Add',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    return [sumToShape(g, rx, sx), sumToShape(g, ry, sy)];
  },
  cpu: binaryKernel((a, b) => a + b),
};

/** `Sub`: x - y. Gradient: TF 1.x's `_SubGrad`; y's share is negated after summing (`Sum_1`, `Neg`, `Reshape_1`). */
export const Sub: OpDef = {
  type: 'Sub',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    const gx = sumToShape(g, rx, sx);
    return [gx, reshape(neg(reduceSum(g, ry)), sy)];
  },
  cpu: binaryKernel((a, b) => a - b),
};
