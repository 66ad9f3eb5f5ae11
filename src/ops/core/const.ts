import { getAttr } from '../../engine/attr.ts';
import type { OpDef } from '../../engine/op-def.ts';

/** `Const`: the value lives in the `value` attr; the kernel hands it out unchanged (kernels never mutate inputs). */
export const Const: OpDef = {
  type: 'Const',
  infer: ({ attrs, op }) => {
    const v = getAttr(attrs, 'value', 'tensor', op.name);
    return [{ dtype: v.dtype, shape: v.shape }];
  },
  grad: null,
  cpu: (_inputs, ctx) => [ctx.op.getAttr('value', 'tensor')],
};
