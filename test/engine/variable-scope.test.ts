import { beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';

beforeEach(() => tf.resetDefaultGraph());

describe('variableScope / getVariable (TF 1.x semantics)', () => {
  it('names variables by variable scopes only, ignoring name scopes', () => {
    const v = tf.nameScope('outer', () => tf.variableScope('model', () => tf.getVariable('w', { shape: [2] })));
    expect(v.op.name).toBe('model/w');
    expect(v.name).toBe('model/w:0');
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('model/w/read').type).toBe('Identity');
    expect(g.getOperationByName('model/w/Assign').type).toBe('Assign');
    // The default glorot-uniform initializer, built under <var>/Initializer.
    expect(g.getOperationByName('model/w/Initializer/random_uniform').type).toBe('Add');
    expect(g.getOperationByName('model/w/Initializer/random_uniform/RandomUniform').attrs['_class']).toEqual({ kind: 'list_string', value: ['loc:@model/w'] });
  });

  it('opens name scope foo_1 when a variable scope is re-entered, keeping variable names', () => {
    const a = tf.variableScope('foo', () => tf.constant(1));
    const [b, v] = tf.variableScope('foo', () => [tf.constant(1), tf.getVariable('v', { shape: [] })] as const);
    expect(a.op.name).toBe('foo/Const');
    expect(b.op.name).toBe('foo_1/Const');
    expect(v.op.name).toBe('foo/v');
  });

  it('refuses to recreate a variable without reuse, in TF words', () => {
    tf.variableScope('s', () => tf.getVariable('v', { shape: [1] }));
    expect(() => tf.variableScope('s', () => tf.getVariable('v', { shape: [1] }))).toThrow(
      /Variable s\/v already exists, disallowed\. Did you mean to set reuse=True or reuse=tf\.AUTO_REUSE in VarScope\?/,
    );
  });

  it('reuses with reuse: true, and refuses a missing variable then', () => {
    const v1 = tf.variableScope('s', () => tf.getVariable('v', { shape: [1] }));
    const v2 = tf.variableScope('s', { reuse: true }, () => tf.getVariable('v'));
    expect(v2).toBe(v1);
    expect(() => tf.variableScope('s', { reuse: true }, () => tf.getVariable('u', { shape: [1] }))).toThrow(
      /Variable s\/u does not exist, or was not created with tf\.get_variable\(\)/,
    );
    // Reuse is inherited by sub-scopes.
    expect(() => tf.variableScope('s', { reuse: true }, () => tf.variableScope('inner', () => tf.getVariable('x', { shape: [1] })))).toThrow(/does not exist/);
  });

  it('AUTO_REUSE creates once and reuses after', () => {
    const f = () => tf.variableScope('auto', { reuse: tf.AUTO_REUSE }, () => tf.getVariable('v', { shape: [3] }));
    expect(f()).toBe(f());
  });

  it('checks shapes when sharing', () => {
    tf.variableScope('s', () => tf.getVariable('v', { shape: [2] }));
    expect(() => tf.variableScope('s', { reuse: true }, () => tf.getVariable('v', { shape: [3] }))).toThrow(
      /Trying to share variable s\/v, but specified shape \(3,\) and found shape \(2,\)/,
    );
  });

  it('requires a fully defined shape for a new variable', () => {
    expect(() => tf.getVariable('v')).toThrow(/Shape of a new variable \(v\) must be fully defined/);
  });

  it('uses the scope initializer and constant initializers', () => {
    const v = tf.variableScope('s', { initializer: tf.initializers.constant(3) }, () => tf.getVariable('v', { shape: [2] }));
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('s/v/Initializer/Const').type).toBe('Const');
    const sess = new tf.Session();
    sess.run(tf.globalVariablesInitializer());
    expect(sess.run(v)).toEqual([3, 3]);
  });

  it('makes default_name scopes unique: layer, layer_1', () => {
    const a = tf.variableScope(null, { defaultName: 'layer' }, () => tf.getVariable('w', { shape: [] }));
    const b = tf.variableScope(null, { defaultName: 'layer' }, () => tf.getVariable('w', { shape: [] }));
    expect([a.op.name, b.op.name]).toEqual(['layer/w', 'layer_1/w']);
  });

  it('re-enters a captured VariableScope object', () => {
    const scope = tf.variableScope('model', (s) => {
      tf.getVariable('w', { shape: [] });
      return s;
    });
    const w = tf.variableScope(scope, { reuse: true }, () => tf.getVariable('w'));
    expect(w.op.name).toBe('model/w');
    const c = tf.variableScope(scope, () => tf.constant(0));
    expect(c.op.name).toBe('model_2/Const');
  });
});

describe('tf.Variable', () => {
  it('builds VariableV2, initial_value, Assign and read as TF names them', () => {
    const v = tf.nameScope('weights', () => new tf.Variable([1, 2, 3], { name: 'W' }));
    const g = tf.getDefaultGraph();
    expect(g.operations.map((o) => `${o.name}:${o.type}`)).toEqual([
      'weights/W/initial_value:Const', 'weights/W:VariableV2', 'weights/W/Assign:Assign', 'weights/W/read:Identity',
    ]);
    expect(v.toTensor().name).toBe('weights/W/read:0');
    expect(tf.trainableVariables()).toEqual([v]);
  });

  it('reads through the snapshot when used in ops', () => {
    const v = new tf.Variable(2, { name: 'a' });
    const y = v.mul(3);
    expect(y.op.inputs[0]!.name).toBe('a/read:0');
  });
});
