import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { concat, pad, rank, reshape, shape, stack } from '../../api/array.ts';
import { opSub } from '../../api/math.ts';
import { constantInts, constantValueAsShape } from './constant-value.ts';
import { elements, intsOf, shapeError, stridesOf } from './indexing.ts';

/** Copy the box `begin`/`size` of `x` into a new value (row-major, innermost rows copied in one loop). */
export function sliceValue(x: TensorValue, begin: readonly number[], size: readonly number[]): TensorValue {
  const rank = size.length;
  const n = size.reduce((a, b) => a * b, 1);
  const out: TensorValue = { dtype: x.dtype, shape: [...size], data: allocateData(x.dtype, n) };
  if (n === 0) return out;
  const src = elements(x);
  const dst = elements(out);
  if (rank === 0) {
    dst[0] = src[0];
    return out;
  }
  const strides = stridesOf(x.shape);
  const index = new Array<number>(rank).fill(0);
  let inOff = begin.reduce((acc, b, i) => acc + b * strides[i]!, 0);
  const last = rank - 1;
  const rowLen = size[last]!;
  for (let o = 0; o < n; ) {
    for (let i = 0; i < rowLen; i++) dst[o++] = src[inOff + i];
    let d = last - 1;
    for (; d >= 0; d--) {
      index[d]!++;
      inOff += strides[d]!;
      if (index[d]! < size[d]!) break;
      inOff -= strides[d]! * size[d]!;
      index[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}

/** TF's `_SliceGrad`: pad the gradient with zeros back to the input's shape. */
function sliceGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const inputVec = op.inputs[0]!;
  const beginVec = op.inputs[1]!;
  const inputRank = rank(inputVec);
  const sliceSize = shape(op.outputs[0]!);
  const padShape = stack([inputRank, 1]);
  const beforePad = reshape(beginVec, padShape);
  const afterPad = reshape(opSub(opSub(shape(inputVec), sliceSize), beginVec), padShape);
  const paddings = concat([beforePad, afterPad], 1);
  return [pad(grads[0]!, paddings), null, null];
}

/** `Slice(input, begin, size)`: the box starting at `begin`; a size of -1 takes the rest of that dimension. */
export const Slice: OpDef = {
  type: 'Slice',
  infer: (ctx) => {
    const [x, beginT, sizeT] = ctx.inputs as [Tensor, Tensor, Tensor];
    const sizes = constantInts(sizeT);
    if (sizes !== null) {
      if (x.shape !== null && x.shape.length !== sizes.length) {
        throw shapeError(`Shape must be rank ${sizes.length} but is rank ${x.shape.length}`, ctx.op, ctx.inputs);
      }
      const begin = constantValueAsShape(beginT);
      const out = sizes.map((s, i): Dim => {
        if (s !== -1) return s;
        const d = x.shape === null ? null : x.shape[i]!;
        const b = begin === null ? null : begin[i] ?? null;
        return d === null || b === null ? null : d - b;
      });
      return [{ dtype: x.dtype, shape: out }];
    }
    // Sizes not constant: what is known of them (-1 counts as unknown), else the input's rank.
    const partial = constantValueAsShape(sizeT);
    if (partial !== null) return [{ dtype: x.dtype, shape: partial }];
    return [{ dtype: x.dtype, shape: x.shape === null ? null : x.shape.map(() => null) }];
  },
  grad: sliceGrad,
  cpu: (inputs, ctx) => {
    const [x, beginV, sizeV] = inputs as [TensorValue, TensorValue, TensorValue];
    const rank = x.shape.length;
    const begin = intsOf(beginV);
    const size = intsOf(sizeV);
    if (beginV.shape.length !== 1 || sizeV.shape.length !== 1 || begin.length !== rank || size.length !== rank) {
      throw new InvalidArgumentError(
        `Expected begin and size arguments to be 1-D tensors of size ${rank}, but got shapes [${beginV.shape.join(',')}] and [${sizeV.shape.join(',')}] instead.`,
        ctx.op.name,
      );
    }
    const resolved = size.map((s, i) => {
      const d = x.shape[i]!;
      const b = begin[i]!;
      const len = s === -1 ? d - b : s;
      if (b < 0 || b > d) throw new InvalidArgumentError(`Expected begin[${i}] in [0, ${d}], but got ${b}`, ctx.op.name);
      if (len < 0 || b + len > d) throw new InvalidArgumentError(`Expected size[${i}] in [0, ${d - b}], but got ${s}`, ctx.op.name);
      return len;
    });
    return [sliceValue(x, begin, resolved)];
  },
};
