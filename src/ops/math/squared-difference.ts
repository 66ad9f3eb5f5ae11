import { neg, opMul, opSub } from '../../api/math.ts';
import { constant } from '../../engine/op-builder.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { binaryKernel } from '../kernels/elementwise.ts';
import { inputShapes, outputGrad, reductionAxes, sumToShape } from './broadcast-grad.ts';
import { reshape } from '../../api/array.ts';
import { reduceSum } from '../../api/reduce.ts';
import { NUMERIC, binaryInfer } from './rules.ts';

/**
 * `SquaredDifference`: (x - y)², the difference rounded to the dtype before squaring
 * as TF's functor does. Gradient: TF 1.x's `_SquaredDifferenceGrad`:
 * `scalar_mul(2.0, grad) * (x - y)` under a control dependency on the gradient
 * (Const `scalar`, `mul`, `sub`, `mul_1`), y's share negated after its Reshape.
 */
export const SquaredDifference: OpDef = {
  type: 'SquaredDifference',
  infer: binaryInfer(NUMERIC),
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const [x, y] = [op.inputs[0]!, op.inputs[1]!];
    const [sx, sy] = inputShapes(op);
    const [rx, ry] = reductionAxes(sx, sy);
    const xGrad = op.graph.controlDependencies([g.op], () => {
      const scalar = constant(2, g.dtype, undefined, 'scalar', op.graph);
      return opMul(opMul(scalar, g), opSub(x, y));
    });
    const gx = sumToShape(xGrad, rx, sx);
    return [gx, neg(reshape(reduceSum(xGrad, ry), sy))];
  },
  cpu: binaryKernel({
    float32: (a, b) => {
      const d = Math.fround(a - b);
      return d * d;
    },
    int32: (a, b) => {
      const d = (a - b) | 0;
      return Math.imul(d, d);
    },
  }),
};
