import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes, type Shape } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { stack, unstack } from '../../api/array.ts';
import { fmt } from '../infer.ts';
import { elements, shapeError } from './indexing.ts';

/** `Pack(values[N])` with attr `axis` (TF's `tf.stack`): N tensors of one shape become one with a new dimension N. */
export const Pack: OpDef = {
  type: 'Pack',
  infer: (ctx) => {
    const n = getAttr(ctx.attrs, 'N', 'int', ctx.op.name);
    let shape: Shape = null;
    for (const x of ctx.inputs) {
      const merged = mergeShapes(shape, x.shape);
      if (merged === undefined) throw shapeError(`Shapes ${fmt(shape)} and ${fmt(x.shape)} are incompatible`, ctx.op, ctx.inputs);
      shape = merged;
    }
    if (shape === null) return [{ dtype: ctx.inputs[0]!.dtype, shape: null }];
    const rank = shape.length + 1;
    let axis = getAttr(ctx.attrs, 'axis', 'int', ctx.op.name);
    if (axis < -rank || axis >= rank) throw shapeError(`Invalid axis: ${axis}; must be in [${-rank},${rank})`, ctx.op, ctx.inputs);
    if (axis < 0) axis += rank;
    return [{ dtype: ctx.inputs[0]!.dtype, shape: [...shape.slice(0, axis), n, ...shape.slice(axis)] }];
  },
  // TF's `_PackGrad`: unstack the gradient along the same axis.
  grad: (op, grads) => unstack(grads[0]!, op.getAttr('N', 'int'), op.getAttr('axis', 'int')),
  cpu: (inputs, ctx) => {
    const first = inputs[0]!;
    const rank = first.shape.length + 1;
    let axis = ctx.op.getAttr('axis', 'int');
    if (axis < 0) axis += rank;
    inputs.forEach((x, i) => {
      if (x.shape.length !== first.shape.length || x.shape.some((d, j) => d !== first.shape[j])) {
        throw new InvalidArgumentError(`Shapes of all inputs must match: values[0].shape = [${first.shape.join(',')}] != values[${i}].shape = [${x.shape.join(',')}]`, ctx.op.name);
      }
    });
    const outShape = [...first.shape.slice(0, axis), inputs.length, ...first.shape.slice(axis)];
    const inner = first.shape.slice(axis).reduce((a, b) => a * b, 1);
    const outer = first.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const out: TensorValue = { dtype: first.dtype, shape: outShape, data: allocateData(first.dtype, outer * inner * inputs.length) };
    const dst = elements(out);
    let o = 0;
    for (let i = 0; i < outer; i++) {
      for (const x of inputs) {
        const src = elements(x);
        for (let j = 0; j < inner; j++) dst[o++] = src[i * inner + j];
      }
    }
    return [out];
  },
};

/** `Unpack(value)` with attrs `num`, `axis` (TF's `tf.unstack`): the inverse of Pack. */
export const Unpack: OpDef = {
  type: 'Unpack',
  infer: (ctx) => {
    const x = ctx.inputs[0]!;
    const num = getAttr(ctx.attrs, 'num', 'int', ctx.op.name);
    if (x.shape === null) return new Array(num).fill({ dtype: x.dtype, shape: null });
    const rank = x.shape.length;
    let axis = getAttr(ctx.attrs, 'axis', 'int', ctx.op.name);
    if (axis < -rank || axis >= rank) throw shapeError(`Invalid axis: ${axis}; must be in [${-rank},${rank})`, ctx.op, ctx.inputs);
    if (axis < 0) axis += rank;
    const d = x.shape[axis];
    if (d !== null && d !== num) throw shapeError(`Dimension must be ${num} but is ${d}`, ctx.op, ctx.inputs);
    const shape = x.shape.filter((_, i) => i !== axis);
    return new Array(num).fill({ dtype: x.dtype, shape });
  },
  // TF's `_UnpackGrad`: stack the gradients back.
  grad: (op, grads) => [stack(grads.map((g) => g!), op.getAttr('axis', 'int'))],
  cpu: (inputs, ctx) => {
    const x = inputs[0]!;
    const rank = x.shape.length;
    let axis = ctx.op.getAttr('axis', 'int');
    if (axis < 0) axis += rank;
    const num = x.shape[axis]!;
    if (num !== ctx.op.getAttr('num', 'int')) throw new InvalidArgumentError(`Input shape axis ${axis} must equal ${ctx.op.getAttr('num', 'int')}, got shape [${x.shape.join(',')}]`, ctx.op.name);
    const shape = x.shape.filter((_, i) => i !== axis);
    const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const src = elements(x);
    const outs: TensorValue[] = [];
    for (let k = 0; k < num; k++) {
      const out: TensorValue = { dtype: x.dtype, shape, data: allocateData(x.dtype, outer * inner) };
      const dst = elements(out);
      for (let i = 0; i < outer; i++) for (let j = 0; j < inner; j++) dst[i * inner + j] = src[(i * num + k) * inner + j];
      outs.push(out);
    }
    return outs;
  },
};
