import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { InferContext, OpDef, OutputSpec } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { concatOffset, rank, shape, shapeN, slice } from '../../api/array.ts';
import { opMod } from '../../api/math.ts';
import { constantValue } from './constant-value.ts';
import { elements, intsOf, shapeError } from './indexing.ts';

/** TF's `ConcatShape`: sum the concat dimension, merge the others; unknown axis keeps only the rank. */
function inferConcat(ctx: InferContext): OutputSpec[] {
  const values = ctx.inputs.slice(0, -1);
  const dtype = values[0]!.dtype;
  let rank: number | null = null;
  for (const v of values) {
    if (v.shape === null) continue;
    if (rank === null) rank = v.shape.length;
    else if (v.shape.length !== rank) throw shapeError(`Shape must be rank ${rank} but is rank ${v.shape.length}`, ctx.op, ctx.inputs);
  }
  if (rank === 0) throw shapeError(`Can't concatenate scalars (use tf.stack instead)`, ctx.op, ctx.inputs);
  const axisV = constantValue(ctx.inputs[ctx.inputs.length - 1]!);
  if (rank === null) return [{ dtype, shape: null }];
  if (axisV === null) return [{ dtype, shape: new Array<Dim>(rank).fill(null) }];
  let axis = (axisV.data as Int32Array)[0]!;
  if (axis < -rank || axis >= rank) {
    throw shapeError(`Shape must be at least rank ${axis < 0 ? -axis : axis + 1} but is rank ${rank}`, ctx.op, ctx.inputs);
  }
  if (axis < 0) axis += rank;
  const out: Dim[] = new Array<Dim>(rank).fill(null);
  let middle: Dim = 0;
  for (const v of values) {
    if (v.shape === null) {
      middle = null;
      continue;
    }
    v.shape.forEach((d, i) => {
      if (i === axis) {
        middle = middle === null || d === null ? null : middle + d;
      } else if (d !== null) {
        if (out[i] !== null && out[i] !== d) {
          throw shapeError(`Dimension ${i} in both shapes must be equal, but are ${out[i]} and ${d}`, ctx.op, ctx.inputs);
        }
        out[i] = d;
      }
    });
  }
  out[axis] = middle;
  return [{ dtype, shape: out }];
}

/**
 * TF's `_ConcatGradHelper` (dense case, N <= 16): slice the gradient at the offsets
 * `ConcatOffset` computes from the inputs' shapes — constant shapes when every input's
 * shape is fully known, else one `ShapeN`.
 */
function concatGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const grad = grads[0]!;
  if (op.inputs.length === 2) return [grad, null];
  const concatDim = op.inputs[op.inputs.length - 1]!;
  const values = op.inputs.slice(0, -1);
  const nonNegDim = opMod(concatDim, rank(values[0]!));
  let sizes: Tensor[] = [];
  for (const x of values) {
    const s = shape(x);
    if (s.op.type !== 'Const') {
      sizes = shapeN(values);
      break;
    }
    sizes.push(s);
  }
  const offsets = concatOffset(nonNegDim, sizes);
  return [...offsets.map((begin, i) => slice(grad, begin, sizes[i]!)), null];
}

/** `ConcatV2(values[N], axis)`: join tensors along `axis`. */
export const ConcatV2: OpDef = {
  type: 'ConcatV2',
  infer: inferConcat,
  grad: concatGrad,
  cpu: (inputs, ctx) => {
    const values = inputs.slice(0, -1);
    const first = values[0]!;
    const rank = first.shape.length;
    const rawAxis = (inputs[inputs.length - 1]!.data as Int32Array)[0]!;
    if (rawAxis < -rank || rawAxis >= rank) {
      throw new InvalidArgumentError(`ConcatOp : Expected concatenating dimensions in the range [${-rank}, ${rank}), but got ${rawAxis}`, ctx.op.name);
    }
    const axis = rawAxis < 0 ? rawAxis + rank : rawAxis;
    let outer = 1;
    for (let i = 0; i < axis; i++) outer *= first.shape[i]!;
    let middle = 0;
    values.forEach((v, k) => {
      const ok = v.shape.length === rank && v.shape.every((d, i) => i === axis || d === first.shape[i]);
      if (!ok) {
        throw new InvalidArgumentError(
          `ConcatOp : Dimensions of inputs should match: shape[0] = [${first.shape.join(',')}] vs. shape[${k}] = [${v.shape.join(',')}]`,
          ctx.op.name,
        );
      }
      middle += v.shape[axis]!;
    });
    const outShape = first.shape.map((d, i) => (i === axis ? middle : d));
    const total = values.reduce((n, v) => n + v.data.length, 0);
    const out: TensorValue = { dtype: first.dtype, shape: outShape, data: allocateData(first.dtype, total) };
    const dst = elements(out);
    // Each input contributes one contiguous chunk per outer index.
    const chunks = values.map((v) => (outer === 0 ? 0 : v.data.length / outer));
    let o = 0;
    for (let i = 0; i < outer; i++) {
      values.forEach((v, k) => {
        const src = elements(v);
        const len = chunks[k]!;
        const from = i * len;
        for (let j = 0; j < len; j++) dst[o++] = src[from + j];
      });
    }
    return [out];
  },
};

/** `ConcatOffset(concat_dim, shape[N])`: where each input starts inside the concatenation. */
export const ConcatOffset: OpDef = {
  type: 'ConcatOffset',
  infer: (ctx) => ctx.inputs.slice(1).map((s) => ({ dtype: s.dtype, shape: s.shape })),
  grad: null,
  cpu: (inputs, ctx) => {
    const shapes = inputs.slice(1).map(intsOf);
    const n = getAttr(ctx.op.attrs, 'N', 'int', ctx.op.name);
    const rank = shapes[0]!.length;
    const raw = (inputs[0]!.data as Int32Array)[0]!;
    const axis = raw < 0 ? raw + rank : raw;
    if (axis < 0 || axis >= rank) throw new InvalidArgumentError(`Concat dim is out of range: ${raw} vs. ${rank}`, ctx.op.name);
    let offset = 0;
    const out: TensorValue[] = [];
    for (let i = 0; i < n; i++) {
      const s = shapes[i]!;
      if (s.length !== rank || s.some((d, j) => j !== axis && d !== shapes[0]![j])) {
        throw new InvalidArgumentError(`input dimensions are not equal: [${shapes[0]!.join(',')}] vs. [${s.join(',')}]`, ctx.op.name);
      }
      const v = new Int32Array(rank);
      v[axis] = offset;
      offset += s[axis]!;
      out.push({ dtype: 'int32', shape: [rank], data: v });
    }
    return out;
  },
};
