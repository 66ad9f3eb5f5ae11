import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { CpuKernel, InferContext, OutputSpec } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { constantValue } from '../array/constant-value.ts';
import { shapeError } from '../array/indexing.ts';

export type ReduceKind = 'sum' | 'mean' | 'max' | 'min' | 'prod';

/**
 * TF's `ReductionShape`: with constant axes the reduced dimensions are dropped (or
 * kept as 1 with `keep_dims`); otherwise only the rank survives, and only with keep_dims.
 */
export function inferReduction(ctx: InferContext): OutputSpec[] {
  const [x, axesT] = ctx.inputs as [Tensor, Tensor];
  const keepDims = getAttr(ctx.attrs, 'keep_dims', 'bool', ctx.op.name);
  const axes = constantValue(axesT);
  if (axesT.shape !== null && axesT.shape.length > 1) throw shapeError(`Shape must be at most rank 1 but is rank ${axesT.shape.length}`, ctx.op, ctx.inputs);
  if (axes === null || x.shape === null) {
    return [{ dtype: x.dtype, shape: keepDims && x.shape !== null ? x.shape.map(() => null) : null }];
  }
  const rank = x.shape.length;
  const reduced = new Set<number>();
  for (const a of axes.data as Int32Array) {
    if (a < -rank || a >= rank) throw shapeError(`Invalid reduction dimension ${a} for input with ${rank} dimensions.`, ctx.op, ctx.inputs);
    reduced.add(a < 0 ? a + rank : a);
  }
  const out: Dim[] = [];
  x.shape.forEach((d, i) => {
    if (!reduced.has(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return [{ dtype: x.dtype, shape: out }];
}

/** Which dimensions an axes value reduces, with TF's runtime message for a bad axis. */
export function reducedMask(axes: TensorValue, rank: number, opName: string): boolean[] {
  const mask = new Array<boolean>(rank).fill(false);
  for (const a of axes.data as Int32Array) {
    if (a < -rank || a >= rank) throw new InvalidArgumentError(`Invalid reduction dimension (${a} for input with ${rank} dimension(s)`, opName);
    mask[a < 0 ? a + rank : a] = true;
  }
  return mask;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function initial(kind: ReduceKind, dtype: TensorValue['dtype']): number {
  switch (kind) {
    case 'sum': case 'mean': return 0;
    case 'prod': return 1;
    case 'max': return dtype === 'int32' ? INT_MIN : -Infinity;
    case 'min': return dtype === 'int32' ? INT_MAX : Infinity;
  }
}

/**
 * Reduce `x` over the masked dimensions. Adjacent dimensions of the same kind (kept or
 * reduced) are merged and size-1 dimensions dropped, so the common cases are one or two
 * tight loops; accumulation is in float64.
 */
export function reduceValue(x: TensorValue, mask: readonly boolean[], kind: ReduceKind, keepDims: boolean): TensorValue {
  const outShape = keepDims ? x.shape.map((d, i) => (mask[i] ? 1 : d)) : x.shape.filter((_, i) => !mask[i]);
  const dims: number[] = [];
  const red: boolean[] = [];
  let outN = 1;
  let count = 1;
  x.shape.forEach((d, i) => {
    if (mask[i]) count *= d;
    else outN *= d;
    if (d === 1) return;
    if (dims.length > 0 && red[red.length - 1] === mask[i]) dims[dims.length - 1]! *= d;
    else {
      dims.push(d);
      red.push(mask[i]!);
    }
  });
  const acc = new Float64Array(outN).fill(initial(kind, x.dtype));
  const src = x.data as Float32Array | Int32Array;
  const n = src.length;
  if (n > 0 && outN > 0) {
    const rank = dims.length;
    const outStride = new Array<number>(rank);
    for (let i = rank - 1, s = 1; i >= 0; i--) {
      outStride[i] = red[i] ? 0 : s;
      if (!red[i]) s *= dims[i]!;
    }
    const inner = rank === 0 ? 1 : dims[rank - 1]!;
    const innerReduced = rank > 0 && red[rank - 1]!;
    const index = new Array<number>(Math.max(rank - 1, 0)).fill(0);
    let o = 0;
    for (let pos = 0; pos < n; pos += inner) {
      if (innerReduced) {
        let a = acc[o]!;
        const end = pos + inner;
        switch (kind) {
          case 'sum': case 'mean': for (let i = pos; i < end; i++) a += src[i]!; break;
          case 'prod': for (let i = pos; i < end; i++) a *= src[i]!; break;
          case 'max': for (let i = pos; i < end; i++) if (src[i]! > a) a = src[i]!; break;
          case 'min': for (let i = pos; i < end; i++) if (src[i]! < a) a = src[i]!; break;
        }
        acc[o] = a;
      } else {
        switch (kind) {
          case 'sum': case 'mean': for (let j = 0; j < inner; j++) acc[o + j]! += src[pos + j]!; break;
          case 'prod': for (let j = 0; j < inner; j++) acc[o + j]! *= src[pos + j]!; break;
          case 'max': for (let j = 0; j < inner; j++) if (src[pos + j]! > acc[o + j]!) acc[o + j] = src[pos + j]!; break;
          case 'min': for (let j = 0; j < inner; j++) if (src[pos + j]! < acc[o + j]!) acc[o + j] = src[pos + j]!; break;
        }
      }
      for (let d = rank - 2; d >= 0; d--) {
        index[d]!++;
        o += outStride[d]!;
        if (index[d]! < dims[d]!) break;
        o -= outStride[d]! * dims[d]!;
        index[d] = 0;
      }
    }
  }
  const out = allocate(x.dtype, outShape);
  const dst = out.data as Float32Array | Int32Array;
  if (kind === 'mean') {
    // TF's integer mean divides with truncation.
    for (let i = 0; i < outN; i++) dst[i] = x.dtype === 'int32' ? Math.trunc(acc[i]! / count) : acc[i]! / count;
  } else {
    dst.set(acc);
  }
  return out;
}

/** The kernel of Sum, Mean, Max, Min or Prod. */
export function reductionKernel(kind: ReduceKind): CpuKernel {
  return (inputs, ctx) => {
    const [x, axes] = inputs as [TensorValue, TensorValue];
    if (axes.shape.length > 1) throw new InvalidArgumentError(`Invalid reduction arguments: Axes must be a scalar or vector, got shape [${axes.shape.join(',')}]`, ctx.op.name);
    const mask = reducedMask(axes, x.shape.length, ctx.op.name);
    return [reduceValue(x, mask, kind, ctx.op.getAttr('keep_dims', 'bool'))];
  };
}
