/**
 * The optimizers' graphs, node by node, as TF 1.x builds them: slot variables, non-slot
 * variables, hyper-parameter Consts, update ops and the final group. TF-Slim's MobileNet
 * graph (real TF 1.x output) is the reference for RMSProp with a global step; the
 * TF 1.x LSTM tutorial graph in ../shared/data/real-events shows Adam's `_finish`
 * (`Adam/mul`, `Adam/Assign`, `Adam/mul_1`, `Adam/Assign_1`, group `Adam`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { square } from '../../src/api/math.ts';
import { reduceSum } from '../../src/api/reduce.ts';
import { constant, nameScope } from '../../src/api/state.ts';
import { getDefaultGraph, type Operation, resetDefaultGraph } from '../../src/engine/graph.ts';
import { Variable } from '../../src/engine/variable.ts';
import * as train from '../../src/train/api.ts';
import { HAVE_REAL_EVENTS, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { loadOptimizerFixtures } from './fixtures.ts';
import { buildProblem } from './problem.ts';

beforeEach(() => resetDefaultGraph());

const FX = loadOptimizerFixtures().find((f) => f.name === 'adam')!;

/** `name op [inputs]` of the ops created by `fn`, in creation order. */
function opsCreatedBy(fn: () => void): string[] {
  const g = getDefaultGraph();
  const n0 = g.operations.length;
  fn();
  return g.operations.slice(n0).map(describeOp);
}

function describeOp(op: Operation): string {
  const inputs = [...op.inputs.map((t) => (t.index === 0 ? t.op.name : t.name)), ...op.controlInputs.map((c) => `^${c.name}`)];
  return `${op.name} ${op.type} [${inputs.join(', ')}]`;
}

/** A variable's nodes: VariableV2 with its initializer, Assign and read. */
function variableNodes(name: string, init: string, initType = 'Const'): string[] {
  return [`${init} ${initType} []`, `${name} VariableV2 []`, `${name}/Assign Assign [${name}, ${init}]`, `${name}/read Identity [${name}]`];
}

function withoutGradients(nodes: string[]): string[] {
  return nodes.filter((n) => !/^gradients(_\d+)?\//.test(n));
}

/** Without gradient nodes, and `gradients_N/` (a later `minimize` in the same graph) read as `gradients/`. */
function sameGradients(nodes: string[]): string[] {
  return withoutGradients(nodes).map((n) => n.replace(/\bgradients_\d+\//g, 'gradients/'));
}

const GRAD_W = 'gradients/MatMul_grad/tuple/control_dependency_1';
const GRAD_B = 'gradients/add_grad/tuple/control_dependency_1';

describe('optimizer graphs', () => {
  it('Adam: beta powers, slots w/Adam and w/Adam_1, ApplyAdam, then the power updates', () => {
    const { loss } = buildProblem(FX);
    const nodes = opsCreatedBy(() => new train.AdamOptimizer(0.1).minimize(loss));
    const update = ['^Adam/update_w/ApplyAdam', '^Adam/update_b/ApplyAdam'];
    expect(withoutGradients(nodes)).toEqual([
      ...variableNodes('beta1_power', 'beta1_power/initial_value'),
      ...variableNodes('beta2_power', 'beta2_power/initial_value'),
      ...variableNodes('w/Adam', 'w/Adam/Initializer/zeros'),
      ...variableNodes('w/Adam_1', 'w/Adam_1/Initializer/zeros'),
      ...variableNodes('b/Adam', 'b/Adam/Initializer/zeros'),
      ...variableNodes('b/Adam_1', 'b/Adam_1/Initializer/zeros'),
      'Adam/learning_rate Const []', 'Adam/beta1 Const []', 'Adam/beta2 Const []', 'Adam/epsilon Const []',
      `Adam/update_w/ApplyAdam ApplyAdam [w, w/Adam, w/Adam_1, beta1_power/read, beta2_power/read, Adam/learning_rate, Adam/beta1, Adam/beta2, Adam/epsilon, ${GRAD_W}]`,
      `Adam/update_b/ApplyAdam ApplyAdam [b, b/Adam, b/Adam_1, beta1_power/read, beta2_power/read, Adam/learning_rate, Adam/beta1, Adam/beta2, Adam/epsilon, ${GRAD_B}]`,
      `Adam/mul Mul [beta1_power/read, Adam/beta1, ${update.join(', ')}]`,
      'Adam/Assign Assign [beta1_power, Adam/mul]',
      `Adam/mul_1 Mul [beta2_power/read, Adam/beta2, ${update.join(', ')}]`,
      'Adam/Assign_1 Assign [beta2_power, Adam/mul_1]',
      `Adam NoOp [${update.join(', ')}, ^Adam/Assign, ^Adam/Assign_1]`,
    ]);
    const g = getDefaultGraph();
    const cls = (name: string) => g.getOperationByName(name).attrs['_class']?.value;
    // Slots live with their variable; the powers, and so their updates, with the first
    // variable by name (`b`), as in TF 1.x's LSTM tutorial graph.
    expect(cls('w/Adam')).toEqual(['loc:@w']);
    expect(cls('w/Adam/Assign')).toEqual(['loc:@w']);
    expect(cls('beta1_power')).toEqual(['loc:@b']);
    expect(cls('beta1_power/initial_value')).toEqual(['loc:@b']);
    expect(cls('Adam/mul')).toEqual(['loc:@b']);
    expect(cls('Adam/Assign')).toEqual(['loc:@b']);
    expect(cls('Adam/update_w/ApplyAdam')).toEqual(['loc:@w']);
    expect(g.getOperationByName('Adam/update_w/ApplyAdam').attrs['use_nesterov']).toEqual({ kind: 'bool', value: false });
    expect(g.getOperationByName('w/Adam').attrs['shape']).toEqual({ kind: 'shape', value: [3, 1] });
  });

  it('creates slots outside the name scope the optimizer is used in, and non-slot variables inside it', () => {
    const { loss } = buildProblem(FX);
    const nodes = opsCreatedBy(() => nameScope('train', () => new train.AdamOptimizer().minimize(loss)));
    expect(nodes).toContain('train/beta1_power VariableV2 []');
    expect(nodes).toContain('w/Adam VariableV2 []');
    expect(nodes.some((n) => n.startsWith('train/gradients/MatMul_grad/'))).toBe(true);
    expect(nodes.at(-1)).toMatch(/^train\/Adam NoOp/);
  });

  it('Momentum, Adagrad, RMSProp, AdaBound, AMSBound: slot and update names', () => {
    const { loss, w } = buildProblem(FX);
    const momentum = new train.MomentumOptimizer(0.1, { momentum: 0.9, useNesterov: true });
    const nodes = sameGradients(opsCreatedBy(() => momentum.minimize(loss, { varList: [w] })));
    expect(nodes).toEqual([
      ...variableNodes('w/Momentum', 'w/Momentum/Initializer/zeros'),
      'Momentum/learning_rate Const []', 'Momentum/momentum Const []',
      `Momentum/update_w/ApplyMomentum ApplyMomentum [w, w/Momentum, Momentum/learning_rate, ${GRAD_W}, Momentum/momentum]`,
      'Momentum NoOp [^Momentum/update_w/ApplyMomentum]',
    ]);
    expect(getDefaultGraph().getOperationByName('Momentum/update_w/ApplyMomentum').attrs['use_nesterov']).toEqual({ kind: 'bool', value: true });

    const adagrad = sameGradients(opsCreatedBy(() => new train.AdagradOptimizer(0.1).minimize(loss, { varList: [w] })));
    expect(adagrad.slice(0, 4)).toEqual(variableNodes('w/Adagrad', 'w/Adagrad/Initializer/Const'));
    expect(adagrad).toContain(`Adagrad/update_w/ApplyAdagrad ApplyAdagrad [w, w/Adagrad, Adagrad/learning_rate, ${GRAD_W}]`);

    const rms = sameGradients(opsCreatedBy(() => new train.RMSPropOptimizer(0.1, { centered: true }).minimize(loss, { varList: [w] })));
    expect(rms.slice(0, 12)).toEqual([
      ...variableNodes('w/RMSProp', 'w/RMSProp/Initializer/ones'),
      ...variableNodes('w/RMSProp_1', 'w/RMSProp_1/Initializer/zeros'),
      ...variableNodes('w/RMSProp_2', 'w/RMSProp_2/Initializer/zeros'),
    ]);
    expect(rms).toContain(
      `RMSProp/update_w/ApplyCenteredRMSProp ApplyCenteredRMSProp [w, w/RMSProp_1, w/RMSProp, w/RMSProp_2, RMSProp/learning_rate, RMSProp/decay, RMSProp/momentum, RMSProp/epsilon, ${GRAD_W}]`,
    );

    const adaBound = sameGradients(opsCreatedBy(() => new train.AdaBoundOptimizer().minimize(loss, { varList: [w] })));
    expect(adaBound).toEqual([
      ...variableNodes('step', 'step/initial_value'),
      ...variableNodes('w/AdaBound', 'w/AdaBound/Initializer/zeros'),
      ...variableNodes('w/AdaBound_1', 'w/AdaBound_1/Initializer/zeros'),
      'AdaBound/learning_rate Const []', 'AdaBound/beta1 Const []', 'AdaBound/beta2 Const []',
      'AdaBound/final_lr Const []', 'AdaBound/gamma Const []', 'AdaBound/epsilon Const []',
      `AdaBound/update_w/ApplyAdaBound ApplyAdaBound [w, w/AdaBound, w/AdaBound_1, AdaBound/learning_rate, AdaBound/beta1, AdaBound/beta2, AdaBound/final_lr, AdaBound/gamma, AdaBound/epsilon, step/read, ${GRAD_W}]`,
      'AdaBound/add/y Const [^AdaBound/update_w/ApplyAdaBound]',
      // No control edge of its own: its input `add/y` already waits (TF's `_control_dependencies_for_inputs`).
      'AdaBound/add Add [step/read, AdaBound/add/y]',
      'AdaBound/Assign Assign [step, AdaBound/add]',
      'AdaBound NoOp [^AdaBound/update_w/ApplyAdaBound, ^AdaBound/Assign]',
    ]);

    const ams = sameGradients(opsCreatedBy(() => new train.AMSBoundOptimizer().minimize(loss, { varList: [w] })));
    expect(ams).toContain('w/AMSBound_2 VariableV2 []');
    expect(ams.find((n) => n.startsWith('AMSBound/update_w/'))).toMatch(/^AMSBound\/update_w\/ApplyAMSBound ApplyAMSBound \[w, w\/AMSBound, w\/AMSBound_1, w\/AMSBound_2, /);
  });

  it('names the second use of an optimizer Adam_1 and reuses its slots', () => {
    const { loss, w } = buildProblem(FX);
    const adam = new train.AdamOptimizer();
    adam.minimize(loss);
    const nodes = withoutGradients(opsCreatedBy(() => adam.minimize(loss, { varList: [w], name: 'again' })));
    expect(nodes.filter((n) => n.includes('VariableV2'))).toEqual([]);
    expect(nodes).toContain(`again/update_w/ApplyAdam ApplyAdam [w, w/Adam, w/Adam_1, beta1_power/read, beta2_power/read, again/learning_rate, again/beta1, again/beta2, again/epsilon, gradients_1/MatMul_grad/tuple/control_dependency_1]`);
  });

  it('exposes slots by name, and its variables sorted by name', () => {
    const { loss, w, b } = buildProblem(FX);
    const adam = new train.AdamOptimizer();
    expect(adam.getSlotNames()).toEqual([]);
    adam.minimize(loss);
    expect(adam.getSlotNames()).toEqual(['m', 'v']);
    expect(adam.getSlot(w, 'm')!.op.name).toBe('w/Adam');
    expect(adam.getSlot(b, 'v')!.op.name).toBe('b/Adam_1');
    expect(adam.getSlot(w, 'nope')).toBeNull();
    expect(adam.variables().map((v) => v.op.name)).toEqual(['b/Adam', 'b/Adam_1', 'beta1_power', 'beta2_power', 'w/Adam', 'w/Adam_1']);
    expect(adam.getSlot(w, 'm')!.trainable).toBe(false);
    const rms = new train.RMSPropOptimizer(0.01);
    rms.minimize(loss);
    expect(rms.getSlotNames()).toEqual(['momentum', 'rms']);
  });
});

/** Nodes of a text GraphDef: name, op and inputs. */
function parsePbtxt(text: string): Map<string, { op: string; inputs: string[] }> {
  const nodes = new Map<string, { op: string; inputs: string[] }>();
  for (const block of text.split(/^node \{$/m).slice(1)) {
    const name = /^ {2}name: "([^"]*)"$/m.exec(block)![1]!;
    const op = /^ {2}op: "([^"]*)"$/m.exec(block)![1]!;
    const inputs = [...block.matchAll(/^ {2}input: "([^"]*)"$/gm)].map((m) => m[1]!);
    nodes.set(name, { op, inputs });
  }
  return nodes;
}

describe.skipIf(!HAVE_REAL_EVENTS)('RMSProp with a global step, against TF-Slim MobileNet (real TF 1.x graph)', () => {
  it('builds the same slot, update and global-step nodes for a variable', () => {
    const real = parsePbtxt(readFileSync(join(REAL_EVENTS_DIR, 'tf1-slim-mobilenet-2018/graph.pbtxt'), 'utf8'));
    const V = 'MobilenetV1/Logits/Conv2d_1c_1x1/biases';
    const globalStep = train.getOrCreateGlobalStep();
    const bias = new Variable(constant(0, 'float32', [8]), { name: V });
    const lr = constant(0.01, 'float32', undefined, 'exponential_decay_learning_rate');
    const loss = reduceSum(square(bias));
    const opt = new train.RMSPropOptimizer(lr, { decay: 0.9, momentum: 0.9, epsilon: 1 });
    opt.minimize(loss, { globalStep });
    const g = getDefaultGraph();
    const names = [
      `${V}/RMSProp/Initializer/ones`, `${V}/RMSProp`, `${V}/RMSProp/Assign`, `${V}/RMSProp/read`,
      `${V}/RMSProp_1/Initializer/zeros`, `${V}/RMSProp_1`, `${V}/RMSProp_1/Assign`, `${V}/RMSProp_1/read`,
      'RMSProp/decay', 'RMSProp/momentum', 'RMSProp/epsilon', 'RMSProp/value', 'RMSProp',
      'global_step/Initializer/zeros', 'global_step', 'global_step/Assign', 'global_step/read',
    ];
    for (const name of names) {
      const ours = g.getOperationByName(name);
      const theirs = real.get(name)!;
      expect(ours.type, name).toBe(theirs.op);
      expect(describeOp(ours), name).toBe(`${name} ${theirs.op} [${theirs.inputs.join(', ')}]`);
    }
    const apply = `RMSProp/update_${V}/ApplyRMSProp`;
    // All inputs but the gradient, which comes from a different model.
    expect(g.getOperationByName(apply).inputs.slice(0, 7).map((t) => t.op.name)).toEqual(real.get(apply)!.inputs.slice(0, 7));
    // The train op waits for the `update` group through its `value` input (TF drops the redundant control edge).
    expect(real.get('RMSProp/update')!.inputs).toContain(`^${apply}`);
    expect(describeOp(g.getOperationByName('RMSProp/update'))).toBe(`RMSProp/update NoOp [^${apply}]`);
  });
});
