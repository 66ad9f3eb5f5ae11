import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { opMul, opTrueDiv } from '../../api/math.ts';
import { cumprod, cumsum } from '../../api/reduce.ts';
import { sameAsInput } from '../infer.ts';

/** Running sums or products along one axis, optionally exclusive (shifted by one) and/or from the end. */
function scanKernel(product: boolean): OpDef['cpu'] {
  return (inputs, ctx) => {
    const [x, axisV] = inputs as [TensorValue, TensorValue];
    const rank = x.shape.length;
    const raw = (axisV.data as Int32Array)[0]!;
    if (raw < -rank || raw >= rank) throw new InvalidArgumentError(`ScanOp: Expected scan axis in the range [${-rank}, ${rank}), but got ${raw}`, ctx.op.name);
    const axis = raw < 0 ? raw + rank : raw;
    const exclusive = ctx.op.getAttr('exclusive', 'bool');
    const reverse = ctx.op.getAttr('reverse', 'bool');
    const len = x.shape[axis]!;
    const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const out = allocate(x.dtype, x.shape);
    const src = x.data as Float32Array | Int32Array;
    const dst = out.data as Float32Array | Int32Array;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        let acc = product ? 1 : 0;
        for (let s = 0; s < len; s++) {
          const k = reverse ? len - 1 - s : s;
          const at = (o * len + k) * inner + i;
          if (exclusive) {
            dst[at] = acc;
            acc = product ? acc * src[at]! : acc + src[at]!;
          } else {
            acc = product ? acc * src[at]! : acc + src[at]!;
            dst[at] = acc;
          }
        }
      }
    }
    return [out];
  };
}

function scanAttrs(op: Operation): { exclusive: boolean; reverse: boolean } {
  return { exclusive: op.getAttr('exclusive', 'bool'), reverse: op.getAttr('reverse', 'bool') };
}

/** `Cumsum(x, axis)` with attrs exclusive, reverse. TF's gradient: a cumsum of the gradient in the other direction. */
export const Cumsum: OpDef = {
  type: 'Cumsum',
  infer: sameAsInput,
  grad: (op, grads) => {
    const { exclusive, reverse } = scanAttrs(op);
    return [cumsum(grads[0]!, op.inputs[1]!, { exclusive, reverse: !reverse }), null];
  },
  cpu: scanKernel(false),
};

/** `Cumprod(x, axis)`. TF's gradient (which, as TF notes, fails where x has zeros): cumsum(prod * grad, reversed) / x. */
export const Cumprod: OpDef = {
  type: 'Cumprod',
  infer: sameAsInput,
  grad: (op, grads) => {
    const { exclusive, reverse } = scanAttrs(op);
    const x = op.inputs[0]!;
    const axis = op.inputs[1]!;
    const prod = cumprod(x, axis, { exclusive, reverse });
    const out = cumsum(opMul(prod, grads[0]! as Tensor), axis, { exclusive, reverse: !reverse });
    return [opTrueDiv(out, x), null];
  },
  cpu: scanKernel(true),
};
