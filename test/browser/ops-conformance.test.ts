/**
 * Every op on both backends (issue 5): each case of the op table (test/support/op-cases.ts,
 * which test/ops/op-cases.test.ts keeps complete) runs on the CPU backend — the spec — and
 * on the WebGL backend with the small-tensor rule off (`smallOnCpu: 0`, so every op with a
 * GPU program really draws, scalars included), and the results are compared with the
 * case's tolerance; for differentiable ops the gradient graph is compared too. Printed
 * lines must match. Which path each op took (GPU kernel, or a CPU fallback counted in
 * `stats.fallbacks`) and the largest error seen are printed once at the end as a table.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GL2, WebGLBackend } from '../../src/backend/webgl/index.ts';
import { type ProgramFactory, webglKernels } from '../../src/backend/webgl/kernels.ts';
import { OP_CASES, type OpCase } from '../support/op-cases.ts';
import { compareCase } from './ops-conformance/compare-case.ts';
import { type OpRow, recordCase, summaryTable } from './ops-conformance/summary.ts';
import { createGL } from './gl.ts';

/**
 * Cases that fail because of a backend bug, by case name: the reason names the op, the
 * inputs and the error. Never a loosened tolerance instead. Empty now: the NaN/∞ cases of
 * Exp, Log, Tanh, Sigmoid, Maximum and Minimum found 2026-11-28 on SwiftShader (GLSL leaves
 * them to the driver) are fixed with bit tests in src/backend/webgl/programs/elementwise.ts.
 */
const KNOWN_BUGS: Readonly<Record<string, string>> = {};

let gl: GL2;
/** The backend as hosts use it: element-wise chains fused into one program. */
let fused: WebGLBackend;
/** Fusion off: every op draws its own kernels.ts program (gradient graphs' backward ops among them). */
let unfused: WebGLBackend;
const rows = new Map<string, OpRow>();

beforeAll(() => {
  gl = createGL();
  fused = new WebGLBackend(gl, { smallOnCpu: 0 });
  unfused = new WebGLBackend(gl, { smallOnCpu: 0, fuse: false });
});

afterAll(() => {
  fused.close();
  unfused.close();
  if (rows.size > 0) console.log(summaryTable(rows));
});

function conformance(cases: readonly OpCase[], backend: () => WebGLBackend): void {
  for (const c of cases) {
    const bug = KNOWN_BUGS[c.name];
    const run = bug === undefined ? test : test.skip;
    run(bug === undefined ? c.name : `${c.name} — skipped: ${bug}`, () => {
      const b = backend();
      const outcome = compareCase(c, b);
      recordCase(rows, c, b.stats, outcome.maxAbs, outcome.gradMaxAbs);
      expect(b.stats.smallOnCpu).toBe(0);
      expect(outcome.problems).toEqual([]);
    });
  }
}

describe('every op agrees on the CPU and WebGL backends', () => {
  conformance(OP_CASES, () => fused);
});

// A single forward op is the same one-node program either way, so only the gradient graphs (chains of backward ops) run again.
describe('gradient graphs agree with fusion off', () => {
  conformance(OP_CASES.filter((c) => c.grad !== undefined), () => unfused);
});

test('every known bug names a case of the table', () => {
  const names = new Set(OP_CASES.map((c) => c.name));
  expect(Object.keys(KNOWN_BUGS).filter((n) => !names.has(n))).toEqual([]);
});

test('the comparison catches a wrong GPU kernel (Add drawn with the Sub program) in outputs and gradients', () => {
  const sub = (webglKernels as Record<string, ProgramFactory>)['Sub']!;
  const wrong = new WebGLBackend(gl, { smallOnCpu: 0, fuse: false, kernels: { Add: sub } });
  try {
    const c = OP_CASES.find((k) => k.name === 'Add [3,1,7]·[5,7] broadcast')!;
    const { problems } = compareCase(c, wrong);
    expect(problems.some((p) => p.startsWith('output 0'))).toBe(true);
    expect(problems.some((p) => p.startsWith('gradient'))).toBe(true);
  } finally {
    wrong.close();
  }
});
