/**
 * Training graphs the backend tests run on every backend: the seed lesson's SGD step and
 * a small MLP step. Each returns a `step(sess, i)` that feeds batch `i` and fetches
 * [train, loss], plus the variables to compare afterwards.
 */
import * as tf from '../../src/index.ts';

export interface TrainingGraph {
  readonly graph: tf.Graph;
  readonly variables: readonly tf.Tensor[];
  readonly loss: tf.Tensor;
  step(sess: tf.Session, i: number): number;
}

/** The lesson: y_pred = a·x + b, loss = (y − y_pred)², SGD(1e-2), fitting y = 5x + 8. */
export function lessonGraph(): TrainingGraph {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const [x, y] = tf.nameScope('inputs', () => [tf.placeholder('float32', []), tf.placeholder('float32', [])]);
    const a = tf.getVariable('a', { shape: [], initializer: tf.initializers.constant(0) });
    const b = tf.getVariable('b', { shape: [], initializer: tf.initializers.constant(0) });
    const loss = tf.square(y.sub(a.mul(x).add(b)), 'loss');
    const train = new tf.train.GradientDescentOptimizer(1e-2).minimize(loss);
    return {
      graph,
      variables: [a.toTensor(), b.toTensor()],
      loss,
      step: (sess, i) => {
        const xv = ((i * 37) % 100) / 50 - 1;
        return sess.run([train, loss], new Map([[x, xv], [y, 5 * xv + 8]]))[1] as number;
      },
    };
  });
}

/** An MLP step: inputs → ReLU hidden → logits, softmax cross-entropy (mean), SGD(0.1). */
export function mlpGraph(inputs = 20, hidden = 16, classes = 3, batch = 8): TrainingGraph {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    tf.setRandomSeed(1); // both sessions under test start from the same weights
    const x = tf.placeholder('float32', [null, inputs], 'x');
    const labels = tf.placeholder('float32', [null, classes], 'labels');
    const ws: tf.Tensor[] = [];
    const dense = (input: tf.Tensor, units: number, name: string): tf.Tensor =>
      tf.variableScope(name, () => {
        const w = tf.getVariable('w', { shape: [input.shape![1]!, units], initializer: tf.initializers.glorotUniform() });
        const b = tf.getVariable('b', { shape: [units], initializer: tf.initializers.constant(0.1) });
        ws.push(w.toTensor(), b.toTensor());
        return tf.matmul(input, w).add(b);
      });
    const logits = dense(tf.nn.relu(dense(x, hidden, 'hidden')), classes, 'out');
    const loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }));
    const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    return {
      graph,
      variables: ws,
      loss,
      step: (sess, i) => {
        const xs = new Float32Array(batch * inputs).map((_, k) => Math.sin(k * 0.37 + i));
        const ys = new Float32Array(batch * classes);
        for (let r = 0; r < batch; r++) ys[r * classes + ((r + i) % classes)] = 1;
        return sess.run([train, loss], new Map<tf.Tensor, tf.FeedValue>([
          [x, { dtype: 'float32', shape: [batch, inputs], data: xs }],
          [labels, { dtype: 'float32', shape: [batch, classes], data: ys }],
        ]))[1] as number;
      },
    };
  });
}

/** Train `steps` steps on a fresh session with `backend`; the losses and the final variable values. */
export function train(g: TrainingGraph, steps: number, options: ConstructorParameters<typeof tf.Session>[1] = {}): { losses: number[]; variables: unknown[] } {
  const sess = new tf.Session(g.graph, options);
  sess.run(g.graph.asDefault(() => tf.globalVariablesInitializer()));
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(g.step(sess, i));
  return { losses, variables: sess.run(g.variables) as unknown[] };
}
