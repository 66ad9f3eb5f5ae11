import { getAttr } from '../../engine/attr.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { numElements } from '../../engine/shape.ts';
import { scalarValue, vectorValue } from './indexing.ts';

// Shape, ShapeN, Size and Rank read only the static or runtime shape of their input;
// TF registers them as NotDifferentiable.

/** `Shape`: the runtime shape of input 0 as a vector of `out_type`. */
export const Shape: OpDef = {
  type: 'Shape',
  infer: ({ inputs, attrs, op }) => {
    const s = inputs[0]!.shape;
    return [{ dtype: getAttr(attrs, 'out_type', 'type', op.name), shape: [s === null ? null : s.length] }];
  },
  grad: null,
  cpu: (inputs, ctx) => [vectorValue(ctx.op.getAttr('out_type', 'type'), inputs[0]!.shape)],
};

/** `ShapeN`: the shapes of N inputs at once (TF's concat gradient asks for them this way). */
export const ShapeN: OpDef = {
  type: 'ShapeN',
  infer: ({ inputs, attrs, op }) => {
    const dtype = getAttr(attrs, 'out_type', 'type', op.name);
    return inputs.map((x) => ({ dtype, shape: [x.shape === null ? null : x.shape.length] }));
  },
  grad: null,
  cpu: (inputs, ctx) => inputs.map((x) => vectorValue(ctx.op.getAttr('out_type', 'type'), x.shape)),
};

/** `Size`: the number of elements of input 0. */
export const Size: OpDef = {
  type: 'Size',
  infer: ({ attrs, op }) => [{ dtype: getAttr(attrs, 'out_type', 'type', op.name), shape: [] }],
  grad: null,
  cpu: (inputs, ctx) => [scalarValue(ctx.op.getAttr('out_type', 'type'), numElements(inputs[0]!.shape))],
};

/** `Rank`: the number of dimensions of input 0 (always int32 in TF). */
export const Rank: OpDef = {
  type: 'Rank',
  infer: () => [{ dtype: 'int32', shape: [] }],
  grad: null,
  cpu: (inputs) => [scalarValue('int32', inputs[0]!.shape.length)],
};
