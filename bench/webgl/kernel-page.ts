/**
 * The page side of `npx tsx bench/webgl-kernels.ts`: GPU programs timed alone on one
 * context (SwiftShader here), to choose between kernel variants by measurement. Each
 * variant draws its program `reps` times back to back and then reads one texel (the
 * sync); the variants of a case alternate round by round (so load drift falls on all of
 * them), and the median over rounds, divided by `reps`, is the time per draw.
 */
import { GpuContext } from '../../src/backend/webgl/gpu-context.ts';
import type { GL2 } from '../../src/backend/webgl/index.ts';
import type { GpuProgram } from '../../src/backend/webgl/program.ts';
import { matMulProgram } from '../../src/backend/webgl/programs/matmul.ts';
import { median, uniform } from '../timing.ts';

declare const OffscreenCanvas: new (width: number, height: number) => { getContext(kind: 'webgl2'): unknown };
declare const globalThis: { runKernelBench?: (only: readonly string[]) => unknown };

interface KernelCase { readonly name: string; readonly variants: Readonly<Record<string, GpuProgram>>; readonly inputs: readonly number[][] }

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** A program with its (and its stage's) source rewritten. */
function rewrite(p: GpuProgram, f: (s: string) => string): GpuProgram {
  return { ...p, source: f(p.source), ...(p.stage ? { stage: { ...p.stage, program: rewrite(p.stage.program, f) } } : {}) };
}

function matmul(name: string, a: number[], b: number[], ta: boolean, tb: boolean): KernelCase {
  return {
    name,
    inputs: [a, b],
    variants: {
      tiled: matMulProgram(a, b, ta, tb),
      // The tile draw alone (its four sums added into one target): what the gather draw adds.
      tilesOnly: { ...matMulProgram(a, b, ta, tb).stage!.program, targets: undefined, perTexel: true, source: matMulProgram(a, b, ta, tb).stage!.program.source.replace('void computeTargets(int g)', 'vec4 result0, result1, result2, result3;\nvec4 computeTexel(int g)').replace(/result0 = s0;.*\n\}/, 'return s0 + s1 + s2 + s3;\n}') },
    },
  };
}

/** The MLP step's matmuls (bench/mlp-workload.ts), as the gradients ask for them. */
const cases: KernelCase[] = [
  matmul('fwd 64x784 · 784x128', [64, 784], [784, 128], false, false),
  matmul('dW1 X^T·dH [784,128] k=64', [64, 784], [64, 128], true, false),
  matmul('fwd2 64x128 · 128x10', [64, 128], [128, 10], false, false),
  matmul('dW2 H^T·dL [128,10] k=64', [64, 128], [64, 10], true, false),
  matmul('dH dL·W2^T [64,128] k=10', [64, 10], [128, 10], false, true),
  { name: 'trivial 1 texel', variants: { t: { name: 't', inputs: ['x0'], outputShape: [4], perTexel: true, source: 'vec4 computeTexel(int t) { return texelFetch(x0, texelCoord, 0); }' } }, inputs: [[4]] },
  matmul('matmul 512', [512, 512], [512, 512], false, false),
];

globalThis.runKernelBench = (only) => {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as GL2;
  const ctx = new GpuContext(gl);
  const out: Record<string, Record<string, string>> = {};
  for (const c of cases.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)))) {
    const textures = c.inputs.map((s, k) => ctx.upload(uniform(size(s), k + 1)));
    const reps = c.name.includes('512') ? 1 : c.name.includes('trivial') ? 50 : 5;
    const issue: number[] = [];
    const once = (p: GpuProgram) => {
      const start = performance.now();
      let last = ctx.run(p, textures);
      for (let r = 1; r < reps; r++) { ctx.pool.release(last); last = ctx.run(p, textures); }
      issue.push((performance.now() - start) / reps);
      ctx.download(last, 1);
      ctx.pool.release(last);
    };
    const names = Object.keys(c.variants);
    const ts = Object.fromEntries(names.map((n) => [n, [] as number[]]));
    for (const n of names) { once(c.variants[n]!); once(c.variants[n]!); }
    for (let round = 0; round < 9; round++) {
      for (const n of names) {
        const start = performance.now();
        once(c.variants[n]!);
        ts[n]!.push((performance.now() - start) / reps);
      }
    }
    out[c.name] = Object.fromEntries([['issueMs', median(issue).toFixed(3)], ...names.map((n) => {
      const s = ts[n]!.sort((a, b) => a - b);
      return [n, `${median(s).toFixed(3)} (${s[1]!.toFixed(3)}–${s[7]!.toFixed(3)})`];
    })]);
    for (const t of textures) ctx.pool.release(t);
  }
  return out;
};
