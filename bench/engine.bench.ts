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
import { keisanMlpGraph, tfjsMlpStep } from './mlp-workload.ts';

type Step = (i: number) => void;

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

function keisanMlp(): Step {
  const mlp = keisanMlpGraph();
  const sess = new tf.Session(mlp.graph);
  sess.run(mlp.graph.asDefault(() => tf.globalVariablesInitializer()));
  return (i: number) => {
    sess.run([mlp.train, mlp.loss], mlp.feed(i));
  };
}

function row(name: string, rates: Record<string, number>): Record<string, string | number> {
  const k = rates['keisan']!;
  const j = rates['tfjs']!;
  return { name, keisanStepsPerSec: Math.round(k * 10) / 10, tfjsStepsPerSec: Math.round(j * 10) / 10, ratio: Math.round((k / j) * 100) / 100 };
}

const t = await loadTfjs();
const lesson = compareStepsPerSecond({ keisan: keisanLesson(), tfjs: tfjsLesson(t) }, { warmupSteps: 300, rounds: 9, stepsPerRound: 300 });
const mlp = compareStepsPerSecond({ keisan: keisanMlp(), tfjs: tfjsMlpStep(t) }, { warmupSteps: 5, rounds: 9, stepsPerRound: 10 });
const results = [row('lesson (sgd y=5x+8)', lesson), row('mlp 784-128-10 batch 64', mlp)];
process.stdout.write(`${JSON.stringify({ node: process.versions.node, tfjs: t.version_core, goals: { lesson: 2, mlp: 1 }, results }, null, 2)}\n`);
