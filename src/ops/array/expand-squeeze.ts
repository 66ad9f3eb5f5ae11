import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { constantValue } from './constant-value.ts';
import { shapeError } from './indexing.ts';
import { reshapeToInput, withShape } from './reshape.ts';

/** `ExpandDims(input, dim)`: insert a dimension of size 1 at `dim` (negative counts from the end, as rank + 1 + dim). */
export const ExpandDims: OpDef = {
  type: 'ExpandDims',
  infer: (ctx) => {
    const [x, dimT] = ctx.inputs as [Tensor, Tensor];
    const dimV = constantValue(dimT);
    if (dimV !== null && dimV.data.length !== 1) throw shapeError(`'dim' input must be a tensor with a single value`, ctx.op, ctx.inputs);
    if (dimV === null || x.shape === null) return [{ dtype: x.dtype, shape: null }];
    const rank = x.shape.length;
    let dim = (dimV.data as Int32Array)[0]!;
    if (dim < -rank - 1 || dim > rank) throw shapeError(`dim ${dim} not in the interval [${-rank - 1}, ${rank}].`, ctx.op, ctx.inputs);
    if (dim < 0) dim += rank + 1;
    return [{ dtype: x.dtype, shape: [...x.shape.slice(0, dim), 1, ...x.shape.slice(dim)] }];
  },
  grad: (op, grads) => [reshapeToInput(op, grads[0]!), null],
  cpu: (inputs, ctx) => {
    const [x, dimV] = inputs as [TensorValue, TensorValue];
    const rank = x.shape.length;
    let dim = (dimV.data as Int32Array)[0]!;
    if (dim < -rank - 1 || dim > rank) {
      throw new InvalidArgumentError(`Tried to expand dim index ${dim} for tensor with ${rank} dimensions.`, ctx.op.name);
    }
    if (dim < 0) dim += rank + 1;
    return [withShape(x, [...x.shape.slice(0, dim), 1, ...x.shape.slice(dim)])];
  },
};

/** `Squeeze(input)` with attr `squeeze_dims`: drop the listed size-1 dimensions, or every size-1 dimension when none are listed. */
export const Squeeze: OpDef = {
  type: 'Squeeze',
  infer: (ctx) => {
    const x = ctx.inputs[0]!;
    if (x.shape === null) return [{ dtype: x.dtype, shape: null }];
    const rank = x.shape.length;
    const dims = getAttr(ctx.attrs, 'squeeze_dims', 'list_int', ctx.op.name).map((d, i) => {
      if (d < -rank || d >= rank) throw shapeError(`squeeze_dims[${i}] not in [${-rank},${rank}).`, ctx.op, ctx.inputs);
      return d < 0 ? d + rank : d;
    });
    const out: Dim[] = [];
    for (let i = 0; i < rank; i++) {
      const explicit = dims.includes(i);
      const d = x.shape[i]!;
      if (d === null) {
        // TF assumes an explicitly squeezed unknown dimension is 1, and gives up when squeezing all 1s.
        if (explicit) continue;
        if (dims.length === 0) return [{ dtype: x.dtype, shape: null }];
      } else if (d === 1) {
        if (explicit || dims.length === 0) continue;
      } else if (explicit) {
        throw shapeError(`Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`, ctx.op, ctx.inputs);
      }
      out.push(d);
    }
    return [{ dtype: x.dtype, shape: out }];
  },
  grad: (op, grads) => [reshapeToInput(op, grads[0]!)],
  cpu: (inputs, ctx) => {
    const x = inputs[0]!;
    const rank = x.shape.length;
    const dims = ctx.op.getAttr('squeeze_dims', 'list_int').map((d) => (d < 0 ? d + rank : d));
    const out: number[] = [];
    x.shape.forEach((d, i) => {
      if (dims.includes(i)) {
        if (d !== 1) throw new InvalidArgumentError(`Tried to explicitly squeeze dimension ${i} but dimension was not 1: ${d}`, ctx.op.name);
      } else if (!(dims.length === 0 && d === 1)) {
        out.push(d);
      }
    });
    return [withShape(x, out)];
  },
};
