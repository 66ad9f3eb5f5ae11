/**
 * A large TF 1.x-like training graph, made deterministically for bench:graph: stages of
 * conv → batch-norm → relu layers named as TF-Slim names them, the `gradients/` mirror of
 * every layer, Momentum slots and updates, one `init` NoOp and TF's `save` scope (one
 * Assign per variable, all in one flat scope, as `tf.train.Saver` makes it). No real
 * graph this big was at hand; this one has the shape that makes big graphs hard (a deep
 * model scope, a gradient scope as big, and thousands of siblings in `save`).
 *
 *     const def = syntheticGraph({ minNodes: 50_000 });
 *     def.node.length; // ≥ 50,000
 *     const file = eventFileOf(toBinary(GraphDefSchema, def)); // an events.out.tfevents file's bytes
 */
import { create } from '@bufbuild/protobuf';
import { encodeEventRecord, FILE_VERSION } from '../../src/format/event-file.ts';
import {
  type AttrValue, AttrValueSchema, DataType, EventSchema, type GraphDef, GraphDefSchema, type NodeDef, NodeDefSchema,
  TensorShapeProtoSchema,
} from '../../src/format/protos.ts';

export interface SyntheticGraphOptions {
  /** Add layers until the graph holds at least this many nodes. */
  readonly minNodes: number;
  /** Blocks per stage (default 15). */
  readonly blocksPerStage?: number;
}

type Shape = readonly number[];

const floatType = (): AttrValue => create(AttrValueSchema, { value: { case: 'type', value: DataType.DT_FLOAT } });
const shapesAttr = (shapes: readonly Shape[]): AttrValue => create(AttrValueSchema, {
  value: { case: 'list', value: { shape: shapes.map((s) => create(TensorShapeProtoSchema, { dim: s.map((size) => ({ size: BigInt(size) })) })) } },
});

class GraphBuilder {
  readonly nodes: NodeDef[] = [];

  /** Adds a node and returns its name. `shape` null: no outputs (NoOp). */
  op(name: string, op: string, input: readonly string[], shape: Shape | null = [1]): string {
    const attr: Record<string, AttrValue> = { T: floatType() };
    if (shape !== null) attr['_output_shapes'] = shapesAttr([shape]);
    this.nodes.push(create(NodeDefSchema, { name, op, input: [...input], attr }));
    return name;
  }

  /** A TF-Slim variable: initializer ops, VariableV2, Assign, read. Returns the variable's name. */
  variable(name: string, shape: Shape, init: 'truncated_normal' | 'zeros' | 'ones'): string {
    let value: string;
    if (init === 'truncated_normal') {
      const base = `${name}/Initializer/truncated_normal`;
      const shapeConst = this.op(`${base}/shape`, 'Const', [], [shape.length]);
      const mean = this.op(`${base}/mean`, 'Const', [], []);
      const stddev = this.op(`${base}/stddev`, 'Const', [], []);
      const normal = this.op(`${base}/TruncatedNormal`, 'TruncatedNormal', [shapeConst], shape);
      const mul = this.op(`${base}/mul`, 'Mul', [normal, stddev], shape);
      value = this.op(base, 'Add', [mul, mean], shape);
    } else value = this.op(`${name}/Initializer/${init}`, 'Const', [], shape);
    this.op(name, 'VariableV2', [], shape);
    this.op(`${name}/Assign`, 'Assign', [name, value], shape);
    this.op(`${name}/read`, 'Identity', [name], shape);
    return name;
  }
}

interface Layer {
  readonly scope: string;
  readonly variables: readonly string[];
  readonly trainable: readonly string[];
  readonly output: string;
  readonly channels: number;
}

/** conv (weights, biases) → batch norm (gamma, beta, moving mean and variance) → relu. */
function forwardLayer(g: GraphBuilder, scope: string, input: string, inChannels: number, channels: number): Layer {
  const act: Shape = [32, 28, 28, channels];
  const weights = g.variable(`${scope}/conv/weights`, [3, 3, inChannels, channels], 'truncated_normal');
  const biases = g.variable(`${scope}/conv/biases`, [channels], 'zeros');
  const dilation = g.op(`${scope}/conv/dilation_rate`, 'Const', [], [2]);
  const conv = g.op(`${scope}/conv/Conv2D`, 'Conv2D', [input, `${weights}/read`, `^${dilation}`], act);
  const biased = g.op(`${scope}/conv/BiasAdd`, 'BiasAdd', [conv, `${biases}/read`], act);
  const bn = `${scope}/bn`;
  const gamma = g.variable(`${bn}/gamma`, [channels], 'ones');
  const beta = g.variable(`${bn}/beta`, [channels], 'zeros');
  const mean = g.variable(`${bn}/moving_mean`, [channels], 'zeros');
  const variance = g.variable(`${bn}/moving_variance`, [channels], 'ones');
  const c0 = g.op(`${bn}/Const`, 'Const', [], [0]);
  const c1 = g.op(`${bn}/Const_1`, 'Const', [], [0]);
  const fused = g.op(`${bn}/FusedBatchNorm`, 'FusedBatchNorm', [biased, `${gamma}/read`, `${beta}/read`, c0, c1], act);
  const decay = g.op(`${bn}/Const_2`, 'Const', [], []);
  for (const [i, v] of [mean, variance].entries()) {
    const avg = `${bn}/AssignMovingAvg${i === 0 ? '' : '_1'}`;
    const read = g.op(`${avg}/read`, 'Identity', [v], [channels]);
    const sub = g.op(`${avg}/Sub`, 'Sub', [read, `${fused}:${i + 1}`], [channels]);
    const mul = g.op(`${avg}/Mul`, 'Mul', [sub, decay], [channels]);
    g.op(avg, 'AssignSub', [v, mul], [channels]);
  }
  const relu = g.op(`${scope}/relu`, 'Relu', [fused], act);
  return { scope, variables: [weights, biases, gamma, beta, mean, variance], trainable: [weights, biases, gamma, beta], output: relu, channels };
}

/** The layer's gradient ops under `gradients/`, TF's names; returns the gradient flowing into the layer and each trainable's gradient. */
function backwardLayer(g: GraphBuilder, layer: Layer, input: string, upstream: string): { down: string; grads: string[] } {
  const s = `gradients/${layer.scope}`;
  const act: Shape = [32, 28, 28, layer.channels];
  const tuple = (base: string, outs: readonly string[]): string[] => {
    const deps = g.op(`${base}/tuple/group_deps`, 'NoOp', outs.map((o) => `^${o}`), null);
    return outs.map((o, i) => g.op(`${base}/tuple/control_dependency${i === 0 ? '' : `_${i}`}`, 'Identity', [o, `^${deps}`], act));
  };
  const reluGrad = g.op(`${s}/relu_grad/ReluGrad`, 'ReluGrad', [upstream, layer.output], act);
  const bnBase = `${s}/bn/FusedBatchNorm_grad`;
  const bnGrad = g.op(`${bnBase}/FusedBatchNormGrad`, 'FusedBatchNormGrad', [reluGrad, `${layer.scope}/conv/BiasAdd`, `${layer.scope}/bn/gamma/read`], act);
  const [dBias, dGamma, dBeta] = tuple(bnBase, [bnGrad, `${bnGrad}:1`, `${bnGrad}:2`]);
  const biasBase = `${s}/conv/BiasAdd_grad`;
  const biasAddGrad = g.op(`${biasBase}/BiasAddGrad`, 'BiasAddGrad', [dBias!], [layer.channels]);
  const [dConv, dBiases] = tuple(biasBase, [dBias!, biasAddGrad]);
  const convBase = `${s}/conv/Conv2D_grad`;
  const shapes = g.op(`${convBase}/ShapeN`, 'ShapeN', [input, `${layer.scope}/conv/weights/read`], [4]);
  const dInput = g.op(`${convBase}/Conv2DBackpropInput`, 'Conv2DBackpropInput', [shapes, `${layer.scope}/conv/weights/read`, dConv!], act);
  const dFilter = g.op(`${convBase}/Conv2DBackpropFilter`, 'Conv2DBackpropFilter', [input, `${shapes}:1`, dConv!], [3, 3, 1, layer.channels]);
  const [down, dWeights] = tuple(convBase, [dInput, dFilter]);
  return { down: down!, grads: [dWeights!, dBiases!, dGamma!, dBeta!] };
}

/** The graph (see the module comment); `node.length` is the first layer count that reaches `minNodes`. */
export function syntheticGraph({ minNodes, blocksPerStage = 15 }: SyntheticGraphOptions): GraphDef {
  if (!(minNodes > 0)) throw new Error(`minNodes must be positive, not ${minNodes}`);
  const g = new GraphBuilder();
  const images = g.op('input/IteratorGetNext', 'IteratorGetNext', ['input/Iterator'], [32, 28, 28, 3]);
  g.op('input/Iterator', 'IteratorV2', [], []);
  const labels = `${images}:1`;
  const globalStep = g.variable('global_step', [], 'zeros');
  const lr = g.op('Momentum/learning_rate', 'Const', [], []);
  const momentum = g.op('Momentum/momentum', 'Const', [], []);

  // Per layer about 90 nodes: forward 44, gradients 16, optimizer 20, save 10. Estimate, then add layers until there.
  const layers: Layer[] = [];
  const inputs: string[] = [];
  let x = images;
  let channels = 3;
  const perLayer = 90;
  const count = Math.max(1, Math.ceil((minNodes - 40) / perLayer));
  for (let i = 0; i < count; i++) {
    const scope = `model/stage_${Math.floor(i / blocksPerStage) + 1}/block_${(i % blocksPerStage) + 1}`;
    const next = 16 << Math.min(4, Math.floor(i / blocksPerStage) % 5);
    inputs.push(x);
    const layer = forwardLayer(g, scope, x, channels, next);
    layers.push(layer);
    x = layer.output;
    channels = next;
  }
  const logits = g.op('model/logits/Mean', 'Mean', [x], [32, channels]);
  const xent = g.op('loss/SoftmaxCrossEntropyWithLogits', 'SoftmaxCrossEntropyWithLogits', [logits, labels], [32]);
  const loss = g.op('loss/Mean', 'Mean', [xent], []);
  g.op('loss/loss_summary', 'ScalarSummary', ['loss/loss_summary/tags', loss], []);
  g.op('loss/loss_summary/tags', 'Const', [], []);

  let upstream = g.op('gradients/Fill', 'Fill', ['gradients/Shape', 'gradients/Const'], []);
  g.op('gradients/Shape', 'Const', [], [0]);
  g.op('gradients/Const', 'Const', [], []);
  upstream = g.op('gradients/loss/SoftmaxCrossEntropyWithLogits_grad/mul', 'Mul', [upstream, `${xent}:1`], [32, channels]);
  const updates: string[] = [];
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const { down, grads } = backwardLayer(g, layer, inputs[i]!, upstream);
    upstream = down;
    for (const [k, v] of layer.trainable.entries()) {
      const slot = g.variable(`${v}/Momentum`, [1], 'zeros');
      updates.push(g.op(`Momentum/update_${v}/ApplyMomentum`, 'ApplyMomentum', [v, slot, lr, grads[k]!, momentum], [1]));
    }
  }
  const train = g.op('Momentum/update', 'NoOp', updates.map((u) => `^${u}`), null);
  g.op('Momentum', 'AssignAdd', [globalStep, 'Momentum/value', `^${train}`], []);
  g.op('Momentum/value', 'Const', [], []);

  // tf.global_variables_initializer() and tf.train.Saver(): every variable, slots included.
  const variables = g.nodes.filter((n) => n.op === 'VariableV2').map((n) => n.name);
  g.op('init', 'NoOp', variables.map((v) => `^${v}/Assign`), null);
  g.op('save/Const', 'Const', [], []);
  g.op('save/SaveV2/tensor_names', 'Const', [], [variables.length]);
  g.op('save/SaveV2/shape_and_slices', 'Const', [], [variables.length]);
  g.op('save/SaveV2', 'SaveV2', ['save/Const', 'save/SaveV2/tensor_names', 'save/SaveV2/shape_and_slices', ...variables], null);
  g.op('save/control_dependency', 'Identity', ['save/Const', '^save/SaveV2'], []);
  g.op('save/RestoreV2', 'RestoreV2', ['save/Const', 'save/SaveV2/tensor_names', 'save/SaveV2/shape_and_slices'], [1]);
  const assigns = variables.map((v, i) => g.op(`save/Assign${i === 0 ? '' : `_${i}`}`, 'Assign', [v, `save/RestoreV2:${i}`], [1]));
  g.op('save/restore_all', 'NoOp', assigns.map((a) => `^${a}`), null);
  return create(GraphDefSchema, { node: g.nodes, versions: { producer: 22 } });
}

/** An event file holding the file version and one GraphDef, as TF 1.x's FileWriter writes them. */
export function eventFileOf(graphDefBytes: Uint8Array, wallTime = 1_700_000_000): Uint8Array {
  const records = [
    encodeEventRecord(create(EventSchema, { wallTime, what: { case: 'fileVersion', value: FILE_VERSION } })),
    encodeEventRecord(create(EventSchema, { wallTime, what: { case: 'graphDef', value: graphDefBytes } })),
  ];
  const out = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}
