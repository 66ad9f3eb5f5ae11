import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { invertPermutation, transpose } from '../../api/array.ts';
import { constantInts } from './constant-value.ts';
import { elements, intsOf, shapeError, stridesOf } from './indexing.ts';

/** TF's check that `perm` is a permutation of 0..n-1, with its message. */
function checkPermutation(perm: readonly number[], opName: string): void {
  const seen = new Array<boolean>(perm.length).fill(false);
  for (const p of perm) {
    if (p < 0 || p >= perm.length) throw new InvalidArgumentError(`${p} is out of range [0 .. ${perm.length})`, opName);
    if (seen[p]) throw new InvalidArgumentError(`${p} is duplicated in the input.`, opName);
    seen[p] = true;
  }
}

/** Permute the axes of a concrete value (the kernel, shared with ops that transpose internally). */
export function transposeValue(x: TensorValue, perm: readonly number[]): TensorValue {
  const rank = perm.length;
  const outShape = perm.map((p) => x.shape[p]!);
  const n = x.data.length;
  const out: TensorValue = { dtype: x.dtype, shape: outShape, data: allocateData(x.dtype, n) };
  if (n === 0) return out;
  const src = elements(x);
  const dst = elements(out);
  const inStrides = stridesOf(x.shape);
  if (rank === 2 && perm[0] === 1) {
    const rows = x.shape[0]!, cols = x.shape[1]!;
    for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) dst[j * rows + i] = src[i * cols + j];
    return out;
  }
  // Walk the output in order, keeping the matching input offset with an odometer.
  const stride = perm.map((p) => inStrides[p]!);
  const index = new Array<number>(rank).fill(0);
  const last = rank - 1;
  const innerLen = rank === 0 ? 1 : outShape[last]!;
  const innerStride = rank === 0 ? 0 : stride[last]!;
  let inOff = 0;
  for (let o = 0; o < n; ) {
    for (let i = 0; i < innerLen; i++) dst[o++] = src[inOff + i * innerStride];
    let d = last - 1;
    for (; d >= 0; d--) {
      index[d]!++;
      inOff += stride[d]!;
      if (index[d]! < outShape[d]!) break;
      inOff -= stride[d]! * outShape[d]!;
      index[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}

/** `Transpose(x, perm)`: `y.shape[i] == x.shape[perm[i]]`. */
export const Transpose: OpDef = {
  type: 'Transpose',
  infer: (ctx) => {
    const [x, permT] = ctx.inputs as [Tensor, Tensor];
    const perm = constantInts(permT);
    const permLen = permT.shape !== null && permT.shape.length === 1 ? permT.shape[0]! : null;
    const rank = x.shape !== null ? x.shape.length : permLen ?? perm?.length ?? null;
    if (rank === null) return [{ dtype: x.dtype, shape: null }];
    if ((permLen !== null && permLen !== rank) || (perm !== null && perm.length !== rank)) {
      throw shapeError(`Dimension must be ${rank} but is ${permLen ?? perm!.length}`, ctx.op, ctx.inputs);
    }
    if (perm === null) return [{ dtype: x.dtype, shape: new Array<Dim>(rank).fill(null) }];
    const shape = perm.map((p): Dim => {
      if (p >= rank) throw shapeError(`perm dim ${p} is out of range of input rank ${rank}`, ctx.op, ctx.inputs);
      return x.shape === null ? null : x.shape[p < 0 ? p + rank : p]!;
    });
    return [{ dtype: x.dtype, shape }];
  },
  // TF's `_TransposeGrad`: transpose back by the inverse permutation.
  grad: (op, grads) => [transpose(grads[0]!, invertPermutation(op.inputs[1]!)), null],
  cpu: (inputs, ctx) => {
    const [x, permV] = inputs as [TensorValue, TensorValue];
    const perm = intsOf(permV);
    if (permV.shape.length !== 1 || perm.length !== x.shape.length) {
      throw new InvalidArgumentError(`transpose expects a vector of size ${x.shape.length}. But input(1) is a vector of size ${perm.length}`, ctx.op.name);
    }
    checkPermutation(perm, ctx.op.name);
    return [transposeValue(x, perm)];
  },
};

/** `InvertPermutation(x)`: y[x[i]] = i. */
export const InvertPermutation: OpDef = {
  type: 'InvertPermutation',
  infer: (ctx) => {
    const x = ctx.inputs[0]!;
    if (x.shape !== null && x.shape.length !== 1) throw shapeError(`Shape must be rank 1 but is rank ${x.shape.length}`, ctx.op, ctx.inputs);
    return [{ dtype: x.dtype, shape: x.shape ?? [null] }];
  },
  grad: null,
  cpu: (inputs, ctx) => {
    const x = inputs[0]!;
    if (x.shape.length !== 1) throw new InvalidArgumentError(`invert_permutation expects a 1D vector.`, ctx.op.name);
    const perm = intsOf(x);
    checkPermutation(perm, ctx.op.name);
    const out = new Int32Array(perm.length);
    perm.forEach((p, i) => (out[p] = i));
    return [{ dtype: x.dtype, shape: x.shape, data: out }];
  },
};
