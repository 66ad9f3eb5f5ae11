/**
 * Shared CPU kernels for element-wise ops: NumPy broadcasting over flat typed arrays.
 *
 * Each op supplies the scalar function; these loops handle layout. Fast paths cover
 * the cases training graphs hit most (equal shapes, one side a scalar or a size-1
 * tensor); everything else walks the output with per-input strides, where a
 * broadcast dimension has stride 0. Results are written into the output's typed
 * array, so float32 results are rounded to float32 and int32 results wrap, as in TF.
 */
import type { DType } from '../../engine/dtype.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { CpuKernel, KernelContext } from '../../engine/op-def.ts';
import { numElements } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';

/** An element array as kernels read it: numbers for numeric and bool tensors, strings for string tensors. */
type Elements = ArrayLike<number>;
type Output = { [i: number]: number; readonly length: number };

export type UnaryFn = (x: number) => number;
export type BinaryFn = (x: number, y: number) => number;
/** One scalar function for every dtype, or one per input dtype (int32 often needs `Math.imul` or integer rules). */
export type PerDType<F> = F | Partial<Record<DType, F>>;

function pick<F extends (...args: number[]) => number>(fns: PerDType<F>, dtype: DType, ctx: KernelContext): F {
  if (typeof fns === 'function') return fns;
  const f = fns[dtype];
  if (f === undefined) {
    throw new InvalidArgumentError(`No ${ctx.op.type} kernel registered for dtype ${dtype}`, ctx.op.name);
  }
  return f;
}

/** TF's runtime message for shapes that do not broadcast: `Incompatible shapes: [2,3] vs. [4]`. */
export function broadcastShape(a: readonly number[], b: readonly number[], node?: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)]!;
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)]!;
    if (da !== db && da !== 1 && db !== 1) {
      throw new InvalidArgumentError(`Incompatible shapes: [${a.join(',')}] vs. [${b.join(',')}]`, node);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides of `shape` read as a tensor of `outShape`: 0 along broadcast (size-1 or missing) dimensions. */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    strides[i + rank - shape.length] = d === 1 ? 0 : stride;
    stride *= d;
  }
  return strides;
}

/**
 * out[i] = f(a[ia], b[ib]) over the broadcast output: the innermost dimension is a
 * plain loop, the outer ones an odometer that adds strides instead of multiplying.
 */
function stridedBinary(out: Output, a: Elements, b: Elements, outShape: readonly number[], sa: number[], sb: number[], f: BinaryFn): void {
  const rank = outShape.length;
  const inner = outShape[rank - 1]!;
  const ia = sa[rank - 1]!;
  const ib = sb[rank - 1]!;
  const index = new Array<number>(rank).fill(0);
  const n = out.length;
  let pa = 0;
  let pb = 0;
  let o = 0;
  while (o < n) {
    for (let k = 0, qa = pa, qb = pb; k < inner; k++, qa += ia, qb += ib) out[o++] = f(a[qa]!, b[qb]!);
    for (let d = rank - 2; d >= 0; d--) {
      pa += sa[d]!;
      pb += sb[d]!;
      if (++index[d]! < outShape[d]!) break;
      pa -= sa[d]! * outShape[d]!;
      pb -= sb[d]! * outShape[d]!;
      index[d] = 0;
    }
  }
}

/** Apply `f` element-wise with broadcasting; the result has dtype `outDType` (default: `a`'s). */
export function applyBinary(a: TensorValue, b: TensorValue, f: BinaryFn, outDType: DType = a.dtype, node?: string): TensorValue {
  const shape = broadcastShape(a.shape, b.shape, node);
  const out = allocate(outDType, shape);
  const o = out.data as Output;
  const x = a.data as Elements;
  const y = b.data as Elements;
  const n = o.length;
  if (x.length === n && y.length === n) {
    for (let i = 0; i < n; i++) o[i] = f(x[i]!, y[i]!);
  } else if (x.length === 1 && y.length === n) {
    const s = x[0]!;
    for (let i = 0; i < n; i++) o[i] = f(s, y[i]!);
  } else if (y.length === 1 && x.length === n) {
    const s = y[0]!;
    for (let i = 0; i < n; i++) o[i] = f(x[i]!, s);
  } else if (n > 0) {
    stridedBinary(o, x, y, shape, broadcastStrides(a.shape, shape), broadcastStrides(b.shape, shape), f);
  }
  return out;
}

/** Apply `f` to every element; the result has dtype `outDType` (default: the input's). */
export function mapUnary(a: TensorValue, f: UnaryFn, outDType: DType = a.dtype): TensorValue {
  const out = allocate(outDType, a.shape);
  const o = out.data as Output;
  const x = a.data as Elements;
  for (let i = 0; i < o.length; i++) o[i] = f(x[i]!);
  return out;
}

/**
 * A CPU kernel for a broadcasting binary op. `outDType` fixes the result dtype
 * (`bool` for comparisons); by default it is the inputs' dtype.
 *
 *     cpu: binaryKernel({ float32: (a, b) => a * b, int32: Math.imul })
 */
export function binaryKernel(fns: PerDType<BinaryFn>, outDType?: DType): CpuKernel {
  return (inputs, ctx) => {
    const a = inputs[0]!;
    const b = inputs[1]!;
    return [applyBinary(a, b, pick(fns, a.dtype, ctx), outDType ?? a.dtype, ctx.op.name)];
  };
}

/** A CPU kernel for an element-wise unary op. */
export function unaryKernel(fns: PerDType<UnaryFn>, outDType?: DType): CpuKernel {
  return (inputs, ctx) => {
    const a = inputs[0]!;
    return [mapUnary(a, pick(fns, a.dtype, ctx), outDType ?? a.dtype)];
  };
}

/**
 * A CPU kernel for the `*Grad` ops whose two inputs always have the same shape
 * (`SigmoidGrad(y, dy)`, `ReluGrad(gradients, features)`); TF rejects other shapes.
 */
export function sameShapeKernel(fns: PerDType<BinaryFn>): CpuKernel {
  return (inputs, ctx) => {
    const a = inputs[0]!;
    const b = inputs[1]!;
    if (numElements(a.shape) !== numElements(b.shape) || a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
      throw new InvalidArgumentError(`Incompatible shapes: [${a.shape.join(',')}] vs. [${b.shape.join(',')}]`, ctx.op.name);
    }
    return [applyBinary(a, b, pick(fns, a.dtype, ctx), a.dtype, ctx.op.name)];
  };
}
