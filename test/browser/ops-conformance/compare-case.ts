/**
 * One op case on the CPU backend (the spec) and on a WebGL backend: outputs compared per
 * the case's check, gradients with its `grad` tolerance, printed lines exactly.
 */
import * as tf from '../../../src/index.ts';
import type { WebGLBackend } from '../../../src/backend/webgl/index.ts';
import { type OpCase, buildCase } from '../../support/op-cases.ts';
import { compareFetched } from './compare-values.ts';
import { runCase } from './run-case.ts';

export interface CaseOutcome {
  /** Every disagreement (up to five per fetched value); empty when the backends agree. */
  readonly problems: readonly string[];
  readonly maxAbs: number;
  readonly gradMaxAbs: number;
}

/**
 * Run `c` on both backends and compare. `backend.stats` afterwards describe the WebGL run only.
 *
 *     const { problems } = compareCase(OP_CASES[0]!, new WebGLBackend(gl, { smallOnCpu: 0 }));
 */
export function compareCase(c: OpCase, backend: WebGLBackend): CaseOutcome {
  const built = buildCase(c);
  const cpu = runCase(built, (g) => new tf.Session(g));
  backend.resetStats();
  const webgl = runCase(built, (g) => new tf.Session(g, { backend }));
  const problems: string[] = [];
  let maxAbs = 0;
  let gradMaxAbs = 0;
  cpu.fetched.forEach((v, i) => {
    const r = compareFetched(c.check, v, webgl.fetched[i], `output ${i}`);
    problems.push(...r.problems);
    maxAbs = Math.max(maxAbs, r.maxAbs);
  });
  cpu.grads.forEach((v, i) => {
    const r = compareFetched({ kind: 'close', tol: c.grad! }, v, webgl.grads[i], `gradient ${i}`);
    problems.push(...r.problems);
    gradMaxAbs = Math.max(gradMaxAbs, r.maxAbs);
  });
  if (cpu.printed.join('\n') !== webgl.printed.join('\n')) problems.push(`printed ${JSON.stringify(webgl.printed)} vs cpu ${JSON.stringify(cpu.printed)}`);
  return { problems, maxAbs, gradMaxAbs };
}
