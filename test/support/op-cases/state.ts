/**
 * Variables, their assignments, random ops and the optimizers' `Apply*` updates. Updates
 * run two steps of minimizing Σ(w·x − 1)² on a [5,7] variable (35 values: a partial last
 * texel), then every variable and slot is fetched. Random ops are compared by statistics
 * of 335 draws (a GPU generator need not reproduce the CPU's stream); the bounds are over
 * 3.5 standard errors wide, and the seed is fixed, so they cannot flake.
 */
import * as tf from '../../../src/index.ts';
import { attr } from '../../../src/engine/attr.ts';
import { applyOp } from '../../../src/engine/op-builder.ts';
import { refOf } from '../../../src/engine/variable.ts';
import { ARITH, EXACT, UPDATE } from './tolerances.ts';
import type { CaseGraph, OpCase } from './types.ts';

const SHAPE = [5, 7];

function variable(): tf.Variable {
  return tf.getVariable('w', { shape: SHAPE, initializer: tf.initializers.constant(0.5) });
}

/** Assign/AssignAdd/AssignSub of the fed value, then the variable read back. No tf.* wrapper makes AssignAdd/AssignSub (TF 1.x has tf.assign_add), so those use the op builder. */
function assignCase(op: 'Assign' | 'AssignAdd' | 'AssignSub'): OpCase {
  return {
    name: `${op} [5,7] then read`, covers: [op, 'VariableV2'], inputs: [{ shape: SHAPE }],
    build: ([x]): CaseGraph => {
      const w = variable();
      const update = op === 'Assign'
        ? tf.assign(w, x!)
        : applyOp(op, op, [['ref', refOf(w)], ['value', x!]], { T: attr.type('float32'), use_locking: attr.bool(false) }).output;
      return { before: [[tf.globalVariablesInitializer()], [update]], fetches: [tf.identity(w)] };
    },
    check: { kind: 'close', tol: op === 'Assign' ? EXACT : ARITH },
  };
}

const OPTIMIZERS: [string, () => tf.train.Optimizer][] = [
  ['ApplyGradientDescent', () => new tf.train.GradientDescentOptimizer(0.1)],
  ['ApplyMomentum', () => new tf.train.MomentumOptimizer(0.1, { momentum: 0.9, useNesterov: true })],
  ['ApplyAdam', () => new tf.train.AdamOptimizer(0.01)],
  ['ApplyAdagrad', () => new tf.train.AdagradOptimizer(0.1)],
  ['ApplyRMSProp', () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5 })],
  ['ApplyCenteredRMSProp', () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5, centered: true })],
  ['ApplyAdaBound', () => new tf.train.AdaBoundOptimizer(0.01)],
  ['ApplyAMSBound', () => new tf.train.AMSBoundOptimizer(0.01)],
];

function optimizerCase(op: string, make: () => tf.train.Optimizer): OpCase {
  return {
    name: `${op}: two steps on a [5,7] variable`, covers: [op], inputs: [{ shape: SHAPE, range: [-2, 2] }],
    build: ([x]): CaseGraph => {
      const w = variable();
      const train = make().minimize(tf.reduceSum(tf.square(w.mul(x!).sub(1))));
      return { before: [[tf.globalVariablesInitializer()], [train], [train]], fetches: tf.globalVariables().map((v) => tf.identity(v)) };
    },
    check: { kind: 'close', tol: UPDATE },
  };
}

const DRAWS = [67, 5];

export const STATE_CASES: readonly OpCase[] = [
  assignCase('Assign'),
  assignCase('AssignAdd'),
  assignCase('AssignSub'),
  ...OPTIMIZERS.map(([op, make]) => optimizerCase(op, make)),
  {
    name: 'RandomStandardNormal mean 0 std 1', covers: ['RandomStandardNormal'], build: () => tf.randomNormal(DRAWS, { seed: 3 }),
    check: { kind: 'stats', mean: [-0.2, 0.2], std: [0.85, 1.15], why: 'N(0,1): standard error of the mean 0.055 over 335 draws' },
  },
  {
    name: 'RandomUniform [0,1)', covers: ['RandomUniform'], build: () => tf.randomUniform(DRAWS, { seed: 4 }),
    check: { kind: 'stats', mean: [0.45, 0.55], std: [0.25, 0.33], why: 'U(0,1): mean 0.5 ± 0.016, std 0.289' },
  },
  {
    name: 'TruncatedNormal mean 0 std 1', covers: ['TruncatedNormal'], build: () => tf.truncatedNormal(DRAWS, { seed: 5 }),
    check: { kind: 'stats', mean: [-0.2, 0.2], std: [0.75, 1.0], why: 'N(0,1) cut at ±2: std 0.88' },
  },
];
