/**
 * The table of op cases that every backend must agree on: at least one case per registered
 * op type, each built through the public API, with its inputs and the tolerance it is
 * compared with (and why). test/browser/ops-conformance.test.ts runs each case on the CPU
 * backend and on the WebGL backend; test/ops/op-cases.test.ts (Node) fails when a
 * registered op appears in no case's graph, so a new op cannot skip that check.
 *
 *     const built = buildCase(OP_CASES[0]!);
 *     const values = new tf.Session(built.graph).run([...built.fetches, ...built.gradFetches], built.feeds);
 */
import * as tf from '../../src/index.ts';
import type { TensorValue } from '../../src/engine/tensor-value.ts';
import { uniform } from '../browser/compare.ts';
import { ARRAY_CASES } from './op-cases/array.ts';
import { MATH_CASES } from './op-cases/math.ts';
import { NN_CASES } from './op-cases/nn.ts';
import { REDUCE_CASES } from './op-cases/reduce.ts';
import { SPECIAL_CASES } from './op-cases/special.ts';
import { STATE_CASES } from './op-cases/state.ts';
import { STRING_CASES } from './op-cases/strings.ts';
import type { BuiltCase, CaseGraph, InputSpec, OpCase } from './op-cases/types.ts';

export type { BuiltCase, Check, InputSpec, OpCase, Tolerance } from './op-cases/types.ts';

/** Every case, in a stable order (math, IEEE special values, arrays, reductions, nn, state, strings). */
export const OP_CASES: readonly OpCase[] = [
  ...MATH_CASES, ...SPECIAL_CASES, ...ARRAY_CASES, ...REDUCE_CASES, ...NN_CASES, ...STATE_CASES, ...STRING_CASES,
];

/** The deterministic value of one input: explicit values, or seeded uniform numbers in [lo, hi) (rounded to `step` if given). */
export function inputValue(spec: InputSpec, seed: number): TensorValue {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  let data: number[];
  if (spec.values !== undefined) {
    if (spec.values.length !== n) throw new Error(`Input of shape [${spec.shape}] needs ${n} values, got ${spec.values.length}`);
    data = [...spec.values];
  } else {
    const [lo, hi] = spec.range ?? [-1, 1];
    data = [...uniform(n, seed, lo, hi)].map((v) => (spec.step === undefined ? v : Math.round(v / spec.step) * spec.step));
  }
  const dtype = spec.dtype ?? 'float32';
  if (dtype === 'float32') return { dtype, shape: spec.shape, data: Float32Array.from(data) };
  if (dtype === 'int32') return { dtype, shape: spec.shape, data: Int32Array.from(data, (v) => Math.trunc(v)) };
  return { dtype, shape: spec.shape, data: Uint8Array.from(data, (v) => (v > 0 ? 1 : 0)) };
}

/**
 * A case's graph: placeholders for its inputs, its fetches, and — for a case with `grad` —
 * the gradients of ½Σ(first fetch)² with respect to each float input (a non-constant
 * upstream gradient, so a gradient that ignores dy is caught).
 */
export function buildCase(c: OpCase): BuiltCase {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const specs = c.inputs ?? [];
    const xs = specs.map((s, i) => tf.placeholder(s.dtype ?? 'float32', s.declared === undefined ? s.shape : s.declared, `x${i}`));
    const made = c.build(xs);
    const g: CaseGraph = made instanceof tf.Tensor ? { fetches: [made] } : Array.isArray(made) ? { fetches: made } : made as CaseGraph;
    let gradFetches: tf.Tensor[] = [];
    if (c.grad !== undefined) {
      const first = g.fetches[0];
      if (!(first instanceof tf.Tensor)) throw new Error(`Case '${c.name}': a gradient needs a tensor as the first fetch`);
      const y = tf.mul(tf.reduceSum(tf.square(first)), 0.5);
      const wrt = xs.filter((x) => x.dtype === 'float32');
      gradFetches = tf.gradients(y, wrt).map((t, i) => {
        if (t === null) throw new Error(`Case '${c.name}': no gradient reaches input ${i}`);
        return t;
      });
    }
    const feeds = new Map<tf.Tensor, tf.FeedValue>(xs.map((x, i) => [x, inputValue(specs[i]!, 1000 * (i + 1) + c.name.length)]));
    return { graph, feeds, before: g.before ?? [], fetches: g.fetches, gradFetches };
  });
}
