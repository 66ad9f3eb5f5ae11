/**
 * Softmax cross-entropy folded into its consumers (src/backend/webgl/softmax-xent-fold.ts):
 * the gradient's Mul computes the backprop in its draw, the Mean of the per-example losses
 * computes them in its draw, and the op itself draws nothing. Checked against the CPU
 * backend over several steps of one session — one plan, reused — with the batch changed
 * between steps (programs rebuilt), with the per-example loss or the backprop fetched (that
 * fold must stop, the other stays), with a Mean that does not average all rows (the Mean's
 * step runs the ops' own kernels), and with everything small on the host. Tolerance: rel
 * 1e-4 (float32 sums against the CPU's float64, tiled matmuls).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { uniform } from './compare.ts';
import { trainBoth as trainOnBoth } from './train-both.ts';
import { expectClose } from './webgl-plan-close.ts';

interface Classifier {
  readonly graph: tf.Graph;
  readonly x: tf.Tensor;
  readonly labels: tf.Tensor;
  readonly loss: tf.Tensor;
  /** The per-example losses and the backprop (SoftmaxCrossEntropyWithLogits' two outputs). */
  readonly perExample: tf.Tensor;
  readonly backprop: tf.Tensor;
  readonly train: tf.Operation;
  readonly w: tf.Tensor;
}

/** logits = x·w + b, loss = `reduce`(softmax cross-entropy), SGD(0.5). */
function classifier(inputs: number, classes: number, reduce: (perExample: tf.Tensor) => tf.Tensor = (l) => tf.reduceMean(l)): Classifier {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', [null, inputs], 'x');
    const labels = tf.placeholder('float32', [null, classes], 'labels');
    const w = tf.getVariable('w', { shape: [inputs, classes], initializer: tf.initializers.glorotUniform({ seed: 9 }) });
    const b = tf.getVariable('b', { shape: [classes], initializer: tf.initializers.constant(0.1) });
    const perExample = tf.nn.softmaxCrossEntropyWithLogitsV2({ labels, logits: tf.matmul(x, w).add(b) });
    const loss = reduce(perExample);
    const train = new tf.train.GradientDescentOptimizer(0.5).minimize(loss);
    const sce = perExample.op.inputs[0]!.op.type === 'SoftmaxCrossEntropyWithLogits' ? perExample.op.inputs[0]!.op : perExample.op;
    return { graph, x, labels, loss, perExample, backprop: sce.outputs[1]!, train, w: w.toTensor() };
  });
}

/** One-hot labels, soft for odd rows (labels need not be one-hot). */
function labelsFor(batch: number, classes: number, seed: number): Float32Array {
  const y = new Float32Array(batch * classes);
  const u = uniform(batch * classes, seed, 0, 1);
  for (let r = 0; r < batch; r++) {
    if (r % 2 === 0) y[r * classes + Math.floor(u[r]! * classes)] = 1;
    else {
      let s = 0;
      for (let j = 0; j < classes; j++) s += u[r * classes + j]!;
      for (let j = 0; j < classes; j++) y[r * classes + j] = u[r * classes + j]! / s;
    }
  }
  return y;
}

/** `trainBoth` (train-both.ts) for one of this file's graphs; `w` is the variable read after the last batch. */
function trainBoth(c: Classifier, batches: readonly number[], fetches: (tf.Tensor | tf.Operation)[], inputs: number, classes: number) {
  const { results, drawn, final } = trainOnBoth(c.graph, batches, fetches, (batch, i) => {
    return new Map<tf.Tensor, tf.FeedValue>([
      [c.x, { dtype: 'float32', shape: [batch, inputs], data: uniform(batch * inputs, i + 3) }],
      [c.labels, { dtype: 'float32', shape: [batch, classes], data: labelsFor(batch, classes, i + 40) }],
    ]);
  }, c.w);
  return { results, drawn, w: final };
}

const XENT = 'SoftmaxCrossEntropyWithLogits';

describe('softmax cross-entropy folded into the Mul and the Mean that consume it', () => {
  for (const classes of [10, 12, 3]) {
    test(`one plan over batches 32, 9, 4, 32, ${classes} classes: losses and weights as on the CPU; the op itself draws nothing`, () => {
      const c = classifier(24, classes);
      const { results, drawn, w } = trainBoth(c, [32, 9, 4, 32], [c.train, c.loss], 24, classes);
      for (const r of results) expectClose(r.gl[1], r.cpu[1], 1e-4);
      expectClose(w.gl, w.cpu, 1e-4);
      expect(drawn).toContain(`${XENT}+Mul`);
      expect(drawn).toContain(`${XENT}+Mean`);
      expect(drawn).not.toContain(XENT);
    });
  }

  test('the per-example loss fetched: no Mean fold (the loss is drawn), the Mul still folds', () => {
    const c = classifier(24, 10);
    const { results, drawn, w } = trainBoth(c, [32, 9, 32], [c.train, c.loss, c.perExample], 24, 10);
    for (const r of results) expectClose(r.gl.slice(1), r.cpu.slice(1), 1e-4);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn).toContain(XENT);
    expect(drawn).toContain(`${XENT}+Mul`);
    expect(drawn).not.toContain(`${XENT}+Mean`);
  });

  test('the backprop fetched: no Mul fold (the backprop is drawn), the Mean still folds', () => {
    const c = classifier(24, 10);
    const { results, drawn, w } = trainBoth(c, [32, 9, 32], [c.train, c.loss, c.backprop], 24, 10);
    for (const r of results) expectClose(r.gl.slice(1), r.cpu.slice(1), 1e-4);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn).toContain(XENT);
    expect(drawn).not.toContain(`${XENT}+Mul`);
    expect(drawn).toContain(`${XENT}+Mean`);
  });

  test('a mean over all rows with keep_dims, through a Reshape to pairs: folds; a mean of pairs first: the ops\' own kernels', () => {
    const pairs = classifier(24, 10, (l) => tf.reduceMean(tf.reshape(l, [-1, 2]), [0, 1], true));
    const a = trainBoth(pairs, [32, 8, 32], [pairs.train, pairs.loss], 24, 10);
    for (const r of a.results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(a.w.gl, a.w.cpu, 1e-4);
    expect(a.drawn).toContain(`${XENT}+Mean`);
    const nested = classifier(24, 10, (l) => tf.reduceMean(tf.reduceMean(tf.reshape(l, [-1, 2]), [1])));
    const b = trainBoth(nested, [32, 8, 32], [nested.train, nested.loss], 24, 10);
    for (const r of b.results) expectClose(r.gl[1], r.cpu[1], 1e-4);
    expectClose(b.w.gl, b.w.cpu, 1e-4);
    expect(b.drawn).not.toContain(`${XENT}+Mean`);
  });

  test('everything small on the host (2 examples, 3 classes): the ops\' own CPU kernels, same results', () => {
    const c = classifier(4, 3);
    const { results, drawn, w } = trainBoth(c, [2, 3, 2], [c.train, c.loss, c.perExample], 4, 3);
    for (const r of results) expectClose(r.gl.slice(1), r.cpu.slice(1), 1e-4);
    expectClose(w.gl, w.cpu, 1e-4);
    expect(drawn.filter((n) => n.startsWith(XENT))).toEqual([]);
  });
});
