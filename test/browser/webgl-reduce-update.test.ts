/**
 * A bias gradient Sum that only feeds ApplyGradientDescent (through TF's Reshape and
 * `tuple` Identity) runs inside the update's draw (src/backend/webgl/reduce-update.ts).
 * Checked against the CPU backend over several steps of one session — so one plan, reused —
 * with the batch changed between steps (programs rebuilt for the new shapes), for biases
 * of 4k units (the summed texel read whole) and others, a bias of shape [1, units] (the
 * Reshape changes the shape), a fetched bias gradient (no fold) and a small bias with
 * small inputs on the host. Tolerance: rel 1e-4 (float32 sums against the CPU's float64).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { uniform } from './compare.ts';
import { trainBoth as trainOnBoth } from './train-both.ts';
import { expectClose } from './webgl-plan-close.ts';

interface Biased {
  readonly graph: tf.Graph;
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly loss: tf.Tensor;
  readonly biasGrad: tf.Tensor;
  readonly train: tf.Operation;
  readonly b: tf.Tensor;
}

/** loss = mean((x·w + b − y)²), SGD(0.05); b of `biasShape` ([units] or [1, units]). */
function biased(inputs: number, units: number, biasShape: number[]): Biased {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', [null, inputs], 'x');
    const y = tf.placeholder('float32', [null, units], 'y');
    const w = tf.getVariable('w', { shape: [inputs, units], initializer: tf.initializers.glorotUniform({ seed: 5 }) });
    const b = tf.getVariable('b', { shape: biasShape, initializer: tf.initializers.constant(0.1) });
    const loss = tf.reduceMean(tf.square(tf.matmul(x, w).add(b).sub(y)));
    const opt = new tf.train.GradientDescentOptimizer(0.05);
    const gradsAndVars = opt.computeGradients(loss); // [w, b]
    return { graph, x, y, loss, biasGrad: gradsAndVars[1]![0]!, train: opt.applyGradients(gradsAndVars), b: b.toTensor() };
  });
}

/** `trainBoth` (train-both.ts) for one of this file's graphs; `b` is the variable read after the last batch. */
function trainBoth(d: Biased, batches: readonly number[], fetches: (tf.Tensor | tf.Operation)[], inputs: number, units: number) {
  const { results, drawn, final } = trainOnBoth(d.graph, batches, fetches, (batch, i) => {
    return new Map<tf.Tensor, tf.FeedValue>([
      [d.x, { dtype: 'float32', shape: [batch, inputs], data: uniform(batch * inputs, i + 1) }],
      [d.y, { dtype: 'float32', shape: [batch, units], data: uniform(batch * units, i + 60) }],
    ]);
  }, d.b);
  return { results, drawn, b: final };
}

describe('bias gradient Sum folded into ApplyGradientDescent', () => {
  for (const units of [96, 12, 10, 70]) {
    test(`one plan over batches 16, 9, 4, 16, a bias of ${units}: losses and bias as on the CPU; the update draw sums the gradient`, () => {
      const d = biased(24, units, [units]);
      const { results, drawn, b } = trainBoth(d, [16, 9, 4, 16], [d.train, d.loss], 24, units);
      for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
      expectClose(b.gl, b.cpu, 1e-4);
      expect(drawn).toContain('Sum+ApplyGradientDescent');
      // A bias of 64 or fewer elements starts on the host: its first update is unfused (and uploads it), later ones fold.
      if (units > 64) expect(drawn).not.toContain('Sum');
    });
  }

  test('a bias of shape [1, units]: the Reshape back to [1, units] folds too', () => {
    const d = biased(24, 12, [1, 12]);
    const { results, drawn, b } = trainBoth(d, [16, 9, 16], [d.train, d.loss], 24, 12);
    for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(b.gl, b.cpu, 1e-4);
    expect(drawn).toContain('Sum+ApplyGradientDescent');
  });

  test('a bias gradient that is also fetched keeps its own Sum and the plain update', () => {
    const d = biased(24, 96, [96]);
    const { results, drawn, b } = trainBoth(d, [16, 9], [d.train, d.loss, d.biasGrad], 24, 96);
    for (const r of results) expectClose(r.gl.slice(1), r.cpu.slice(1), 1e-4);
    expectClose(b.gl, b.cpu, 1e-4);
    expect(drawn).not.toContain('Sum+ApplyGradientDescent');
    expect(drawn).toContain('Sum');
  });

  test('a small bias with small inputs stays on the host (the unfused CPU kernels), same results', () => {
    const d = biased(4, 4, [4]);
    const { results, drawn, b } = trainBoth(d, [8, 3], [d.train, d.loss], 4, 4);
    for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(b.gl, b.cpu, 1e-4);
    expect(drawn).not.toContain('Sum+ApplyGradientDescent');
  });
});
