/**
 * Each optimizer, end to end (gradients built by `gradients`, updates by the Apply
 * kernels, state kept by the Session), against the independent numpy trajectories of
 * scripts/fixtures/optimizers.py. Our gradients are float32 graph computations and the
 * fixture's are exact gradients rounded once, so agreement is to ~1e-5, not bit for bit
 * (test/ops/train/apply-ops.test.ts checks the kernels bit for bit).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { globalVariablesInitializer } from '../../src/api/state.ts';
import { resetDefaultGraph } from '../../src/engine/graph.ts';
import { Session } from '../../src/engine/session.ts';
import { loadOptimizerFixtures, mismatch } from './fixtures.ts';
import { buildProblem, makeOptimizer } from './problem.ts';

beforeEach(() => resetDefaultGraph());

const RTOL = 1e-5;
const ATOL = 1e-6;

describe.each(loadOptimizerFixtures())('$name', (fx) => {
  it(`follows the reference trajectory for ${fx.steps.length} steps`, () => {
    const { w, b, loss } = buildProblem(fx);
    const trainOp = makeOptimizer(fx).minimize(loss);
    const sess = new Session();
    sess.run(globalVariablesInitializer());
    fx.steps.forEach((step, i) => {
      // TF runs the loss before the update it feeds (the update depends on the gradients).
      const [, l] = sess.run([trainOp, loss]) as [null, number];
      const [wv, bv] = sess.run([w, b]) as [number[][], number[]];
      expect(mismatch([l], [step.loss], RTOL, ATOL), `loss at step ${i + 1}`).toBeNull();
      expect(mismatch(wv.flat(), step.w, RTOL, ATOL), `w after step ${i + 1}`).toBeNull();
      expect(mismatch(bv, step.b, RTOL, ATOL), `b after step ${i + 1}`).toBeNull();
    });
  });
});
