import { describe, expect, it } from 'vitest';
import { graphDefOf, kerasModelSource, readRun, type GraphOrigin } from '../../src/events/index.ts';
import { viewableGraphDef } from '../../src/events/graphs.ts';
import { kerasModelGraphDef } from '../../src/events/keras-graph.ts';
import { DataType } from '../../src/format/protos.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { graphBytes } from '../../main/services/run-views.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';

const wiring = (json: unknown) => kerasModelGraphDef(JSON.stringify(json)).node.map((n) => `${n.name}:${n.op}<-${n.input.join(',')}`);
const dense = (name: string, extra: object = {}) => ({ class_name: 'Dense', config: { name, dtype: 'float32' }, ...extra });

describe('Keras model config → GraphDef (TensorBoard keras_util.py)', () => {
  it('chains a Sequential model\'s layers under the model name, with keras_class and dtype', () => {
    const def = kerasModelGraphDef(JSON.stringify({ class_name: 'Sequential', config: { name: 'seq', layers: [dense('a'), dense('b'), { class_name: 'Dropout', config: { name: 'd', dtype: { class_name: 'Policy', config: { name: 'float16' } } } }] } }));
    expect(def.node.map((n) => `${n.name}<-${n.input.join(',')}`)).toEqual(['seq/a<-', 'seq/b<-seq/a', 'seq/d<-seq/b']);
    expect(new TextDecoder().decode(def.node[0]!.attr['keras_class']!.value.value as Uint8Array)).toBe('Dense');
    expect(def.node[0]!.attr['dtype']!.value).toEqual(expect.objectContaining({ case: 'type', value: DataType.DT_FLOAT }));
    expect(def.node[2]!.attr['dtype']!.value.value).toBe(DataType.DT_HALF);
  });

  it('reads old Keras\'s bare layer list', () => {
    expect(wiring({ class_name: 'Sequential', config: [dense('a'), dense('b')] })).toEqual(['sequential/a:Dense<-', 'sequential/b:Dense<-sequential/a']);
  });

  it('wires a functional model from Keras 2 inbound_nodes, several inputs included', () => {
    const model = {
      class_name: 'Model', config: {
        name: 'm', input_layers: [['x', 0, 0], ['y', 0, 0]], output_layers: [['out', 0, 0]], layers: [
          { class_name: 'InputLayer', config: { name: 'x' }, inbound_nodes: [] },
          { class_name: 'InputLayer', config: { name: 'y' }, inbound_nodes: [] },
          { class_name: 'Add', config: { name: 'sum' }, inbound_nodes: [[['x', 0, 0, {}], ['y', 0, 0, {}]]] },
          dense('out', { inbound_nodes: [[['sum', 0, 0, {}]]] }),
        ],
      },
    };
    expect(wiring(model)).toEqual(['m/x:InputLayer<-', 'm/y:InputLayer<-', 'm/sum:Add<-m/x,m/y', 'm/out:Dense<-m/sum']);
  });

  it('wires Keras 3 histories and nested models: a Sequential inside a functional model, its output feeding on', () => {
    const history = (name: string) => ({ args: [{ class_name: '__keras_tensor__', config: { keras_history: [name, 0, 0] } }] });
    const model = {
      class_name: 'Functional', config: {
        name: 'outer', input_layers: [['in', 0, 0]], output_layers: [['head', 0, 0]], layers: [
          { class_name: 'InputLayer', config: { name: 'in' }, inbound_nodes: [] },
          { class_name: 'Sequential', config: { name: 'body', layers: [dense('b1'), dense('b2')] }, inbound_nodes: [history('in')] },
          dense('head', { inbound_nodes: [history('body')] }),
        ],
      },
    };
    expect(wiring(model)).toEqual(['outer/in:InputLayer<-', 'outer/body/b1:Dense<-outer/in', 'outer/body/b2:Dense<-outer/body/b1', 'outer/head:Dense<-outer/body/b2']);
  });

  it('says what is wrong with a bad config', () => {
    expect(() => kerasModelGraphDef('{not json')).toThrow(/Keras model config is not JSON/);
    expect(() => kerasModelGraphDef('{"class_name": "Dense"}')).toThrow(/has no "config"/);
  });

  it('viewableGraphDef and the host\'s graphBytes serve a Keras source instead of refusing it', () => {
    const origin: GraphOrigin = { source: 'summary', file: 'f', offset: 0, step: 0, wallTime: 0, tag: 'keras' };
    const source = kerasModelSource(origin, JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers: [dense('a'), dense('b')] } }))!;
    expect(graphDefOf(source)).toBeNull();
    expect(viewableGraphDef(source).node.map((n) => n.name)).toEqual(['s/a', 's/b']);
    expect(graphBytes(source).length).toBeGreaterThan(0);
  });
});

const KERAS_RUNS = {
  'keras-tf2-imdb-2023/train/events.out.tfevents.1690485354.e-bnbobg-5l77j-0.80091.0.v2': ['sequential/L1_16_Dense_RELU', 'sequential/L2_16_Dense_RELU', 'sequential/L3_1_Dense_SIG'],
  'keras-tf22-fashion-2020/train/events.out.tfevents.1594056835.DESKTOP-IJHBKKC.41884.53553.v2':
    ['sequential_7/conv2d_2', 'sequential_7/max_pooling2d_2', 'sequential_7/dropout_2', 'sequential_7/flatten_7', 'sequential_7/dense_24', 'sequential_7/dense_25'],
  'keras-tf22-profile-graph-2020/train/events.out.tfevents.1589604633.LEMON.12688.127.v2': ['Logistic/Inputs', 'Logistic/dense', 'Logistic/dense_1'],
};

describe.skipIf(!HAVE_REAL_EVENTS)(`Keras model configs in real event files (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(KERAS_RUNS))('%s: a chain of its layers under the model scope', (file, layers) => {
    const run = readRun('.', [[file, readRealEvent(file)]]);
    const source = run.graphs.find((g) => g.keras !== null)!;
    const def = viewableGraphDef(source);
    expect(def.node.map((n) => n.name)).toEqual(layers);
    expect(def.node.map((n) => n.input)).toEqual(layers.map((_, i) => (i === 0 ? [] : [layers[i - 1]!])));
    const tree = ScopeTree.fromNodes(def.node, { embed: true, series: true });
    expect(tree.children(0).map((id) => tree.path(id))).toEqual([layers[0]!.split('/')[0]]);
    expect(tree.metaEdges(tree.children(0)[0]!).reduce((n, m) => n + m.count, 0)).toBe(layers.length - 1);
  });
});
