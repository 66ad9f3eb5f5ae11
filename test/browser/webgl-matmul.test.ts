/**
 * MatMul on WebGL against the CPU backend, all four transpose combinations. Tolerance per
 * element: K · 2⁻²³ · Σₖ|aᵢₖ·bₖⱼ| (the float32 bound for a K-term dot product; both sides
 * add in the same order, so results are usually closer). The sizes cover both kernels
 * of programs/matmul.ts and each of its operand read paths.
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
  // n % 4 == 0 takes the texel kernel (k % 4 == 0: whole-texel operand rows; else element reads and a k tail);
  // n % 4 != 0 the scalar one. m odd, k odd and the MLP's first layer are among them.
  for (const [m, k, n] of [[1, 1, 1], [3, 5, 4], [17, 64, 9], [64, 300, 33], [33, 128, 12], [7, 13, 20], [64, 784, 128], [784, 64, 128], [36, 20, 8]] as const) {
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

test('the sizes above reach each kernel: tiled (two draws), per-texel, per-element', () => {
  expect(matMulProgram([33, 128], [128, 12], false, false).stage).toBeDefined(); // tiled, m not a multiple of 4
  expect(matMulProgram([64, 784], [784, 128], false, false).stage).toBeDefined();
  expect(matMulProgram([64, 784], [64, 128], true, false).stage).toBeDefined(); // the MLP's weight gradient, transposed A
  expect(matMulProgram([36, 20], [8, 20], false, true).stage).toBeDefined(); // transposed B
  for (const p of [matMulProgram([7, 13], [13, 20], false, false), matMulProgram([128, 33], [128, 12], true, false)]) {
    expect([p.perTexel, p.stage]).toEqual([true, undefined]);
  }
  expect(matMulProgram([17, 64], [64, 9], false, false).perTexel).toBeUndefined();
});
