/**
 * `npm run bench:engine`: Session.run training steps per second on Keisan's CPU backend,
 * next to TensorFlow.js (tfjs-core + CPU backend, eager) doing the same work in this process.
 * Prints JSON. Goals (issue 2): the lesson step ≥ 2× tfjs (our graph is planned once),
 * the MLP step ≥ 1× tfjs.
 *
 *   (a) lesson: y_pred = a·x + b, loss = (y − y_pred)², SGD(1e-3); feed x, y; fetch [train, loss]
 *   (b) mlp:    784-128-10, batch 64, ReLU hidden layer, softmax cross-entropy (mean), SGD(0.1)
 *
 * Both engines read the loss back every step (Keisan returns it from run, tfjs via dataSync).
 */
import * as tf from '../src/index.ts';
import { compareStepsPerSecond, uniform } from './timing.ts';
import { loadTfjs } from './tfjs.ts';

type Step = (i: number) => void;
const BATCH = 64;

function keisanLesson(): Step {
  const g = new tf.Graph();
  return g.asDefault(() => {
    const [x, y] = tf.nameScope('inputs', () => [tf.placeholder('float32', []), tf.placeholder('float32', [])]);
    const a = tf.getVariable('a', { shape: [], initializer: tf.initializers.constant(0) });
    const b = tf.getVariable('b', { shape: [], initializer: tf.initializers.constant(0) });
    const loss = tf.square(y.sub(a.mul(x).add(b)), 'loss');
    const train = new tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    const sess = new tf.Session(g);
    sess.run(tf.globalVariablesInitializer());
    const xs = uniform(1024, 7);
    return (i: number) => {
      const xv = xs[i % xs.length]!;
      sess.run([train, loss], new Map([[x, xv], [y, 5 * xv + 8]]));
    };
  });
}

function tfjsLesson(t: Awaited<ReturnType<typeof loadTfjs>>): Step {
  const a = t.variable(t.scalar(0));
  const b = t.variable(t.scalar(0));
  const opt = t.train.sgd(1e-3);
  const xs = uniform(1024, 7);
  return (i: number) => {
    const xv = xs[i % xs.length]!;
    const loss = opt.minimize(() => {
      const x = t.scalar(xv);
      const y = t.scalar(5 * xv + 8);
      return t.square(t.sub(y, t.add(t.mul(a, x), b))) as ReturnType<typeof t.scalar>;
    }, true)!;
    loss.dataSync();
    loss.dispose();
  };
}

/** A few fixed batches: inputs uniform in [0, 1), one-hot labels. */
function batches(): { x: Float32Array; y: Float32Array }[] {
  return [1, 2, 3, 4].map((seed) => {
    const x = uniform(BATCH * 784, seed);
    const classes = uniform(BATCH, seed + 100);
    const y = new Float32Array(BATCH * 10);
    for (let r = 0; r < BATCH; r++) y[r * 10 + Math.floor(classes[r]! * 10)] = 1;
    return { x, y };
  });
}

function keisanMlp(): Step {
  const g = new tf.Graph();
  return g.asDefault(() => {
    const x = tf.placeholder('float32', [null, 784], 'x');
    const labels = tf.placeholder('float32', [null, 10], 'labels');
    const dense = (input: tf.Tensor, units: number, name: string): tf.Tensor =>
      tf.variableScope(name, () => {
        const w = tf.getVariable('w', { shape: [input.shape![1]!, units], initializer: tf.initializers.glorotUniform() });
        const b = tf.getVariable('b', { shape: [units], initializer: tf.initializers.zeros() });
        return tf.matmul(input, w).add(b);
      });
    const hidden = tf.nn.relu(dense(x, 128, 'hidden'));
    const logits = dense(hidden, 10, 'out');
    const loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }));
    const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    const sess = new tf.Session(g);
    sess.run(tf.globalVariablesInitializer());
    const data = batches();
    return (i: number) => {
      const d = data[i % data.length]!;
      sess.run([train, loss], new Map<tf.Tensor, tf.FeedValue>([
        [x, { dtype: 'float32', shape: [BATCH, 784], data: d.x }],
        [labels, { dtype: 'float32', shape: [BATCH, 10], data: d.y }],
      ]));
    };
  });
}

function tfjsMlp(t: Awaited<ReturnType<typeof loadTfjs>>): Step {
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return t.variable(t.randomUniform([fanIn, fanOut], -limit, limit));
  };
  const w1 = glorot(784, 128);
  const b1 = t.variable(t.zeros([128]));
  const w2 = glorot(128, 10);
  const b2 = t.variable(t.zeros([10]));
  const opt = t.train.sgd(0.1);
  const data = batches();
  return (i: number) => {
    const d = data[i % data.length]!;
    const x = t.tensor2d(d.x, [BATCH, 784]);
    const y = t.tensor2d(d.y, [BATCH, 10]);
    const loss = opt.minimize(() => {
      const hidden = t.relu(t.add(t.matMul(x, w1), b1));
      const logits = t.add(t.matMul(hidden, w2), b2);
      return t.losses.softmaxCrossEntropy(y, logits) as ReturnType<typeof t.scalar>;
    }, true)!;
    loss.dataSync();
    t.dispose([loss, x, y]);
  };
}

function row(name: string, rates: Record<string, number>): Record<string, string | number> {
  const k = rates['keisan']!;
  const j = rates['tfjs']!;
  return { name, keisanStepsPerSec: Math.round(k * 10) / 10, tfjsStepsPerSec: Math.round(j * 10) / 10, ratio: Math.round((k / j) * 100) / 100 };
}

const t = await loadTfjs();
const lesson = compareStepsPerSecond({ keisan: keisanLesson(), tfjs: tfjsLesson(t) }, { warmupSteps: 300, rounds: 9, stepsPerRound: 300 });
const mlp = compareStepsPerSecond({ keisan: keisanMlp(), tfjs: tfjsMlp(t) }, { warmupSteps: 5, rounds: 9, stepsPerRound: 10 });
const results = [row('lesson (sgd y=5x+8)', lesson), row('mlp 784-128-10 batch 64', mlp)];
process.stdout.write(`${JSON.stringify({ node: process.versions.node, tfjs: t.version_core, goals: { lesson: 2, mlp: 1 }, results }, null, 2)}\n`);
