/**
 * SGD on y = 5x + 8: the course's sgd_function.py, in Keisan's API.
 *
 * Run it:   npx keisan run resources/lessons/sgd/sgd_function.ts
 * then open the log directory (./tmp/sgd, or --logdir DIR) and find `formula` in the graph.
 */
import * as tf from 'keisan';

// `keisan run --logdir DIR` sets KEISAN_LOGDIR; otherwise the course's ./tmp/sgd
// (relative to the directory you run from, as in Python).
const logdir = globalThis.process?.env?.['KEISAN_LOGDIR'] ?? './tmp/sgd';

const [x, y] = tf.nameScope('inputs', () => [tf.placeholder('float32', []), tf.placeholder('float32', [])]);

const [loss, printLog] = tf.variableScope('simple_model', () => {
  const [a, b] = tf.variableScope('weights', () => [
    tf.getVariable('a', { shape: [], initializer: tf.initializers.randomNormal() }),
    tf.getVariable('b', { shape: [], initializer: tf.initializers.randomNormal() }),
  ]);
  const yPred = tf.variableScope('formula', () => a.mul(x).add(b));
  const loss = tf.square(y.sub(yPred), 'loss');
  const printLog = tf.variableScope('log', () => {
    const line = tf.strings.join([tf.strings.format('a - {} / b - {}', [a, b]), tf.strings.format('loss - {}', [loss])], ' / ');
    return tf.print(line);
  });
  return [loss, printLog] as const;
});

const learningRate = 1e-3;
const train = new tf.train.GradientDescentOptimizer(learningRate).minimize(loss);

tf.summary.scalar('loss', loss);
const merged = tf.summary.mergeAll()!;

const sess = new tf.Session();
const writer = new tf.summary.FileWriter(logdir, sess.graph);
sess.run(tf.globalVariablesInitializer());

for (let step = 0; step < 1000; step++) {
  const xValue = Math.random(); // uniform in [0, 1), like np.random.rand()
  const feed = new Map([[x, xValue], [y, 5 * xValue + 8]]);
  const [, summary] = sess.run([train, merged], feed);
  writer.addSummary(summary, step);
  if (step % 100 === 0) sess.run(printLog, feed);
}
writer.close();
