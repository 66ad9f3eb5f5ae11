/**
 * What the WebGL backend does with a whole planned run, checked through its stats and
 * against the CPU backend (tolerance |webgl − cpu| ≤ 1e-6 + 1e-5·|cpu|, 1e-4 absolute
 * where matmuls sum in another order: fused nodes use
 * their ops' own GLSL, but exp/sigmoid are a few ulp off and a Mul feeding an Add may
 * become one fused multiply-add):
 * - fusion: a chain draws once; a fetched intermediate, or one read outside the chain,
 *   is not fused away; broadcasting inside a chain; a chain feeding two consumers;
 * - free aliases: Reshape/ExpandDims/Squeeze/Identity of a texture draw nothing, move nothing;
 * - resident variables: Assign keeps the texture, reads are free, only fetches read back.
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

function expectClose(gl: unknown, cpu: unknown, abs = 1e-6): void {
  const a = flat(gl);
  const c = flat(cpu);
  expect(a.length).toBe(c.length);
  const bad = c.flatMap((x, i) => (Math.abs(a[i]! - x) <= abs + 1e-5 * Math.abs(x) ? [] : [`[${i}] webgl ${a[i]} vs cpu ${x}`]));
  expect(bad.slice(0, 5)).toEqual([]);
}

/** Run `fetches` on both backends with fresh stats; returns the WebGL stats. */
function runBoth(g: tf.Graph, fetches: tf.Tensor[], feeds: Map<tf.Tensor, tf.FeedValue>, abs = 1e-6): WebGLBackend['stats'] {
  const cpu = new tf.Session(g).run(fetches, feeds);
  backend.resetStats();
  const gl = new tf.Session(g, { backend }).run(fetches, feeds);
  expectClose(gl, cpu, abs);
  return backend.stats;
}

const N = 4096; // above the small-tensor limit, so everything draws
const feedOf = (x: tf.Tensor, shape: number[], seed: number) =>
  [x, { dtype: 'float32', shape, data: uniform(shape.reduce((a, b) => a * b, 1), seed) }] as [tf.Tensor, tf.FeedValue];

describe('plan-time fusion', () => {
  test('sigmoid(square(x·1.5 + 0.5) − x): five ops, one draw, one upload, one readback', () => {
    const g = new tf.Graph();
    const [x, y] = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      return [x, tf.nn.sigmoid(tf.square(x.mul(1.5).add(0.5)).sub(x))];
    });
    const stats = runBoth(g, [y], new Map([feedOf(x, [N], 1)]));
    expect(stats.gpuOps).toBe(1);
    expect(stats.fusedOps).toBe(5);
    expect(stats.uploads).toBe(1 + 2); // x, and the scalars 1.5 and 0.5 (first sighting: not yet cached)
    expect(stats.downloads).toBe(1);
  });

  test('a fetched intermediate is not fused away: two draws, both values read back', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      const mid = tf.exp(tf.neg(x));
      return { x, mid, out: tf.sqrt(tf.add(mid, 1)) };
    });
    const stats = runBoth(g, [t.mid, t.out], new Map([feedOf(t.x, [N], 2)]));
    expect(stats.gpuOps).toBe(2); // Neg+Exp, then Add+Sqrt
    expect(stats.fusedOps).toBe(4);
    expect(stats.downloads).toBe(2);
  });

  test('a chain with a broadcast: relu(x·w + b) with b of shape [128] over [32, 128]', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [32, 128], 'x');
      const w = tf.placeholder('float32', [32, 128], 'w');
      const b = tf.placeholder('float32', [128], 'b');
      return { x, w, b, out: tf.nn.relu(tf.add(tf.mul(x, w), b)) };
    });
    const stats = runBoth(g, [t.out], new Map([feedOf(t.x, [32, 128], 3), feedOf(t.w, [32, 128], 4), feedOf(t.b, [128], 5)]));
    expect(stats.gpuOps).toBe(1);
    expect(stats.fusedOps).toBe(3);
  });

  test('a chain feeding two consumers ends there: the shared value is drawn once and read by both', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      const shared = tf.nn.tanh(tf.mul(x, x));
      return { x, a: tf.add(tf.exp(shared), 1), b: tf.neg(tf.abs(shared)) };
    });
    const stats = runBoth(g, [t.a, t.b], new Map([feedOf(t.x, [N], 6)]));
    expect(stats.gpuOps).toBe(3); // Mul+Tanh, Exp+Add, Abs+Neg
    expect(stats.fusedOps).toBe(6);
  });

  test('fusion off (option): the same results, one draw per op', () => {
    const off = new WebGLBackend(createGL(), { debug: true, fuse: false });
    const g = new tf.Graph();
    const [x, y] = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      return [x, tf.nn.sigmoid(tf.square(x.mul(1.5).add(0.5)).sub(x))];
    });
    const feeds = new Map([feedOf(x, [N], 1)]);
    expectClose(new tf.Session(g, { backend: off }).run(y, feeds), new tf.Session(g).run(y, feeds));
    expect(off.stats.gpuOps).toBe(5);
    expect(off.stats.fusedOps).toBe(0);
  });
});

describe('free aliases', () => {
  test('Reshape, ExpandDims, Squeeze, Identity and StopGradient of a GPU value: no draw, no transfer', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [64, 64], 'x');
      const y = tf.matmul(x, x); // on the GPU
      const r = tf.squeeze(tf.expandDims(tf.reshape(tf.identity(tf.stopGradient(y)), [16, 256]), 0), [0]);
      return { x, out: tf.matmul(tf.reshape(r, [64, 64]), x) };
    });
    // Two chained 64-term matmuls, summed in another order on the GPU: abs 1e-4 on values up to ~20.
    const stats = runBoth(g, [t.out], new Map([feedOf(t.x, [64, 64], 7)]), 1e-4);
    expect(stats.gpuOps).toBe(2);
    expect(stats.aliases).toBe(6);
    expect(stats.uploads).toBe(1);
    expect(stats.downloads).toBe(1);
    expect(stats.fallbackReadbacks.size).toBe(0);
  });
});

describe('resident variables', () => {
  test('assigned on the GPU, read for free, updated in place by Assign; only fetches read back', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      const v = tf.getVariable('v', { shape: [N], initializer: tf.initializers.zeros() });
      const step = tf.assign(v, tf.add(tf.mul(v, 0.5), x)); // v ← v/2 + x, all on the GPU
      return { x, v: v.toTensor(), step, sum: tf.reduceSum(v) };
    });
    const data = uniform(N, 8);
    const feed = new Map<tf.Tensor, tf.FeedValue>([[t.x, { dtype: 'float32', shape: [N], data }]]);
    const cpu = new tf.Session(g);
    const gpu = new tf.Session(g, { backend });
    for (const s of [cpu, gpu]) s.run(g.asDefault(() => tf.globalVariablesInitializer()));
    backend.resetStats();
    for (let i = 0; i < 5; i++) {
      cpu.run(t.step.op, feed);
      gpu.run(t.step.op, feed);
    }
    expect(backend.residentVariables).toBeGreaterThan(0);
    // Per step: x goes up (the zeros went up once, at the first read); nothing comes back.
    expect(backend.stats.uploads).toBe(5 + 1 + 1); // x ×5, v's zeros once, the scalar 0.5 once before the cache keeps it
    expect(backend.stats.downloads).toBe(0);
    expectClose(gpu.run(t.v), cpu.run(t.v));
    expect(backend.stats.downloads).toBe(1);
    // A CPU kernel reading the variable (Sum is a fallback today, or a GPU reduction later) agrees.
    expectClose(gpu.run(t.sum), cpu.run(t.sum));
    gpu.close();
    expect(backend.residentVariables).toBe(0);
  });
});
