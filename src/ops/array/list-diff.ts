import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { elements } from './indexing.ts';

/** `ListDiff(x, y)` (TF's `setdiff1d`): the values of x not in y, in order, and their positions in x. */
export const ListDiff: OpDef = {
  type: 'ListDiff',
  infer: ({ inputs, attrs, op }) => [
    { dtype: inputs[0]!.dtype, shape: [null] },
    { dtype: getAttr(attrs, 'out_idx', 'type', op.name), shape: [null] },
  ],
  grad: null,
  cpu: (inputs, ctx) => {
    const [x, y] = inputs as [TensorValue, TensorValue];
    if (x.shape.length !== 1 || y.shape.length !== 1) throw new InvalidArgumentError('x and y should be 1D', ctx.op.name);
    const xs = elements(x);
    const exclude = new Set(Array.from({ length: y.data.length }, (_, i) => elements(y)[i]));
    const keep: number[] = [];
    for (let i = 0; i < xs.length; i++) if (!exclude.has(xs[i])) keep.push(i);
    const out: TensorValue = { dtype: x.dtype, shape: [keep.length], data: allocateData(x.dtype, keep.length) };
    const dst = elements(out);
    keep.forEach((k, i) => (dst[i] = xs[k]));
    return [out, { dtype: ctx.op.getAttr('out_idx', 'type'), shape: [keep.length], data: Int32Array.from(keep) }];
  },
};
