/**
 * The benchmark's MLP step (bench/mlp-workload.ts: 784-128-10, batch 64, softmax
 * cross-entropy, SGD, loss fetched) as the plan sees it, after warm-up: what crosses
 * between host and GPU per step, and which ops still run on the CPU with GPU inputs.
 * The goal (issue 5): the two fed batches go up, the loss comes back, nothing else moves.
 * Every op on the hot path now draws (reductions through host-param-kernel.ts), so the test
 * holds the plan to exactly that; the per-step counts are printed for the record.
 *
 * The variable-update path (programs per ref input, texture swap) is also run with a
 * stand-in `ApplyGradientDescent` program given through the `kernels` option, so it is
 * tested whatever kernels.ts lists: variables must stay resident, never read back, and
 * train as on the CPU (rel 1e-5: the update's multiply-subtract may be contracted to an FMA).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import type { GpuProgram } from '../../src/backend/webgl/program.ts';
import { keisanMlpGraph } from '../../bench/mlp-workload.ts';
import { mlpGraph, train } from '../backend/graphs.ts';
import { createGL } from './gl.ts';
import { expectClose } from './webgl-plan-close.ts';

const STEPS = 5;

describe('MLP training step on WebGL: transfers', () => {
  test('uploads: the two batches; downloads: the loss; anything more comes from a CPU fallback', () => {
    const backend = new WebGLBackend(createGL());
    const mlp = keisanMlpGraph();
    const sess = new tf.Session(mlp.graph, { backend });
    sess.run(mlp.graph.asDefault(() => tf.globalVariablesInitializer()));
    for (let i = 0; i < 3; i++) sess.run([mlp.train, mlp.loss], mlp.feed(i)); // warm-up: programs, caches, residency
    backend.resetStats();
    for (let i = 0; i < STEPS; i++) sess.run([mlp.train, mlp.loss], mlp.feed(i));
    const s = backend.stats;
    const readbacks = [...s.fallbackReadbacks.entries()];
    console.log(JSON.stringify({
      perStep: { uploads: s.uploads / STEPS, downloads: s.downloads / STEPS, gpuOps: s.gpuOps / STEPS, fusedOps: s.fusedOps / STEPS, aliases: s.aliases / STEPS },
      fallbackReadbacks: readbacks.map(([op, n]) => [op, n / STEPS]),
      residentVariables: backend.residentVariables,
    }));
    expect(s.fallbacks.has('MatMul')).toBe(false);
    // The goal, met since the reductions draw (host-param-kernel.ts): nothing but the batches and the loss crosses.
    expect(readbacks).toEqual([]);
    expect(s.uploads).toBe(2 * STEPS);
    expect(s.downloads).toBe(STEPS);
    expect(backend.residentVariables).toBe(4);
    sess.close();
  });
});

/** `var − delta · alpha` (inputs in op order: var, alpha, delta), as the CPU kernel computes it. */
const sgdUpdate = (_op: unknown, [v]: readonly (readonly number[])[]): GpuProgram => ({
  name: 'ApplyGradientDescent',
  inputs: ['x0', 'x1', 'x2'],
  outputShape: v!,
  source: 'float compute(int i) { return fetch(x0, i) - fetch(x2, i) * fetch(x1, 0); }',
});

describe('variables updated on the GPU (texture swap)', () => {
  test('SGD updates stay resident: no variable readback, no re-upload; training matches the CPU', () => {
    const backend = new WebGLBackend(createGL(), { kernels: { ApplyGradientDescent: sgdUpdate } });
    const g = mlpGraph(200, 96, 3, 8); // weights above the small-tensor limit
    const gpu = train(g, 6, { backend });
    const cpu = train(g, 6);
    expectClose(gpu.losses, cpu.losses, 1e-5);
    expectClose(gpu.variables, cpu.variables, 1e-5);

    const before = backend.residentVariables; // train() leaves its sessions open
    const mlp = keisanMlpGraph();
    const sess = new tf.Session(mlp.graph, { backend });
    sess.run(mlp.graph.asDefault(() => tf.globalVariablesInitializer()));
    for (let i = 0; i < 3; i++) sess.run([mlp.train, mlp.loss], mlp.feed(i));
    backend.resetStats();
    for (let i = 0; i < STEPS; i++) sess.run([mlp.train, mlp.loss], mlp.feed(i));
    const s = backend.stats;
    expect(s.fallbackReadbacks.has('ApplyGradientDescent')).toBe(false);
    expect(backend.residentVariables - before).toBeGreaterThanOrEqual(3); // both weights and the hidden bias ([10] may stay on the host)
    // Variables neither come back nor go up again: uploads are the two batches plus what host fallbacks hand to GPU ops.
    const readbacks = [...s.fallbackReadbacks.values()].reduce((a, b) => a + b, 0);
    expect(s.downloads).toBeLessThanOrEqual(STEPS + readbacks);
    sess.close();
    expect(backend.residentVariables).toBe(before);
  });
});
