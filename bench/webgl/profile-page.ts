/**
 * The page side of `npx tsx bench/webgl-profile.ts`: the MLP step (bench/mlp-workload.ts) on
 * Keisan's WebGL backend, each draw timed on its own. Every draw is followed by a
 * one-texel readback of what it wrote (so the GPU has finished it), which adds a sync
 * per draw: the per-draw times sum to more than a real step. Prints per-program medians
 * over the timed steps, plus uploads and downloads, and plain steps (with and without a
 * gl.flush after each draw) alternating with TensorFlow.js's step for a same-page ratio. Type-checked with tsconfig.node.json.
 */
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '../../src/index.ts';
import { WebGLBackend, type GL2 } from '../../src/backend/webgl/index.ts';
import { GpuContext } from '../../src/backend/webgl/gpu-context.ts';
import type { GpuProgram } from '../../src/backend/webgl/program.ts';
import type { GpuTexture } from '../../src/backend/webgl/texture-pool.ts';
import { median } from '../timing.ts';
import { keisanMlpGraph, tfjsMlpStep } from '../mlp-workload.ts';

declare const OffscreenCanvas: new (width: number, height: number) => { getContext(kind: 'webgl2'): unknown };
declare const globalThis: { runWebGLProfile?: (steps: number) => Promise<unknown> };

type Draw = (this: GpuContext, p: GpuProgram, inputs: readonly GpuTexture[]) => GpuTexture[];

globalThis.runWebGLProfile = async (steps) => {
  if (!(await tfc.setBackend('webgl'))) throw new Error('tfjs WebGL backend did not start');
  const tfjs = tfjsMlpStep(tfc);
  for (let i = 0; i < 3; i++) tfjs(i);
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as GL2;
  const backend = new WebGLBackend(gl, { now: () => performance.now() });
  const proto = GpuContext.prototype as unknown as { draw: Draw };
  const draw = proto.draw;
  const times = new Map<string, number[]>();
  let timing = false;
  const fb = gl.createFramebuffer();
  const px = new Float32Array(4);
  const sync = (t: GpuTexture): void => {
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.FLOAT, px);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  };
  let stepDraws: string[] = [];
  proto.draw = function (p, inputs) {
    const start = performance.now();
    const outs = draw.call(this, p, inputs);
    sync(outs[0]!);
    const ms = performance.now() - start;
    const key = `${p.name} [${p.outputShape.join(',')}]${p.targets ? ` x${p.targets}` : ''}`;
    stepDraws.push(key);
    if (timing) times.set(key, [...(times.get(key) ?? []), ms]);
    return outs;
  };
  const mlp = keisanMlpGraph();
  const sess = new tf.Session(mlp.graph, { backend });
  sess.run(mlp.graph.asDefault(() => tf.globalVariablesInitializer()));
  for (let i = 0; i < 3; i++) sess.run([mlp.train, mlp.loss], mlp.feed(i), { output: 'tensor-values' });
  timing = true;
  backend.resetStats();
  const total: number[] = [];
  for (let i = 0; i < steps; i++) {
    stepDraws = [];
    const start = performance.now();
    sess.run([mlp.train, mlp.loss], mlp.feed(i), { output: 'tensor-values' });
    total.push(performance.now() - start);
  }
  proto.draw = draw;
  const flushed = async (): Promise<number> => {
    proto.draw = function (p, inputs) { const outs = draw.call(this, p, inputs); (gl as unknown as { flush(): void }).flush(); return outs; };
    const ts: number[] = [];
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      sess.run([mlp.train, mlp.loss], mlp.feed(i), { output: 'tensor-values' });
      ts.push(performance.now() - start);
      tfjs(i);
    }
    proto.draw = draw;
    return median(ts);
  };
  const flushedMs = await flushed();
  // Plain steps alternating with tfjs's step, as bench:webgl times them: the ratio is what counts.
  const plain: number[] = [];
  const peer: number[] = [];
  const beforeDownload: number[] = [];
  let runStart = 0;
  const read = backend.readTexture.bind(backend);
  backend.readTexture = (t, shape, counted) => { beforeDownload.push(performance.now() - runStart); return read(t, shape, counted); };
  for (let i = 0; i < steps; i++) {
    let start = runStart = performance.now();
    sess.run([mlp.train, mlp.loss], mlp.feed(i), { output: 'tensor-values' });
    plain.push(performance.now() - start);
    start = performance.now();
    tfjs(i);
    peer.push(performance.now() - start);
  }
  const s = backend.stats;
  const r = (x: number) => Math.round(x * 100) / 100;
  const rows = [...times.entries()].map(([k, v]) => ({ draw: k, perStep: v.length / steps, medianMs: r(median(v)) }));
  rows.sort((a, b) => b.medianMs * b.perStep - a.medianMs * a.perStep);
  return {
    stepMsSynced: r(median(total)), stepMsPlain: r(median(plain)), tfjsMs: r(median(peer)), ratio: r(median(plain) / median(peer)), msBeforeDownload: r(median(beforeDownload)), flushedMs: r(flushedMs), drawsPerStep: stepDraws.length,
    sumOfDrawsMs: r(rows.reduce((a, b) => a + b.medianMs * b.perStep, 0)),
    uploadsPerStep: s.uploads / (2 * steps), downloadsPerStep: s.downloads / (2 * steps), uploadMs: r(s.uploadMs / (2 * steps)), downloadMs: r(s.downloadMs / (2 * steps)),
    rows,
  };
};
