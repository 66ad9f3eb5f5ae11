/**
 * Optimizer updates (`Apply*`) as WebGL programs against the CPU kernels (src/ops/train/,
 * the spec): the same graph trained a few steps on each backend, then every variable and
 * slot compared. Tolerance |webgl − cpu| ≤ 1e-6 + 1e-5·|cpu|: the update rules are the
 * same float32 formulas, but the GPU may fuse a multiply-add, GLSL's sqrt/division are
 * allowed a few ulp, and AdaBound's bounds (float64 on the CPU) are float32 here; three
 * steps compound that a little. The variable has 35 elements, so its last texel is partial.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { type GL2, WebGLBackend } from '../../src/backend/webgl/index.ts';
import { type ProgramFactory, webglKernels } from '../../src/backend/webgl/kernels.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

let gl: GL2;
beforeAll(() => {
  gl = createGL();
});

const SHAPE = [5, 7];
const STEPS = 3;

/** Each optimizer: the op it drives, how many variables that op updates (var and slots), the optimizer. */
const OPTIMIZERS: [string, number, () => tf.train.Optimizer][] = [
  ['ApplyGradientDescent', 1, () => new tf.train.GradientDescentOptimizer(0.1)],
  ['ApplyMomentum', 2, () => new tf.train.MomentumOptimizer(0.1, 0.9)],
  ['ApplyMomentum (nesterov)', 2, () => new tf.train.MomentumOptimizer(0.1, { momentum: 0.9, useNesterov: true })],
  ['ApplyAdam', 3, () => new tf.train.AdamOptimizer(0.01)],
  ['ApplyAdagrad', 2, () => new tf.train.AdagradOptimizer(0.1)],
  ['ApplyRMSProp', 3, () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5 })],
  ['ApplyCenteredRMSProp', 4, () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5, centered: true })],
  ['ApplyAdaBound', 3, () => new tf.train.AdaBoundOptimizer(0.01)],
  ['ApplyAMSBound', 4, () => new tf.train.AMSBoundOptimizer(0.01)],
];

/** Variables and slots after STEPS steps of minimizing Σ (w·x − 1)² on `b` (default: the CPU backend). */
function trainOn(make: () => tf.train.Optimizer, b?: WebGLBackend): number[][] {
  const g = new tf.Graph();
  const { x, train, vars } = g.asDefault(() => {
    const x = tf.placeholder('float32', SHAPE, 'x');
    const w = tf.getVariable('w', { shape: SHAPE, initializer: tf.initializers.constant(0.5) });
    const loss = tf.reduceSum(tf.square(w.mul(x).sub(1)));
    const train = make().minimize(loss);
    return { x, train, vars: tf.globalVariables() };
  });
  const sess = b === undefined ? new tf.Session(g) : new tf.Session(g, { backend: b });
  sess.run(g.asDefault(() => tf.globalVariablesInitializer()));
  for (let s = 0; s < STEPS; s++) sess.run(train, new Map([[x, { dtype: 'float32', shape: SHAPE, data: uniform(35, s + 1, -2, 2) }]]));
  return vars.map((v) => [sess.run(v)].flat(Infinity as 1) as number[]);
}

describe('optimizer updates on the GPU match the CPU kernels', () => {
  for (const [title, refs, make] of OPTIMIZERS) {
    test(title, () => {
      const op = title.split(' ')[0]!;
      // The kernels.ts factory, counting the programs it makes: proof the update ran on the GPU, not the CPU kernel.
      let made = 0;
      const factory: ProgramFactory = (o, shapes) => {
        const p = (webglKernels as Record<string, ProgramFactory>)[op]!(o, shapes);
        made += Array.isArray(p) ? p.length : 1;
        return p;
      };
      const backend = new WebGLBackend(gl, { debug: true, smallOnCpu: 0, kernels: { [op]: factory } });
      const cpu = trainOn(make);
      const gpu = trainOn(make, backend);
      expect(made).toBe(refs); // one program per ref: the variable and each of its slots
      expect(backend.stats.fallbacks.get(op)).toBeUndefined();
      expect(gpu.length).toBe(cpu.length);
      const bad: string[] = [];
      cpu.forEach((values, k) => values.forEach((c, i) => {
        if (!(Math.abs(gpu[k]![i]! - c) <= 1e-6 + 1e-5 * Math.abs(c)) && bad.length < 5) bad.push(`var ${k} [${i}] webgl ${gpu[k]![i]} vs cpu ${c}`);
      }));
      expect(bad).toEqual([]);
      // The update actually moved the variable (a kernel that returned its input would fail above, but say so plainly).
      expect(cpu[0]!.some((c) => c !== 0.5)).toBe(true);
    });
  }
});
