/**
 * A weight gradient MatMul that only feeds ApplyGradientDescent runs inside the update's
 * draw (src/backend/webgl/matmul-update.ts), and forward `matmul + b` chains fuse with
 * their MatMul though TF's Add gradient reads `Shape(matmul)` (the session hands Shape a
 * shape-only value). Checked against the CPU backend over several steps of one session —
 * so one plan, reused — with the batch changed between steps (programs rebuilt for the new
 * shapes, down to a batch under 8 where the forward MatMul draws apart), and with the
 * variables' values changing every step. Tolerance: rel 1e-4 (tiled sums in another order, FMA).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { uniform } from './compare.ts';
import { trainBoth as trainOnBoth } from './train-both.ts';
import { expectClose } from './webgl-plan-close.ts';

interface Dense {
  readonly graph: tf.Graph;
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly loss: tf.Tensor;
  readonly shapeP: tf.Tensor;
  readonly grad: tf.Tensor;
  readonly train: tf.Operation;
  readonly w: tf.Tensor;
}

/** loss = mean((x·w + b − y)²), SGD(0.05); `inputs`×`units` weights (over 64 elements: resident on the GPU). */
function dense(inputs: number, units: number): Dense {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', [null, inputs], 'x');
    const y = tf.placeholder('float32', [null, units], 'y');
    const w = tf.getVariable('w', { shape: [inputs, units], initializer: tf.initializers.glorotUniform({ seed: 7 }) });
    const b = tf.getVariable('b', { shape: [units], initializer: tf.initializers.constant(0.1) });
    const p = tf.matmul(x, w);
    const loss = tf.reduceMean(tf.square(p.add(b).sub(y)));
    const opt = new tf.train.GradientDescentOptimizer(0.05);
    const gradsAndVars = opt.computeGradients(loss); // [w, b]: what minimize does, keeping w's gradient at hand
    return { graph, x, y, loss, shapeP: tf.shape(p), grad: gradsAndVars[0]![0]!, train: opt.applyGradients(gradsAndVars), w: w.toTensor() };
  });
}

function feeds(d: Dense, batch: number, inputs: number, units: number, seed: number): Map<tf.Tensor, tf.FeedValue> {
  return new Map<tf.Tensor, tf.FeedValue>([
    [d.x, { dtype: 'float32', shape: [batch, inputs], data: uniform(batch * inputs, seed) }],
    [d.y, { dtype: 'float32', shape: [batch, units], data: uniform(batch * units, seed + 50) }],
  ]);
}

/** `trainBoth` (train-both.ts) for one of this file's graphs; `w` is the variable read after the last batch. */
function trainBoth(d: Dense, batches: readonly number[], fetches: (tf.Tensor | tf.Operation)[], inputs: number, units: number) {
  const { results, drawn, final } = trainOnBoth(d.graph, batches, fetches, (batch, i) => feeds(d, batch, inputs, units, i + 1), d.w);
  return { results, drawn, w: final };
}

describe('MatMul folded into ApplyGradientDescent; forward MatMul + bias with Shape readers', () => {
  test('one plan over batches 16, 9, 4, 16: losses, Shape(matmul) and weights as on the CPU; the update draw gathers the gradient', () => {
    const d = dense(24, 12);
    const { results, drawn, w } = trainBoth(d, [16, 9, 4, 16], [d.train, d.loss, d.shapeP], 24, 12);
    for (const r of results) {
      expectClose(r.gl[1], r.cpu[1], 1e-4);
      expect(r.gl[2]).toEqual(r.cpu[2]);
    }
    expect(results.map((r) => r.gl[2])).toEqual([[16, 12], [9, 12], [4, 12], [16, 12]]);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn).toContain('MatMul+ApplyGradientDescent');
    expect(drawn.some((n) => n.startsWith('MatMul+Fused('))).toBe(true); // matmul + b, its product read by Shape
  });

  test('a weight gradient that is also fetched keeps its own draw and the plain update', () => {
    const d = dense(24, 12);
    const { results, drawn, w } = trainBoth(d, [16, 16], [d.train, d.loss, d.grad], 24, 12);
    for (const r of results) expectClose(r.gl.slice(1), r.cpu.slice(1), 1e-4);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn).not.toContain('MatMul+ApplyGradientDescent');
  });

  test('a variable gradient that reads another variable (dV = dY·Wᵀ, with W\'s update planned in between or not) trains as on the CPU', () => {
    const graph = new tf.Graph();
    const t = graph.asDefault(() => {
      const y = tf.placeholder('float32', [16, 8], 'y');
      const v = tf.getVariable('v', { shape: [16, 12], initializer: tf.initializers.glorotUniform({ seed: 3 }) });
      const w = tf.getVariable('w', { shape: [12, 8], initializer: tf.initializers.glorotUniform({ seed: 4 }) });
      const loss = tf.reduceMean(tf.square(tf.matmul(v, w).sub(y)));
      return { y, loss, train: new tf.train.GradientDescentOptimizer(0.1).minimize(loss), v: v.toTensor(), w: w.toTensor() };
    });
    const feed = (_batch: number, i: number) => new Map<tf.Tensor, tf.FeedValue>([[t.y, { dtype: 'float32', shape: [16, 8], data: uniform(128, i + 20) }]]);
    const { results, final } = trainOnBoth(graph, [16, 16, 16, 16], [t.train, t.loss], feed, [t.v, t.w]);
    for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(final.gl, final.cpu, 1e-4);
  });

  test('a small variable kept on the host (16 elements) takes the unfused steps, same results', () => {
    const d = dense(4, 4);
    const { results, drawn, w } = trainBoth(d, [16, 8], [d.train, d.loss], 4, 4);
    for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn).not.toContain('MatMul+ApplyGradientDescent');
  });
});
