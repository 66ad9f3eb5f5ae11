import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { rank, reshape, shape, slice, stack } from '../../api/array.ts';
import { constantInts } from './constant-value.ts';
import { elements, intsOf, shapeError, stridesOf } from './indexing.ts';

/** TF's `_PadGrad`: slice the gradient back out at the "before" paddings. */
function padGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const x = op.inputs[0]!;
  const a = op.inputs[1]!;
  const padBefore = slice(a, [0, 0], stack([rank(x), 1]));
  const begin = reshape(padBefore, [-1]);
  const sizes = shape(x);
  return [slice(grads[0]!, begin, sizes), null];
}

/** `Pad(input, paddings)`: zeros around the input, `paddings[i] = [before, after]` for dimension i. */
export const Pad: OpDef = {
  type: 'Pad',
  infer: (ctx) => {
    const [x, padT] = ctx.inputs as [Tensor, Tensor];
    const p = constantInts(padT);
    const n = padT.shape !== null && padT.shape.length === 2 ? padT.shape[0]! : null;
    const rank = x.shape?.length ?? n ?? (p === null ? null : p.length / 2);
    if (rank === null) return [{ dtype: x.dtype, shape: null }];
    if (n !== null && n !== rank) throw shapeError(`Dimension 0 in both shapes must be equal, but are ${n} and ${rank}`, ctx.op, ctx.inputs);
    const out = new Array<Dim>(rank).fill(null).map((_, i): Dim => {
      const d = x.shape === null ? null : x.shape[i]!;
      return d === null || p === null ? null : d + p[2 * i]! + p[2 * i + 1]!;
    });
    return [{ dtype: x.dtype, shape: out }];
  },
  grad: padGrad,
  cpu: (inputs, ctx) => {
    const [x, padV] = inputs as [TensorValue, TensorValue];
    const rank = x.shape.length;
    if (padV.shape.length !== 2 || padV.shape[0] !== rank || padV.shape[1] !== 2) {
      throw new InvalidArgumentError(`The first dimension of paddings must be the rank of inputs[${rank},2] [${padV.shape.join(',')}]`, ctx.op.name);
    }
    const p = intsOf(padV);
    if (p.some((v) => v < 0)) throw new InvalidArgumentError(`Paddings must be non-negative: ${p.join(' ')}`, ctx.op.name);
    const outShape = x.shape.map((d, i) => d + p[2 * i]! + p[2 * i + 1]!);
    const n = outShape.reduce((a, b) => a * b, 1);
    // allocateData zero-fills, which is the padding value.
    const out: TensorValue = { dtype: x.dtype, shape: outShape, data: allocateData(x.dtype, n) };
    if (x.dtype === 'string') (out.data as string[]).fill('');
    const m = x.data.length;
    if (m === 0) return [out];
    const src = elements(x);
    const dst = elements(out);
    const outStrides = stridesOf(outShape);
    const inStrides = stridesOf(x.shape);
    for (let i = 0; i < m; i++) {
      let o = 0;
      for (let d = 0; d < rank; d++) o += (Math.floor(i / inStrides[d]!) % x.shape[d]! + p[2 * d]!) * outStrides[d]!;
      dst[o] = src[i];
    }
    return [out];
  },
};
