/**
 * TF 1.x naming, checked against a graph real TensorFlow wrote: MorvanZhou's
 * tf15_tensorboard tutorial (TF ~1.1, May 2017), re-written in our API. Every node's
 * name, op type, inputs (order included) and attr keys must match, in creation order.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { decodeGraphDef, graphToGraphDef } from '../../src/format/graph-def.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';

const FILE = 'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan';

/** The tutorial's program (tensorflowTUT/tf15_tensorboard/full_code.py), line for line. */
function buildMorvanGraph(): tf.Graph {
  const graph = new tf.Graph();
  graph.asDefault(() => {
    const addLayer = (inputs: tf.Tensor, inSize: number, outSize: number, nLayer: number, activation?: (x: tf.Tensor) => tf.Tensor) => {
      const layerName = `layer${nLayer}`;
      return tf.nameScope(layerName, () => {
        const weights = tf.nameScope('weights', () => {
          const w = new tf.Variable(tf.randomNormal([inSize, outSize]), { name: 'W' });
          tf.summary.histogram(`${layerName}/weights`, w);
          return w;
        });
        const biases = tf.nameScope('biases', () => {
          const b = new tf.Variable(tf.zeros([1, outSize]).add(0.1), { name: 'b' });
          tf.summary.histogram(`${layerName}/biases`, b);
          return b;
        });
        const wxPlusB = tf.nameScope('Wx_plus_b', () => tf.add(tf.matmul(inputs, weights), biases));
        const outputs = activation === undefined ? wxPlusB : activation(wxPlusB);
        tf.summary.histogram(`${layerName}/outputs`, outputs);
        return outputs;
      });
    };
    const [xs, ys] = tf.nameScope('inputs', () => [
      tf.placeholder('float32', [null, 1], 'x_input'),
      tf.placeholder('float32', [null, 1], 'y_input'),
    ]);
    const l1 = addLayer(xs!, 1, 10, 1, tf.nn.relu);
    const prediction = addLayer(l1, 10, 1, 2);
    const loss = tf.nameScope('loss', () => {
      const l = tf.reduceMean(tf.reduceSum(tf.square(ys!.sub(prediction)), [1]));
      tf.summary.scalar('loss', l);
      return l;
    });
    tf.nameScope('train', () => new tf.train.GradientDescentOptimizer(0.1).minimize(loss));
    tf.summary.mergeAll();
  });
  return graph;
}

function summarize(nodes: readonly { name: string; op: string; input: string[]; attr: Record<string, unknown> }[]) {
  return nodes.map((n) => `${n.name} ${n.op} [${n.input.join(', ')}] {${Object.keys(n.attr).sort().join(',')}}`);
}

describe.skipIf(!HAVE_REAL_EVENTS)(`TF 1.x naming against ${FILE} (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('builds the same nodes, ops, inputs and attrs, in the same order', () => {
    const { events } = readEvents(readRealEvent(FILE));
    const graphEvent = events.find((e) => e.what.case === 'graphDef');
    expect(graphEvent).toBeDefined();
    const real = decodeGraphDef(graphEvent!.what.value as Uint8Array);
    const ours = graphToGraphDef(buildMorvanGraph());
    expect(summarize(ours.node)).toEqual(summarize(real.node));
  });

  it('gives the same _class colocation attrs', () => {
    const { events } = readEvents(readRealEvent(FILE));
    const real = decodeGraphDef(events.find((e) => e.what.case === 'graphDef')!.what.value as Uint8Array);
    const ours = graphToGraphDef(buildMorvanGraph());
    const classes = (g: typeof real) =>
      g.node.filter((n) => n.attr['_class'] !== undefined).map((n) => `${n.name} ${JSON.stringify(n.attr['_class']!.value.value)}`);
    expect(classes(ours)).toEqual(classes(real));
  });
});
