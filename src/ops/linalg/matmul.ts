import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { matmul } from '../../api/linalg.ts';
import { checkRank, shapeError } from '../array/indexing.ts';

/**
 * C[m,n] += A[m,k] · B[k,n] for float32, where A is read through strides (so a
 * transposed A needs no copy) and B is row-major. Four rows of C take four steps of k
 * at a time: each pass over a row of B then does 16 multiply-adds per loaded C element,
 * which is what makes this several times faster than a plain i-k-j loop in V8.
 */
function gemmFloat(a: Float32Array, aRow: number, aCol: number, b: Float32Array, c: Float32Array, m: number, k: number, n: number): void {
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    const r0 = i * aRow, r1 = r0 + aRow, r2 = r1 + aRow, r3 = r2 + aRow;
    let p = 0;
    for (; p < k4; p += 4) {
      const q0 = p * aCol, q1 = q0 + aCol, q2 = q1 + aCol, q3 = q2 + aCol;
      const a00 = a[r0 + q0]!, a01 = a[r0 + q1]!, a02 = a[r0 + q2]!, a03 = a[r0 + q3]!;
      const a10 = a[r1 + q0]!, a11 = a[r1 + q1]!, a12 = a[r1 + q2]!, a13 = a[r1 + q3]!;
      const a20 = a[r2 + q0]!, a21 = a[r2 + q1]!, a22 = a[r2 + q2]!, a23 = a[r2 + q3]!;
      const a30 = a[r3 + q0]!, a31 = a[r3 + q1]!, a32 = a[r3 + q2]!, a33 = a[r3 + q3]!;
      const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const x0 = b[b0 + j]!, x1 = b[b1 + j]!, x2 = b[b2 + j]!, x3 = b[b3 + j]!;
        c[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        c[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        c[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        c[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    for (; p < k; p++) {
      const q = p * aCol;
      const a0 = a[r0 + q]!, a1 = a[r1 + q]!, a2 = a[r2 + q]!, a3 = a[r3 + q]!;
      const b0 = p * n;
      for (let j = 0; j < n; j++) {
        const x = b[b0 + j]!;
        c[c0 + j] += a0 * x;
        c[c1 + j] += a1 * x;
        c[c2 + j] += a2 * x;
        c[c3 + j] += a3 * x;
      }
    }
  }
  for (; i < m; i++) {
    const c0 = i * n;
    const r0 = i * aRow;
    let p = 0;
    for (; p < k4; p += 4) {
      const a0 = a[r0 + p * aCol]!, a1 = a[r0 + (p + 1) * aCol]!, a2 = a[r0 + (p + 2) * aCol]!, a3 = a[r0 + (p + 3) * aCol]!;
      const b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      for (let j = 0; j < n; j++) c[c0 + j] += a0 * b[b0 + j]! + a1 * b[b1 + j]! + a2 * b[b2 + j]! + a3 * b[b3 + j]!;
    }
    for (; p < k; p++) {
      const a0 = a[r0 + p * aCol]!;
      const b0 = p * n;
      for (let j = 0; j < n; j++) c[c0 + j] += a0 * b[b0 + j]!;
    }
  }
}

/** Row-major copy of the transpose of a [rows, cols] matrix, in cache-sized blocks. */
function transposed(x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const BS = 16;
  for (let r0 = 0; r0 < rows; r0 += BS) {
    const rEnd = Math.min(r0 + BS, rows);
    for (let c0 = 0; c0 < cols; c0 += BS) {
      const cEnd = Math.min(c0 + BS, cols);
      for (let r = r0; r < rEnd; r++) for (let col = c0; col < cEnd; col++) out[col * rows + r] = x[r * cols + col]!;
    }
  }
  return out;
}

/** The reference loop for int32 (wrapping products and sums, as TF's int32 arithmetic). */
function gemmInt(a: Int32Array, aRow: number, aCol: number, b: Int32Array, bRow: number, bCol: number, c: Int32Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s = (s + Math.imul(a[i * aRow + p * aCol]!, b[p * bRow + j * bCol]!)) | 0;
      c[i * n + j] = s;
    }
  }
}

/** The matrix product of two concrete values (shared with the batch of tests and benchmarks). */
export function matmulValue(a: TensorValue, b: TensorValue, transposeA: boolean, transposeB: boolean, opName = 'MatMul'): TensorValue {
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new InvalidArgumentError(`In[0] and In[1] are not both matrices: [${a.shape.join(',')}], [${b.shape.join(',')}]`, opName);
  }
  const [ar, ac] = a.shape as [number, number];
  const [br, bc] = b.shape as [number, number];
  const m = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const k2 = transposeB ? bc : br;
  const n = transposeB ? br : bc;
  if (k !== k2) {
    throw new InvalidArgumentError(
      `Matrix size-incompatible: In[0]: [${a.shape.join(',')}], In[1]: [${b.shape.join(',')}]`,
      opName,
    );
  }
  const out = allocate(a.dtype, [m, n]);
  // A[i, p] = a[i * aRow + p * aCol] for either layout of A.
  const aRow = transposeA ? 1 : ac;
  const aCol = transposeA ? ac : 1;
  if (a.dtype === 'int32') {
    gemmInt(a.data as Int32Array, aRow, aCol, b.data as Int32Array, transposeB ? 1 : bc, transposeB ? bc : 1, out.data as Int32Array, m, k, n);
    return out;
  }
  // B must be row-major [k, n] for the inner loop; a transposed B is copied once (O(k·n) against O(m·k·n)).
  const bRowMajor = transposeB ? transposed(b.data as Float32Array, br, bc) : (b.data as Float32Array);
  gemmFloat(a.data as Float32Array, aRow, aCol, bRowMajor, out.data as Float32Array, m, k, n);
  return out;
}

/** TF 1.x's `_MatMulGrad`: two MatMuls whose transpose flags depend on the forward op's. */
function matmulGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const grad = grads[0]!;
  const tA = op.getAttr('transpose_a', 'bool');
  const tB = op.getAttr('transpose_b', 'bool');
  const [a, b] = op.inputs as [Tensor, Tensor];
  if (!tA && !tB) return [matmul(grad, b, { transposeB: true }), matmul(a, grad, { transposeA: true })];
  if (!tA && tB) return [matmul(grad, b), matmul(grad, a, { transposeA: true })];
  if (tA && !tB) return [matmul(b, grad, { transposeB: true }), matmul(a, grad)];
  return [matmul(b, grad, { transposeA: true, transposeB: true }), matmul(grad, a, { transposeA: true, transposeB: true })];
}

/** `MatMul(a, b)` with attrs transpose_a, transpose_b. */
export const MatMul: OpDef = {
  type: 'MatMul',
  infer: (ctx) => {
    const [a, b] = ctx.inputs as [Tensor, Tensor];
    checkRank(a, 2, ctx.op, ctx.inputs);
    checkRank(b, 2, ctx.op, ctx.inputs);
    const tA = ctx.attrs['transpose_a']?.value === true;
    const tB = ctx.attrs['transpose_b']?.value === true;
    const as: readonly Dim[] = a.shape ?? [null, null];
    const bs: readonly Dim[] = b.shape ?? [null, null];
    const k1 = tA ? as[0]! : as[1]!;
    const k2 = tB ? bs[1]! : bs[0]!;
    if (k1 !== null && k2 !== null && k1 !== k2) throw shapeError(`Dimensions must be equal, but are ${k1} and ${k2}`, ctx.op, ctx.inputs);
    return [{ dtype: a.dtype, shape: [tA ? as[1]! : as[0]!, tB ? bs[0]! : bs[1]!] }];
  },
  grad: matmulGrad,
  cpu: (inputs, ctx) => [matmulValue(inputs[0]!, inputs[1]!, ctx.op.getAttr('transpose_a', 'bool'), ctx.op.getAttr('transpose_b', 'bool'), ctx.op.name)],
};
