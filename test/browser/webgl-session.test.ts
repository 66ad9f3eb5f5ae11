/**
 * Whole training runs on the WebGL backend against the CPU backend: the seed lesson's SGD
 * step, and an MLP step with each optimizer. Same graph, same seeded initial weights;
 * losses and final variables within rel 1e-4 for SGD and momentum, 1e-3 for the adaptive
 * optimizers (their rsqrt/division of small accumulators amplifies float32 differences in
 * exp and the GPU's division over the steps). Also checks the texture pool: after a run
 * only variables and the small-upload cache hold textures, and later runs allocate none.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { lessonGraph, mlpGraph, train, type TrainingGraph } from '../backend/graphs.ts';
import { createGL } from './gl.ts';
import { expectClose } from './webgl-plan-close.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true });
});

/** The MLP of graphs.ts with another optimizer. */
function mlpWith(optimizer: () => tf.train.Optimizer): TrainingGraph {
  const base = mlpGraph();
  return base.graph.asDefault(() => {
    const train = optimizer().minimize(base.loss);
    // graphs.ts's step runs its own SGD op; this one runs `train` instead, with the same batches.
    const x = base.graph.getTensorByName('x:0');
    const labels = base.graph.getTensorByName('labels:0');
    return {
      ...base,
      step: (sess: tf.Session, i: number) => {
        const xs = new Float32Array(8 * 20).map((_, k) => Math.sin(k * 0.37 + i));
        const ys = new Float32Array(8 * 3);
        for (let r = 0; r < 8; r++) ys[r * 3 + ((r + i) % 3)] = 1;
        return sess.run([train, base.loss], new Map<tf.Tensor, tf.FeedValue>([
          [x, { dtype: 'float32', shape: [8, 20], data: xs }],
          [labels, { dtype: 'float32', shape: [8, 3], data: ys }],
        ]))[1] as number;
      },
    };
  });
}

describe('training on WebGL matches the CPU backend', () => {
  test('the SGD lesson (scalars), 50 steps', () => {
    const g = lessonGraph();
    const gl = train(g, 50, { backend });
    const cpu = train(g, 50);
    expectClose(gl.losses, cpu.losses, 1e-4);
    expectClose(gl.variables, cpu.variables, 1e-4);
  });

  test('an MLP step (20-16-3, batch 8), 10 steps; GPU ops are counted, MatMul never falls back', () => {
    const g = mlpGraph();
    backend.resetStats();
    const gl = train(g, 10, { backend });
    const cpu = train(g, 10);
    expectClose(gl.losses, cpu.losses, 1e-4);
    expectClose(gl.variables, cpu.variables, 1e-4);
    expect(gl.losses[9]).toBeLessThan(gl.losses[0]!); // it trains
    expect(backend.stats.gpuOps).toBeGreaterThan(0);
    expect(backend.stats.fusedOps).toBeGreaterThan(0);
    expect(backend.stats.fallbacks.has('MatMul')).toBe(false);
  });

  const optimizers: [string, () => tf.train.Optimizer, number][] = [
    ['Momentum', () => new tf.train.MomentumOptimizer(0.05, 0.9), 1e-4],
    ['Momentum (Nesterov)', () => new tf.train.MomentumOptimizer(0.05, 0.9, { useNesterov: true }), 1e-4],
    ['Adam', () => new tf.train.AdamOptimizer(0.01), 1e-3],
    ['Adagrad', () => new tf.train.AdagradOptimizer(0.1), 1e-3],
    ['RMSProp', () => new tf.train.RMSPropOptimizer(0.01), 1e-3],
    ['RMSProp (centered, momentum)', () => new tf.train.RMSPropOptimizer(0.01, { centered: true, momentum: 0.5 }), 1e-3],
    ['AdaBound', () => new tf.train.AdaBoundOptimizer(0.01), 1e-3],
    ['AMSBound', () => new tf.train.AMSBoundOptimizer(0.01), 1e-3],
  ];
  for (const [name, make, rel] of optimizers) {
    test(`an MLP step with ${name}, 8 steps (rel ${rel})`, () => {
      const g = mlpWith(make);
      const gl = train(g, 8, { backend });
      const cpu = train(g, 8);
      expectClose(gl.losses, cpu.losses, rel);
      expectClose(gl.variables, cpu.variables, rel);
    });
  }

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

  test('after a run only variables and the upload cache hold textures; later runs allocate none; close gives variables back', () => {
    const fresh = new WebGLBackend(createGL(), { debug: true });
    const g = mlpGraph();
    const sess = new tf.Session(g.graph, { backend: fresh });
    sess.run(g.graph.asDefault(() => tf.globalVariablesInitializer()));
    const pool = fresh.context.pool;
    // The labels repeat every 3 steps: by step 6 each has come back once and sits in the upload cache.
    for (let i = 0; i < 6; i++) g.step(sess, i);
    const held = (): number => fresh.residentVariables + fresh.cachedUploads;
    expect(pool.inUse).toBe(held());
    const created = pool.created;
    for (let i = 6; i < 12; i++) g.step(sess, i);
    expect(pool.inUse).toBe(held());
    expect(pool.created).toBe(created);
    sess.close();
    expect(fresh.residentVariables).toBe(0);
    expect(pool.inUse).toBe(fresh.cachedUploads);
  });
});
