/**
 * The MLP workload both engine benchmarks measure (bench:engine on the CPU, bench:webgl in
 * a page): 784-128-10, batch 64, ReLU, softmax cross-entropy (mean), SGD(0.1), the loss
 * read back. One definition, so the two benchmarks time the same graph and data.
 */
import * as tf from '../src/index.ts';
import { uniform } from './timing.ts';
import type * as TfjsCore from '@tensorflow/tfjs-core';

export const MLP_BATCH = 64;

/** A few fixed batches: inputs uniform in [0, 1), one-hot labels. */
export function mlpBatches(): { x: Float32Array; y: Float32Array }[] {
  return [1, 2, 3, 4].map((seed) => {
    const x = uniform(MLP_BATCH * 784, seed);
    const classes = uniform(MLP_BATCH, seed + 100);
    const y = new Float32Array(MLP_BATCH * 10);
    for (let r = 0; r < MLP_BATCH; r++) y[r * 10 + Math.floor(classes[r]! * 10)] = 1;
    return { x, y };
  });
}

export interface KeisanMlp {
  readonly graph: tf.Graph;
  readonly train: tf.Operation;
  readonly loss: tf.Tensor;
  /** The feed for batch `i` (cycling through `mlpBatches()`). */
  feed(i: number): Map<tf.Tensor, tf.FeedValue>;
}

export function keisanMlpGraph(): KeisanMlp {
  const graph = new tf.Graph();
  const data = mlpBatches();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', [null, 784], 'x');
    const labels = tf.placeholder('float32', [null, 10], 'labels');
    const dense = (input: tf.Tensor, units: number, name: string): tf.Tensor =>
      tf.variableScope(name, () => {
        const w = tf.getVariable('w', { shape: [input.shape![1]!, units], initializer: tf.initializers.glorotUniform() });
        const b = tf.getVariable('b', { shape: [units], initializer: tf.initializers.zeros() });
        return tf.matmul(input, w).add(b);
      });
    const logits = dense(tf.nn.relu(dense(x, 128, 'hidden')), 10, 'out');
    const loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }));
    const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    const feed = (i: number) => {
      const d = data[i % data.length]!;
      return new Map<tf.Tensor, tf.FeedValue>([
        [x, { dtype: 'float32', shape: [MLP_BATCH, 784], data: d.x }],
        [labels, { dtype: 'float32', shape: [MLP_BATCH, 10], data: d.y }],
      ]);
    };
    return { graph, train, loss, feed };
  });
}

/** The same step eagerly in TensorFlow.js (whichever backend `t` has active): returns a step function. */
export function tfjsMlpStep(t: typeof TfjsCore): (i: number) => void {
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return t.variable(t.randomUniform([fanIn, fanOut], -limit, limit));
  };
  const w1 = glorot(784, 128);
  const b1 = t.variable(t.zeros([128]));
  const w2 = glorot(128, 10);
  const b2 = t.variable(t.zeros([10]));
  const opt = t.train.sgd(0.1);
  const data = mlpBatches();
  return (i: number) => {
    const d = data[i % data.length]!;
    const x = t.tensor2d(d.x, [MLP_BATCH, 784]);
    const y = t.tensor2d(d.y, [MLP_BATCH, 10]);
    const loss = opt.minimize(() => {
      const hidden = t.relu(t.add(t.matMul(x, w1), b1));
      const logits = t.add(t.matMul(hidden, w2), b2);
      return t.losses.softmaxCrossEntropy(y, logits) as TfjsCore.Scalar;
    }, true)!;
    loss.dataSync();
    t.dispose([loss, x, y]);
  };
}
