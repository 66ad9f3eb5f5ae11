/**
 * Whole training steps on the WebGL backend against the CPU backend: the seed lesson's
 * SGD step and an MLP step (matmuls, bias adds, ReLU and their gradients on the GPU;
 * reductions, softmax cross-entropy and the SGD update as CPU fallbacks). Same graph,
 * same seeded initial weights; losses and final variables within rel 1e-4 (float32
 * differences in exp/division compound over the steps). Also checks the texture pool:
 * no texture outlives a run, and later runs allocate none.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { lessonGraph, mlpGraph, train } from '../backend/graphs.ts';
import { createGL } from './gl.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true });
});

function expectClose(actual: unknown, expected: unknown, rel: number): void {
  const a = [actual].flat(Infinity as 1) as number[];
  const e = [expected].flat(Infinity as 1) as number[];
  expect(a.length).toBe(e.length);
  const bad = e.flatMap((x, i) => (Math.abs(a[i]! - x) <= rel * Math.max(1, Math.abs(x)) ? [] : [`[${i}] ${a[i]} vs ${x}`]));
  expect(bad).toEqual([]);
}

describe('training on WebGL matches the CPU backend', () => {
  test('the SGD lesson (scalars), 50 steps', () => {
    const g = lessonGraph();
    const gl = train(g, 50, { backend });
    const cpu = train(g, 50);
    expectClose(gl.losses, cpu.losses, 1e-4);
    expectClose(gl.variables, cpu.variables, 1e-4);
  });

  test('an MLP step (20-16-3, batch 8), 10 steps; GPU ops and CPU fallbacks are counted', () => {
    const g = mlpGraph();
    backend.resetStats();
    const gl = train(g, 10, { backend });
    const cpu = train(g, 10);
    expectClose(gl.losses, cpu.losses, 1e-4);
    expectClose(gl.variables, cpu.variables, 1e-4);
    expect(gl.losses[9]).toBeLessThan(gl.losses[0]!); // it trains
    const { stats } = backend;
    expect(stats.gpuOps).toBeGreaterThan(0);
    // MatMul forward and both gradient MatMuls per layer run on the GPU, not as fallbacks.
    expect(stats.fallbacks.has('MatMul')).toBe(false);
    expect(stats.fallbacks.get('ApplyGradientDescent')).toBe(40);
  });

  test('small-tensor rule: the lesson (all scalars) stays on the host by default, draws with the rule off; both match the CPU', () => {
    const g = lessonGraph();
    const cpu = train(g, 20);
    backend.resetStats();
    const host = train(g, 20, { backend });
    expect(backend.stats.gpuOps).toBe(0);
    expect(backend.stats.uploads).toBe(0);
    expect(backend.stats.smallOnCpu).toBeGreaterThan(0);
    expect(host.losses).toEqual(cpu.losses); // the same CPU kernels: bit-identical
    const drawing = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 });
    const gpu = train(g, 20, { backend: drawing });
    expect(drawing.stats.gpuOps).toBeGreaterThan(0);
    expect(drawing.stats.smallOnCpu).toBe(0);
    expectClose(gpu.losses, cpu.losses, 1e-4);
    expectClose(gpu.variables, cpu.variables, 1e-4);
  });

  test('textures are all returned to the pool after each run, and reused by the next', () => {
    const g = mlpGraph();
    const pool = backend.context.pool;
    train(g, 2, { backend });
    expect(pool.inUse).toBe(0);
    const created = pool.created;
    train(g, 3, { backend });
    expect(pool.inUse).toBe(0);
    expect(pool.created).toBe(created);
  });
});
