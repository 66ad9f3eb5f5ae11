/**
 * The Optimizer API around the update rules: the global step, `varList`, `computeGradients`
 * / `applyGradients`, constructor forms and defaults, and TF's errors.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addN, square } from '../../src/api/math.ts';
import { constant, globalVariablesInitializer, nameScope, placeholder } from '../../src/api/state.ts';
import { GraphKeys, Variable } from '../../src/engine/variable.ts';
import { getDefaultGraph, resetDefaultGraph } from '../../src/engine/graph.ts';
import { Session } from '../../src/engine/session.ts';
import * as train from '../../src/train/api.ts';

beforeEach(() => resetDefaultGraph());

/** loss = w² + b², built from ops whose gradients need no reductions. */
function twoVariables() {
  const w = new Variable(3, { name: 'w' });
  const b = new Variable(-2, { name: 'b' });
  return { w, b, loss: addN([square(w), square(b)]) };
}

describe('global step', () => {
  it('is created once, as TF names it, and incremented by each training step', () => {
    expect(train.getGlobalStep()).toBeNull();
    const globalStep = train.getOrCreateGlobalStep();
    expect(train.getOrCreateGlobalStep()).toBe(globalStep);
    expect(train.getGlobalStep()).toBe(globalStep);
    expect(() => train.createGlobalStep()).toThrow('"global_step" already exists.');
    const g = getDefaultGraph();
    expect(g.operations.slice(0, 4).map((op) => `${op.name} ${op.type}`)).toEqual([
      'global_step/Initializer/zeros Const', 'global_step VariableV2', 'global_step/Assign Assign', 'global_step/read Identity',
    ]);
    expect((globalStep as Variable).trainable).toBe(false);
    expect(g.getCollection(GraphKeys.GLOBAL_STEP)).toEqual([globalStep]);

    const { w, loss } = twoVariables();
    const step = new train.GradientDescentOptimizer(0.25).minimize(loss, { globalStep });
    expect(step.name).toBe('GradientDescent');
    expect(step.type).toBe('AssignAdd');
    expect(step.inputs.map((t) => t.op.name)).toEqual(['global_step', 'GradientDescent/value']);
    expect(g.getOperationByName('GradientDescent/value').controlInputs.map((op) => op.name)).toEqual(['GradientDescent/update']);
    expect(g.getCollection(GraphKeys.TRAIN_OP)).toEqual([step]);

    const sess = new Session();
    sess.run(globalVariablesInitializer());
    for (let i = 1; i <= 3; i++) {
      sess.run(step);
      expect(sess.run(globalStep)).toBe(i);
    }
    // w ← w - 0.25 · 2w halves w each step.
    expect(sess.run(w)).toBeCloseTo(3 / 8, 6);
  });

  it('is found by name when not in the collection', () => {
    nameScope(null, () => new Variable(constant(0, 'int32'), { name: 'global_step', trainable: false }));
    expect(train.getGlobalStep()!.name).toBe('global_step:0');
  });

  it('must be an integer scalar, as TF checks', () => {
    new Variable(0.5, { name: 'global_step' });
    expect(() => train.getGlobalStep()).toThrow('Existing "global_step" does not have integer type: float32');
  });
});

describe('Optimizer', () => {
  it('updates only the variables in varList', () => {
    const { w, b, loss } = twoVariables();
    const step = new train.MomentumOptimizer(0.1, 0.5).minimize(loss, { varList: [w] });
    const sess = new Session();
    sess.run(globalVariablesInitializer());
    sess.run(step);
    sess.run(step);
    expect(sess.run(b)).toBe(-2);
    expect(sess.run(w)).not.toBe(3);
    expect(getDefaultGraph().hasOperation('b/Momentum')).toBe(false);
    expect(getDefaultGraph().hasOperation('Momentum/update_b/ApplyMomentum')).toBe(false);
  });

  it('computes [grad, var] pairs for the trainable variables and applies them', () => {
    const { w, b, loss } = twoVariables();
    const frozen = new Variable(1, { name: 'frozen', trainable: false });
    const opt = new train.GradientDescentOptimizer(0.5);
    const pairs = opt.computeGradients(addN([loss, square(frozen)]));
    expect(pairs.map(([, v]) => v)).toEqual([w, b]);
    expect(pairs.map(([g]) => g!.name)).toEqual(['gradients/Square_grad/mul_1:0', 'gradients/Square_1_grad/mul_1:0']);
    const step = opt.applyGradients([pairs[0]!, [null, b]]);
    const sess = new Session();
    sess.run(globalVariablesInitializer());
    sess.run(step);
    expect(sess.run([w, b])).toEqual([0, -2]);
  });

  it('raises TF errors for nothing to optimize', () => {
    const x = placeholder('float32', [], 'x');
    expect(() => new train.GradientDescentOptimizer(0.1).minimize(square(x))).toThrow('No variables to optimize.');
    const { loss } = twoVariables();
    const other = new Variable(1, { name: 'other' });
    expect(() => new train.GradientDescentOptimizer(0.1).minimize(square(x), { varList: [other] })).toThrow(
      /^No gradients provided for any variable, check your graph for ops that do not support gradients, between variables \['<tf.Variable 'other:0'/,
    );
    expect(() => new train.GradientDescentOptimizer(0.1).applyGradients([])).toThrow('No variables provided.');
    expect(() => new train.GradientDescentOptimizer(0.1).minimize(loss, { gateGradients: 3 as never })).toThrow(/gate_gradients must be one of/);
  });

  it('takes TF 1.x constructor forms and defaults', () => {
    const m1 = new train.MomentumOptimizer(0.1, 0.9);
    const m2 = new train.MomentumOptimizer(0.1, { momentum: 0.8, useNesterov: true });
    const m3 = new train.MomentumOptimizer(0.1, 0.7, { useNesterov: true, name: 'Nesterov' });
    expect([m1.momentum, m1.useNesterov, m1.name]).toEqual([0.9, false, 'Momentum']);
    expect([m2.momentum, m2.useNesterov]).toEqual([0.8, true]);
    expect([m3.momentum, m3.useNesterov, m3.name]).toEqual([0.7, true, 'Nesterov']);
    expect(() => new train.MomentumOptimizer(0.1, {})).toThrow(/required positional argument: 'momentum'/);
    const adam = new train.AdamOptimizer();
    expect([adam.learningRate, adam.beta1, adam.beta2, adam.epsilon]).toEqual([0.001, 0.9, 0.999, 1e-8]);
    const rms = new train.RMSPropOptimizer(0.01);
    expect([rms.decay, rms.momentum, rms.epsilon, rms.centered]).toEqual([0.9, 0, 1e-10, false]);
    expect(new train.AdagradOptimizer(0.1).initialAccumulatorValue).toBe(0.1);
    expect(() => new train.AdagradOptimizer(0.1, { initialAccumulatorValue: 0 })).toThrow('initial_accumulator_value must be positive: 0');
    const ab = new train.AdaBoundOptimizer();
    expect([ab.learningRate, ab.beta1, ab.beta2, ab.finalLr, ab.gamma, ab.epsilon, ab.name]).toEqual([1e-3, 0.9, 0.999, 0.1, 1e-3, 1e-8, 'AdaBound']);
    expect(new train.AMSBoundOptimizer().name).toBe('AMSBound');
    expect(() => new train.AdaBoundOptimizer(0.1, { gamma: 1 })).toThrow('Invalid gamma parameter: 1');
    expect(new train.GradientDescentOptimizer(0.1)).toBeInstanceOf(train.Optimizer);
  });

  it('accepts a tensor learning rate without a learning_rate Const', () => {
    const { loss } = twoVariables();
    const lr = placeholder('float32', [], 'lr');
    const step = new train.GradientDescentOptimizer(lr).minimize(loss);
    expect(getDefaultGraph().hasOperation('GradientDescent/learning_rate')).toBe(false);
    const sess = new Session();
    sess.run(globalVariablesInitializer());
    sess.run(step, new Map([[lr, 0.5]]));
    expect(sess.run(['w:0', 'b:0'])).toEqual([0, 0]);
  });
});
