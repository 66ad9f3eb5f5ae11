import { cast } from '../../api/math.ts';
import { getAttr } from '../../engine/attr.ts';
import type { DType } from '../../engine/dtype.ts';
import { UnimplementedError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mapUnary, type UnaryFn } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { checkDType, ANY } from './rules.ts';

/**
 * C++'s `static_cast<int32>(float)` as x86 compiles it (cvttss2si): truncation toward
 * zero, and INT_MIN for NaN and out-of-range values (JS's `| 0` would wrap instead).
 */
export function floatToInt32(x: number): number {
  const t = Math.trunc(x);
  return t >= -2147483648 && t <= 2147483647 ? t : -2147483648;
}

function converter(src: DType, dst: DType): UnaryFn | null {
  if (src === 'string' || dst === 'string') return null;
  if (dst === 'bool') return (x) => (x !== 0 ? 1 : 0); // NaN is true, as in C++.
  if (dst === 'int32' && src === 'float32') return floatToInt32;
  return (x) => x; // to float32 the output array rounds; int32 and bool already fit.
}

/** `Cast(x)` with attrs `SrcT`, `DstT`. Gradient: TF's `_CastGrad`, only between float types. */
export const Cast: OpDef = {
  type: 'Cast',
  infer: (ctx) => {
    const x = ctx.inputs[0]!;
    checkDType(ctx, 'x', x, ANY);
    return [{ dtype: getAttr(ctx.attrs, 'DstT', 'type', ctx.op.name), shape: x.shape }];
  },
  grad: (op, grads) => {
    const src = op.inputs[0]!.dtype;
    const g = outputGrad(op, grads);
    return [src === 'float32' && g.dtype === 'float32' ? cast(g, src) : null];
  },
  cpu: (inputs, ctx) => {
    const x = inputs[0]!;
    const dst = ctx.op.getAttr('DstT', 'type');
    const f = converter(x.dtype, dst);
    if (f === null) throw new UnimplementedError(`Cast ${x.dtype} to ${dst} is not supported`, ctx.op.name);
    return [mapUnary(x, f, dst)];
  },
};
