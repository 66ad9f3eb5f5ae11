/**
 * The SGD lesson's graph (resources/lessons/sgd/sgd_function.ts), built with our own engine
 * exactly as the lesson builds it, without training: the graph students search for `formula`.
 */
import { graphToGraphDef } from '../../src/format/graph-def.ts';
import type { GraphDef } from '../../src/format/protos.ts';
import * as tf from '../../src/index.ts';

export function lessonGraphDef(): GraphDef {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const [x, y] = tf.nameScope('inputs', () => [tf.placeholder('float32', []), tf.placeholder('float32', [])]);
    const loss = tf.variableScope('simple_model', () => {
      const [a, b] = tf.variableScope('weights', () => [
        tf.getVariable('a', { shape: [], initializer: tf.initializers.randomNormal() }),
        tf.getVariable('b', { shape: [], initializer: tf.initializers.randomNormal() }),
      ]);
      const yPred = tf.variableScope('formula', () => a.mul(x!).add(b));
      const loss = tf.square(y!.sub(yPred), 'loss');
      tf.variableScope('log', () => {
        const line = tf.strings.join([tf.strings.format('a - {} / b - {}', [a, b]), tf.strings.format('loss - {}', [loss])], ' / ');
        return tf.print(line);
      });
      return loss;
    });
    new tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
    tf.summary.scalar('loss', loss);
    tf.summary.mergeAll();
    return graphToGraphDef(graph);
  });
}
