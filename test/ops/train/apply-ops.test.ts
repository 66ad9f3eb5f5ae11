/**
 * The Apply* kernels against the independent numpy rules of
 * scripts/fixtures/optimizers.py: each step feeds the fixture's gradient (computed at the
 * fixture's own parameters), so only the update rule is under test. The TF kernels must
 * agree to float32 rounding; AdaBound's scalars differ from the reference's Python
 * doubles only because its hyper-parameters arrive as float32 tensors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FailedPreconditionError } from '../../../src/engine/errors.ts';
import { type Operation, resetDefaultGraph, type Tensor } from '../../../src/engine/graph.ts';
import { Session } from '../../../src/engine/session.ts';
import type { ValueLike } from '../../../src/engine/tensor-value.ts';
import { Variable } from '../../../src/engine/variable.ts';
import { constant, globalVariablesInitializer, placeholder } from '../../../src/api/state.ts';
import {
  applyAdaBound, applyAdagrad, applyAdam, applyCenteredRMSProp, applyGradientDescent, applyMomentum, applyRMSProp,
} from '../../../src/train/training-ops.ts';
import { loadOptimizerFixtures, mismatch, type OptimizerFixture } from '../../train/fixtures.ts';

beforeEach(() => resetDefaultGraph());

// The engine's pieces by module (not src/index.ts), so these kernel tests do not wait on the math/array API.
const tf = { Variable, Session, constant, placeholder, globalVariablesInitializer };

/** Per-step values fed besides the gradients: Adam's beta powers and AdaBound's t. */
interface StepInputs {
  readonly beta1Power: Tensor;
  readonly beta2Power: Tensor;
  readonly step: Tensor;
}

/** A slot variable shaped like `v`, filled with `value`. */
function slot(v: Variable, value: number, suffix: string): Variable {
  return new tf.Variable(tf.constant(value, 'float32', v.shape as number[]), { name: `${v.op.name}/${suffix}`, trainable: false });
}

function opt(fx: OptimizerFixture, key: string, fallback: number): number {
  const v = fx.options[key];
  return typeof v === 'number' ? v : fallback;
}

/** The Apply op of `fx`'s optimizer for one variable, with freshly made slots. */
function buildApply(fx: OptimizerFixture, v: Variable, grad: Tensor, s: StepInputs): Operation {
  const lr = fx.learningRate;
  switch (fx.optimizer) {
    case 'GradientDescent':
      return applyGradientDescent(v, lr, grad);
    case 'Momentum':
      return applyMomentum(v, slot(v, 0, 'Momentum'), lr, grad, opt(fx, 'momentum', 0), { useNesterov: fx.options['useNesterov'] === true });
    case 'Adam':
      return applyAdam(v, slot(v, 0, 'Adam'), slot(v, 0, 'Adam_1'), {
        beta1Power: s.beta1Power, beta2Power: s.beta2Power, lr,
        beta1: opt(fx, 'beta1', 0.9), beta2: opt(fx, 'beta2', 0.999), epsilon: opt(fx, 'epsilon', 1e-8),
      }, grad);
    case 'Adagrad':
      return applyAdagrad(v, slot(v, opt(fx, 'initialAccumulatorValue', 0.1), 'Adagrad'), lr, grad);
    case 'RMSProp': {
      const h = { lr, rho: opt(fx, 'decay', 0.9), momentum: opt(fx, 'momentum', 0), epsilon: opt(fx, 'epsilon', 1e-10) };
      // TF 1.x starts the mean square at ones.
      if (fx.options['centered'] === true) return applyCenteredRMSProp(v, slot(v, 0, 'mg'), slot(v, 1, 'ms'), slot(v, 0, 'mom'), h, grad);
      return applyRMSProp(v, slot(v, 1, 'ms'), slot(v, 0, 'mom'), h, grad);
    }
    case 'AdaBound':
    case 'AMSBound':
      return applyAdaBound(v, slot(v, 0, 'm'), slot(v, 0, 'v'), fx.optimizer === 'AMSBound' ? slot(v, 0, 'vhat') : null, {
        lr, beta1: opt(fx, 'beta1', 0.9), beta2: opt(fx, 'beta2', 0.999), finalLr: opt(fx, 'finalLr', 0.1),
        gamma: opt(fx, 'gamma', 1e-3), epsilon: opt(fx, 'epsilon', 1e-8), step: s.step,
      }, grad);
  }
}

describe.each(loadOptimizerFixtures())('Apply kernel of $name', (fx) => {
  it('follows the reference trajectory when fed the reference gradients', () => {
    const w = new tf.Variable(fx.problem.w0, { name: 'w' });
    const b = new tf.Variable(fx.problem.b0, { name: 'b' });
    const gw = tf.placeholder('float32', [3, 1], 'gw');
    const gb = tf.placeholder('float32', [1], 'gb');
    const s: StepInputs = {
      beta1Power: tf.placeholder('float32', [], 'beta1_power'),
      beta2Power: tf.placeholder('float32', [], 'beta2_power'),
      step: tf.placeholder('float32', [], 'step'),
    };
    const ops = [buildApply(fx, w, gw, s), buildApply(fx, b, gb, s)];
    const sess = new tf.Session();
    sess.run(tf.globalVariablesInitializer());
    // TF keeps the beta powers as float32 variables multiplied by beta after each step.
    const beta1 = Math.fround(opt(fx, 'beta1', 0.9)), beta2 = Math.fround(opt(fx, 'beta2', 0.999));
    let p1 = beta1, p2 = beta2;
    // The TF kernels round exactly as the numpy rules (allow one float32 ulp); AdaBound's float32
    // hyper-parameters (0.9 is not 0.9 in float32) cost up to ~1e-6.
    const rtol = fx.optimizer === 'AdaBound' || fx.optimizer === 'AMSBound' ? 2e-6 : 1.2e-7;
    fx.steps.forEach((step, i) => {
      const feed = new Map<Tensor, ValueLike>([
        [gw, step.gradW.map((x) => [x])], [gb, step.gradB], [s.beta1Power, p1], [s.beta2Power, p2], [s.step, i + 1],
      ]);
      const [wOut, bOut] = sess.run(ops.map((op) => op.outputs[0]!), feed) as [number[][], number[]];
      expect(mismatch(wOut.flat(), step.w, rtol, 1e-9), `w after step ${i + 1}`).toBeNull();
      expect(mismatch(bOut, step.b, rtol, 1e-9), `b after step ${i + 1}`).toBeNull();
      p1 = Math.fround(p1 * beta1);
      p2 = Math.fround(p2 * beta2);
    });
    // The variables themselves were updated in place.
    expect(mismatch((sess.run(w) as number[][]).flat(), fx.steps.at(-1)!.w, rtol, 1e-9)).toBeNull();
  });
});

describe('Apply ops', () => {
  it('carry TF 1.x attrs and take the variable and slots by reference', () => {
    const w = new tf.Variable([1, 2], { name: 'w' });
    const accum = slot(w, 0, 'Momentum');
    const grad = tf.constant([1, 1], undefined, undefined, 'grad');
    const op = applyMomentum(w, accum, 0.1, grad, 0.9);
    expect(op.name).toBe('ApplyMomentum');
    expect(op.inputs.map((t) => t.name)).toEqual(['w:0', 'w/Momentum:0', 'ApplyMomentum/lr:0', 'grad:0', 'ApplyMomentum/momentum:0']);
    expect(Object.keys(op.attrs).sort()).toEqual(['T', '_class', 'use_locking', 'use_nesterov']);
    expect(op.attrs['_class']).toEqual({ kind: 'list_string', value: ['loc:@w'] });
    const gd = applyGradientDescent(w, 0.1, tf.constant([1, 1]));
    expect(Object.keys(gd.attrs).sort()).toEqual(['T', '_class', 'use_locking']);
    expect(gd.outputs[0]!.shape).toEqual([2]);
  });

  it('reject mismatched static shapes and non-scalar hyper-parameters when built', () => {
    const w = new tf.Variable([[1], [2]], { name: 'w' });
    expect(() => applyGradientDescent(w, 0.1, tf.constant([1, 2]))).toThrow(
      "Shapes must be equal rank, but are 2 and 1 for 'ApplyGradientDescent' (op: 'ApplyGradientDescent') with input shapes: [2,1], [], [2].",
    );
    expect(() => applyGradientDescent(w, 0.1, tf.constant([[1], [2], [3]]))).toThrow(/Dimension 0 in both shapes must be equal, but are 2 and 3/);
    expect(() => applyGradientDescent(w, [0.1, 0.2], tf.constant([[1], [2]]))).toThrow(/Shape must be rank 0 but is rank 1 for 'ApplyGradientDescent_2'/);
    const k = new tf.Variable(tf.constant([1, 2], 'int32'), { name: 'k' });
    expect(() => applyGradientDescent(k, 1, tf.constant([1, 1], 'int32'))).toThrow(/Value for attr 'T' of int32 is not in the list of allowed values/);
  });

  it('check shapes at run time in TF words when they were not known', () => {
    const w = new tf.Variable([[1], [2]], { name: 'w' });
    const lr = tf.placeholder('float32', undefined, 'lr');
    const g = tf.placeholder('float32', undefined, 'g');
    const op = applyGradientDescent(w, lr, g);
    const sess = new tf.Session();
    sess.run(tf.globalVariablesInitializer());
    expect(() => sess.run(op, new Map<Tensor, ValueLike>([[lr, [0.1]], [g, [[1], [1]]]]))).toThrow('alpha is not a scalar: [1]');
    expect(() => sess.run(op, new Map<Tensor, ValueLike>([[lr, 0.1], [g, [1, 1]]]))).toThrow('var and delta do not have the same shape[2,1] [2]');
    expect(sess.run(op.outputs[0]!, new Map<Tensor, ValueLike>([[lr, 0.5], [g, [[2], [2]]]]))).toEqual([[0], [1]]);
  });

  it('say which variable is uninitialized, naming the node', () => {
    const w = new tf.Variable([1, 2], { name: 'w' });
    const m = slot(w, 0, 'Adagrad');
    const op = applyAdagrad(w, m, 0.1, tf.constant([1, 1]));
    const sess = new tf.Session();
    sess.run(w.initializer);
    expect(() => sess.run(op)).toThrow(/Attempting to use uninitialized variables: w\/Adagrad/);
    try {
      sess.run(op);
    } catch (e) {
      expect((e as FailedPreconditionError).node).toBe('ApplyAdagrad');
    }
  });
});
