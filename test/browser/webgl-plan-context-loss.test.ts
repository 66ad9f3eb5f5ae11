/**
 * Context loss (WEBGL_lose_context): the page does not crash. While the context is lost a
 * run fails with GpuContextLostError and listeners hear 'lost'; once restored, the backend
 * rebuilds its GL state, the variables come back from their last host snapshot, listeners
 * hear 'restored' (with the run it restored from), and training continues exactly as on
 * the CPU from that snapshot (this graph's ops are exact in float32 on both: rel 1e-6).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend, GpuContextLostError, type GpuContextEvent } from '../../src/backend/webgl/index.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

const N = 1024;

interface LoseContext { loseContext(): void; restoreContext(): void }

async function until(what: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!what()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectClose(a: unknown, b: unknown): void {
  const x = (a as number[]).flat();
  const y = (b as number[]).flat();
  expect(x.length).toBe(y.length);
  expect(x.flatMap((v, i) => (Math.abs(v - y[i]!) <= 1e-6 * Math.max(1, Math.abs(y[i]!)) ? [] : [`[${i}] ${v} vs ${y[i]}`])).slice(0, 5)).toEqual([]);
}

describe('WebGL context loss', () => {
  test('a lost context fails runs without crashing; on restore variables come back from the last snapshot', async () => {
    const gl = createGL();
    const ext = gl.getExtension('WEBGL_lose_context') as LoseContext | null;
    expect(ext).not.toBeNull();
    // Snapshots only when asked (or for a variable that has none), so the test knows which run it restores.
    const backend = new WebGLBackend(gl, { snapshot: { everyRuns: 1e9, everyMs: 1e12 } });
    const events: GpuContextEvent[] = [];
    backend.onContextEvent((e) => events.push(e));
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [N], 'x');
      const v = tf.getVariable('v', { shape: [N], initializer: tf.initializers.zeros() });
      return { x, v: v.toTensor(), step: tf.assign(v, tf.add(tf.mul(v, 0.5), x)) };
    });
    const feed = (i: number) => new Map<tf.Tensor, tf.FeedValue>([[t.x, { dtype: 'float32', shape: [N], data: uniform(N, i + 1) }]]);
    const gpu = new tf.Session(g, { backend });
    const cpu = new tf.Session(g);
    for (const s of [gpu, cpu]) s.run(g.asDefault(() => tf.globalVariablesInitializer()));
    for (let i = 0; i < 3; i++) {
      gpu.run(t.step.op, feed(i));
      cpu.run(t.step.op, feed(i));
    }
    expect(backend.residentVariables).toBe(1);
    backend.snapshotVariables(); // recovery point: after 3 steps
    const atSnapshot = cpu.run(t.v);
    for (let i = 3; i < 5; i++) gpu.run(t.step.op, feed(i)); // lost with the context

    // The browser's own event comes later than the loss; restoring is only allowed after it.
    let browserSawLoss = false;
    (gl as unknown as { canvas: { addEventListener(t: string, f: () => void): void } }).canvas.addEventListener('webglcontextlost', () => { browserSawLoss = true; });
    ext!.loseContext();
    expect(() => gpu.run(t.step.op, feed(5))).toThrow(GpuContextLostError);
    expect(events.map((e) => e.type)).toEqual(['lost']);
    await until(() => browserSawLoss);
    expect(() => gpu.run(t.step.op, feed(5))).toThrow(GpuContextLostError);

    ext!.restoreContext();
    await until(() => events.some((e) => e.type === 'restored'));
    const restored = events.find((e) => e.type === 'restored')!;
    expect(restored.message).toMatch(/GPU context lost; 1 variable restored from run \d+/);
    expect(backend.residentVariables).toBe(0); // back on the host until a GPU op reads it
    expectClose(gpu.run(t.v), atSnapshot);

    // Training goes on from the snapshot, on the GPU again, as on the CPU.
    for (let i = 3; i < 6; i++) {
      gpu.run(t.step.op, feed(i));
      cpu.run(t.step.op, feed(i));
    }
    expect(backend.residentVariables).toBe(1);
    expectClose(gpu.run(t.v), cpu.run(t.v));
  });
});
