/**
 * A MatMul read only by a fused element-wise chain runs inside the chain's draw
 * (src/backend/webgl/matmul-epilogue.ts), checked against the CPU backend: |webgl − cpu| ≤
 * K · 2⁻²³ · 4 + 1e-5·|cpu| (the tiled kernel's summation order; values here stay below 4),
 * and through the stats (one fused draw for MatMul + chain). Where the product has fewer
 * than 8 rows or the chain broadcasts it to a larger output, MatMul and chain draw apart
 * and still match; a product read outside the chain, or fetched, is not fused away —
 * unless the reader is a Shape/Size planned after the chain (it gets a shape-only value).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true });
});

const flat = (v: unknown): number[] => (Array.isArray(v) ? (v.flat(Infinity as 1) as number[]) : [v as number]);

interface Built { readonly fetches: tf.Tensor[]; readonly feeds: Map<tf.Tensor, tf.FeedValue> }

/** Build with `make`, run on both backends, compare; returns the WebGL stats. */
function runBoth(k: number, make: () => Built): WebGLBackend['stats'] {
  const g = new tf.Graph();
  const { fetches, feeds } = g.asDefault(make);
  const cpu = flat(new tf.Session(g).run(fetches, feeds));
  backend.resetStats();
  const gl = flat(new tf.Session(g, { backend }).run(fetches, feeds));
  expect(gl.length).toBe(cpu.length);
  const bad = cpu.flatMap((c, i) => (Math.abs(gl[i]! - c) <= k * 2 ** -23 * 4 + 1e-5 * Math.abs(c) ? [] : [`[${i}] webgl ${gl[i]} vs cpu ${c}`]));
  expect(bad.slice(0, 5)).toEqual([]);
  return backend.stats;
}

function fed(shape: number[], seed: number): [tf.Tensor, tf.FeedValue] {
  return [tf.placeholder('float32', shape), { dtype: 'float32', shape, data: uniform(shape.reduce((a, b) => a * b, 1), seed) }];
}

describe('MatMul fused into the element-wise chain that reads it', () => {
  // [m, k, n, transpose_a, transpose_b]: the MLP's layers, n and k not multiples of 4, m not a multiple of 4.
  const cases = [[64, 784, 128, false, false], [64, 128, 10, false, false], [64, 10, 128, false, true], [12, 7, 9, true, false], [13, 6, 3, true, true]] as const;
  for (const [m, k, n, ta, tb] of cases) {
    test(`relu(matmul + b) and (matmul − 0.5)·g, [${m}x${k}]·[${k}x${n}] ta=${ta} tb=${tb}: one draw each`, () => {
      const stats = runBoth(k, () => {
        const [a, fa] = fed(ta ? [k, m] : [m, k], m + k);
        const [b, fb] = fed(tb ? [n, k] : [k, n], k + n);
        const [bias, fbias] = fed([n], n);
        const [grad, fgrad] = fed([m, n], 7);
        const y = tf.nn.relu(tf.matmul(a, b, { transposeA: ta, transposeB: tb }).add(bias));
        const back = tf.matmul(a, b, { transposeA: ta, transposeB: tb }).sub(0.5).mul(grad); // the product as the first operand, a full-shape second input
        return { fetches: [y, back], feeds: new Map([[a, fa], [b, fb], [bias, fbias], [grad, fgrad]]) };
      });
      expect(stats.gpuOps).toBe(2); // two chains, each with its MatMul
      expect(stats.fusedOps).toBe(6);
      expect(stats.fallbackReadbacks.size).toBe(0);
    });
  }

  test('fewer than 8 rows: MatMul and chain draw apart, same results', () => {
    const stats = runBoth(64, () => {
      const [a, fa] = fed([4, 64], 1);
      const [b, fb] = fed([64, 32], 2);
      return { fetches: [tf.nn.relu(tf.matmul(a, b).add(0.25)).mul(2)], feeds: new Map([[a, fa], [b, fb]]) };
    });
    expect(stats.gpuOps).toBe(2);
  });

  test('a product broadcast to a larger output: drawn apart, same results', () => {
    const stats = runBoth(16, () => {
      const [a, fa] = fed([8, 16], 3);
      const [b, fb] = fed([16, 1], 4);
      const [x, fx] = fed([8, 12], 5);
      return { fetches: [tf.matmul(a, b).add(x).mul(0.5)], feeds: new Map([[a, fa], [b, fb], [x, fx]]) };
    });
    expect(stats.gpuOps).toBe(2);
  });

  test('a product fetched, or read outside the chain, keeps its own draw', () => {
    const stats = runBoth(32, () => {
      const [a, fa] = fed([16, 32], 6);
      const [b, fb] = fed([32, 8], 7);
      const p = tf.matmul(a, b);
      return { fetches: [p, tf.nn.relu(p.add(1)).mul(3)], feeds: new Map([[a, fa], [b, fb]]) };
    });
    expect(stats.gpuOps).toBe(2); // MatMul, then the fused chain
    expect(stats.fusedOps).toBe(3);
  });

  test('a product read by Shape after the chain (TF\'s Add gradient) is still fused; Shape gets the right value', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const a = tf.placeholder('float32', [null, 32], 'a'); // unknown rows: Shape is an op, not a Const
      const w = tf.placeholder('float32', [32, 8], 'w');
      const p = tf.matmul(a, w);
      const sum = p.add(1);
      return { a, w, y: tf.nn.relu(sum), shapeP: tf.shape(p), sizeSum: tf.size(sum) };
    });
    const feeds = new Map<tf.Tensor, tf.FeedValue>([
      [t.a, { dtype: 'float32', shape: [16, 32], data: uniform(16 * 32, 8) }],
      [t.w, { dtype: 'float32', shape: [32, 8], data: uniform(32 * 8, 9) }],
    ]);
    const fetches = [t.y, t.shapeP, t.sizeSum];
    const [cpuY, cpuShape, cpuSize] = new tf.Session(g).run(fetches, feeds) as [number[][], number[], number];
    backend.resetStats();
    const [y, shape, size] = new tf.Session(g, { backend }).run(fetches, feeds) as [number[][], number[], number];
    expect(shape).toEqual([16, 8]);
    expect(shape).toEqual(cpuShape);
    expect(size).toBe(cpuSize);
    expect(flat(y).every((v, i) => Math.abs(v - flat(cpuY)[i]!) <= 32 * 2 ** -23 * 4 + 1e-5 * Math.abs(flat(cpuY)[i]!))).toBe(true);
    expect(backend.stats.gpuOps).toBe(1); // MatMul + Add + Relu, one step; Shape and Size read shapes on the host
    expect(backend.stats.fusedOps).toBe(3);
    // Shape(p) planned first (fetched first) runs before the chain: the product then keeps its own draw.
    backend.resetStats();
    const [shapeFirst] = new tf.Session(g, { backend }).run([t.shapeP, t.y], feeds) as [number[]];
    expect(shapeFirst).toEqual([16, 8]);
    expect(backend.stats.gpuOps).toBe(2);
  });

  test('with one draw for MatMul + chain', () => {
    const stats = runBoth(32, () => {
      const [a, fa] = fed([16, 32], 6);
      const [b, fb] = fed([32, 8], 7);
      return { fetches: [tf.nn.relu(tf.matmul(a, b).add(1)).mul(3)], feeds: new Map([[a, fa], [b, fb]]) };
    });
    expect(stats.gpuOps).toBe(1);
    expect(stats.fusedOps).toBe(4);
  });
});
