/**
 * MatMul on WebGL against the CPU backend, all four transpose combinations. Tolerance per
 * element: K · 2⁻²³ · Σₖ|aᵢₖ·bₖⱼ| (the float32 bound for a K-term dot product; the tiled
 * kernel adds four products per step, so its order differs a little from the CPU's). The
 * sizes cover the three kernels of programs/matmul.ts and, in the tiled one, every texel
 * offset of an operand row (k, n, m mod 4 = 0 … 3), a k tail of 1–3, n = 1, k = 1.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { compareOnBackends, uniform } from './compare.ts';
import { createGL } from './gl.ts';
import { matMulProgram } from '../../src/backend/webgl/programs/matmul.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 }); // every op draws: these test the kernels
});

/** Σₖ|a·b| for output (r, c) of op(a)·op(b), a: m×k, b: k×n after the transposes. */
function absDot(a: Float32Array, b: Float32Array, m: number, k: number, n: number, ta: boolean, tb: boolean): (i: number) => number {
  return (i) => {
    const r = Math.floor(i / n);
    const c = i % n;
    let s = 0;
    for (let kk = 0; kk < k; kk++) s += Math.abs(a[ta ? kk * m + r : r * k + kk]! * b[tb ? c * k + kk : kk * n + c]!);
    return s;
  };
}

describe('MatMul', () => {
  // m < 8: the texel kernel (n % 4 == 0) or the scalar one. m ≥ 8: tiled, any k and n (rows
  // not whole texels read as two texels and a swizzle; the k tail masked). The MLP's shapes
  // (784-128-10, batch 64: forward, weight gradients, dL/dh) are among them.
  const shapes = [
    [1, 1, 1], [3, 5, 4], [7, 13, 20], [5, 6, 3],
    [17, 64, 9], [64, 300, 33], [33, 128, 12], [36, 20, 8], [8, 1, 1], [9, 2, 5], [10, 3, 6], [13, 7, 1], [11, 5, 7], [12, 1, 13],
    [64, 784, 128], [784, 64, 128], [64, 128, 10], [128, 64, 10], [64, 10, 128],
  ] as const;
  for (const [m, k, n] of shapes) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        test(`[${m}x${k}]·[${k}x${n}] transpose_a=${ta} transpose_b=${tb}`, () => {
          const a = { shape: ta ? [k, m] : [m, k], data: uniform(m * k, m + k) };
          const b = { shape: tb ? [n, k] : [k, n], data: uniform(k * n, k + n + 1) };
          const bound = absDot(a.data, b.data, m, k, n, ta, tb);
          backend.resetStats();
          compareOnBackends(backend, [a, b], ([x, y]) => tf.matmul(x!, y!, { transposeA: ta, transposeB: tb }), (i) => k * 2 ** -23 * bound(i));
          expect(backend.stats.gpuOps).toBe(1);
        });
      }
    }
  }
});

test('the sizes above reach each kernel: tiled (two draws) from 8 rows, else per-texel or per-element', () => {
  expect(matMulProgram([33, 128], [128, 12], false, false).stage).toBeDefined(); // tiled, m not a multiple of 4
  expect(matMulProgram([64, 784], [784, 128], false, false).stage).toBeDefined();
  expect(matMulProgram([64, 784], [64, 128], true, false).stage).toBeDefined(); // the MLP's weight gradient, transposed A
  expect(matMulProgram([64, 128], [128, 10], false, false).stage).toBeDefined(); // n = 10
  expect(matMulProgram([64, 10], [128, 10], false, true).stage).toBeDefined(); // k = 10, transposed B
  expect(matMulProgram([8, 1], [1, 1], false, false).stage).toBeDefined(); // k = n = 1
  expect([matMulProgram([7, 13], [13, 20], false, false).perTexel, matMulProgram([7, 13], [13, 20], false, false).stage]).toEqual([true, undefined]);
  expect(matMulProgram([5, 6], [6, 3], false, false).perTexel).toBeUndefined();
});

test('garbage past an operand\'s end (NaN in a reused texture) never reaches a sum', () => {
  // Texels past a tensor's last element keep whatever the pooled texture held; the tiled
  // kernel reads them (two-texel rows, the k tail) and must mask them, not multiply by 0.
  const nanPool = (size: number) => {
    const ts = [0, 1, 2].map(() => backend.context.upload(new Float32Array(size + 64).fill(Number.NaN)));
    for (const t of ts) backend.context.pool.release(t);
  };
  for (const [m, k, n] of [[9, 5, 3], [12, 6, 1], [10, 3, 6]] as const) {
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      nanPool(m * k);
      nanPool(k * n);
      const a = { shape: ta ? [k, m] : [m, k], data: uniform(m * k, 3) };
      const b = { shape: tb ? [n, k] : [k, n], data: uniform(k * n, 4) };
      const out = compareOnBackends(backend, [a, b], ([x, y]) => tf.matmul(x!, y!, { transposeA: ta, transposeB: tb }), (i) => k * 2 ** -23 * absDot(a.data, b.data, m, k, n, ta, tb)(i));
      expect(out.some(Number.isNaN)).toBe(false);
    }
  }
});
