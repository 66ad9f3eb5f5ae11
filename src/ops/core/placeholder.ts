import { getAttr } from '../../engine/attr.ts';
import { tfDTypeName } from '../../engine/dtype.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { fmt } from '../infer.ts';

/** `Placeholder`: its value must come from the feed; running it unfed is TF's error. */
export const Placeholder: OpDef = {
  type: 'Placeholder',
  infer: ({ attrs, op }) => [{ dtype: getAttr(attrs, 'dtype', 'type', op.name), shape: getAttr(attrs, 'shape', 'shape', op.name) }],
  grad: null,
  stateful: true,
  cpu: (_inputs, ctx) => {
    const dtype = ctx.op.getAttr('dtype', 'type');
    const shape = ctx.op.getAttr('shape', 'shape');
    const shapeText = shape === null ? '' : ` and shape ${fmt(shape)}`;
    throw new InvalidArgumentError(
      `You must feed a value for placeholder tensor '${ctx.op.name}' with dtype ${tfDTypeName(dtype)}${shapeText}`,
      ctx.op.name,
    );
  },
};

/** `PlaceholderWithDefault`: input 0 unless fed. */
export const PlaceholderWithDefault: OpDef = {
  type: 'PlaceholderWithDefault',
  infer: ({ inputs, attrs, op }) => [{ dtype: inputs[0]!.dtype, shape: getAttr(attrs, 'shape', 'shape', op.name) }],
  grad: null,
  cpu: (inputs) => [inputs[0]!],
};
