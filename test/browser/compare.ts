/**
 * Run one op on the CPU backend and on the WebGL backend with the same inputs, and
 * compare element by element: |webgl − cpu| ≤ abs + rel·|cpu|.
 */
import { expect } from 'vitest';
import * as tf from '../../src/index.ts';
import type { WebGLBackend } from '../../src/backend/webgl/index.ts';

export interface Tolerance { readonly abs: number; readonly rel: number }

/** Deterministic uniform numbers in [lo, hi). */
export function uniform(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((s >>> 8) / 2 ** 24) * (hi - lo);
  });
}

export interface Input { readonly shape: readonly number[]; readonly data: Float32Array }

/**
 * Build `make(placeholders)` in a fresh graph, run it on both backends, compare with
 * `tol` (or, given as a function, a tolerance per output element). Returns the WebGL result.
 */
export function compareOnBackends(
  backend: WebGLBackend,
  inputs: readonly Input[],
  make: (xs: tf.Tensor[]) => tf.Tensor,
  tol: Tolerance | ((i: number, cpu: number) => number),
): Float32Array {
  const g = new tf.Graph();
  const [xs, out] = g.asDefault(() => {
    const xs = inputs.map((inp, i) => tf.placeholder('float32', inp.shape, `x${i}`));
    return [xs, make(xs)] as const;
  });
  const feeds = new Map<tf.Tensor, tf.FeedValue>(xs.map((x, i) => [x, { dtype: 'float32', shape: inputs[i]!.shape, data: inputs[i]!.data }]));
  const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flat(Infinity as 1) as number[] : [v as number]);
  const cpu = flat(new tf.Session(g).run(out, feeds));
  const gl = flat(new tf.Session(g, { backend }).run(out, feeds));
  expect(gl.length).toBe(cpu.length);
  const bad: string[] = [];
  for (let i = 0; i < cpu.length; i++) {
    const c = cpu[i]!;
    const limit = typeof tol === 'function' ? tol(i, c) : tol.abs + tol.rel * Math.abs(c);
    const ok = Number.isNaN(c) ? Number.isNaN(gl[i]) : Math.abs(gl[i]! - c) <= limit;
    if (!ok && bad.length < 5) bad.push(`[${i}] webgl ${gl[i]} vs cpu ${c} (limit ${limit})`);
  }
  expect(bad).toEqual([]);
  return Float32Array.from(gl);
}
