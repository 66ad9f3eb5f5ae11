/**
 * A Keras model config (`graph_keras_model` summary, `model.to_json()`) as a GraphDef of its
 * layers, the way TensorBoard's keras_util.py `keras_model_to_graph_def` builds it: one
 * node per layer named `<model>/<layer>` for layers of nested models, the `keras_class`
 * and `dtype` attrs, inputs from `inbound_nodes` (Keras 2 lists and Keras 3 `args`
 * histories alike), or the previous layer in a Sequential model; an input wired to a
 * nested model goes to that model's output layer, and a nested model's input layer
 * reads what feeds the model.
 *
 *     const def = kerasModelGraphDef('{"class_name":"Sequential","config":{"name":"s","layers":[…]}}');
 *     def.node.map((n) => `${n.name}<-${n.input}`)   // ['dense<-', 'dense_1<-dense']
 *
 * One difference, on purpose: TensorBoard leaves `op` empty; here it is the layer class
 * (`Dense`), which the graph view labels nodes and groups series by.
 */
import { create } from '@bufbuild/protobuf';
import { AttrValueSchema, DataType, GraphDefSchema, NodeDefSchema, type GraphDef, type NodeDef } from '../format/protos.ts';

type Json = { [key: string]: unknown };
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const scoped = (scope: string, name: string): string => (scope === '' ? name : `${scope}/${name}`);

/** Keras dtype names → TF DataType (tensorflow_stub dtypes.as_dtype). */
const DTYPES: { readonly [name: string]: DataType } = {
  float16: DataType.DT_HALF, half: DataType.DT_HALF, float32: DataType.DT_FLOAT, float: DataType.DT_FLOAT,
  float64: DataType.DT_DOUBLE, double: DataType.DT_DOUBLE, bfloat16: DataType.DT_BFLOAT16,
  int8: DataType.DT_INT8, int16: DataType.DT_INT16, int32: DataType.DT_INT32, int64: DataType.DT_INT64,
  uint8: DataType.DT_UINT8, uint16: DataType.DT_UINT16, uint32: DataType.DT_UINT32, uint64: DataType.DT_UINT64,
  bool: DataType.DT_BOOL, string: DataType.DT_STRING, complex64: DataType.DT_COMPLEX64, complex128: DataType.DT_COMPLEX128,
};

/** A layer's config, with old Keras's bare list of Sequential layers read as `{ layers }`. */
function configOf(layer: Json): Json {
  const c = layer['config'];
  if (Array.isArray(c)) return { name: str(layer['name']) ?? 'sequential', layers: c };
  return isObject(c) ? c : {};
}

const layersOf = (layer: Json): Json[] | null => {
  const l = configOf(layer)['layers'];
  return Array.isArray(l) ? l.filter(isObject) : null;
};

/** keras_util.py `_walk_layers`: [scope, layer] in preorder, nested models' layers under the model's name. */
function* walkLayers(layer: Json, scope = ''): Generator<[string, Json]> {
  yield [scope, layer];
  const inner = layersOf(layer);
  if (inner === null || inner.length === 0) return;
  const name = str(configOf(layer)['name']) ?? '';
  for (const sub of inner) yield* walkLayers(sub, scoped(scope, name));
}

/** `[name, nodeIndex, tensorIndex]` of each inbound tensor: Keras 2 `[[name, i, j, kwargs], …]` per call, Keras 3 `{args: [{config: {keras_history}}]}`. */
function inboundOf(layer: Json): [string, number, number][] {
  const calls = layer['inbound_nodes'];
  if (!Array.isArray(calls)) return [];
  const out: [string, number, number][] = [];
  const take = (h: unknown): void => {
    if (Array.isArray(h) && h.length >= 3 && typeof h[0] === 'string') out.push([h[0], Number(h[1]), Number(h[2])]);
  };
  for (const call of calls) {
    if (isObject(call)) {
      const args = Array.isArray(call['args']) ? call['args'] : [];
      for (const a of args.flatMap((x: unknown) => (Array.isArray(x) ? x : [x]))) {
        if (isObject(a) && isObject(a['config'])) take(a['config']['keras_history']);
      }
    } else if (Array.isArray(call)) {
      for (const t of Array.isArray(call[0]) ? call : [call]) take(t);
    }
  }
  return out;
}

const firstName = (x: unknown): string => (Array.isArray(x) ? String(x[0]) : String(x));

export function kerasModelGraphDef(json: string): GraphDef {
  let model: unknown;
  try {
    model = JSON.parse(json);
  } catch (e) {
    throw new Error(`Keras model config is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(model) || !('config' in model)) throw new Error('Keras model config has no "config" (expected model.to_json() output)');
  const nodes: NodeDef[] = [];
  const inputToLayer = new Map<string, string>();
  const modelOutputs = new Map<string, string[]>();
  let prev: string | null = null;
  for (const [scope, layer] of walkLayers(model)) {
    const config = configOf(layer);
    const name = scoped(scope, str(config['name']) ?? str(layer['name']) ?? '');
    const inner = layersOf(layer);
    if (inner !== null && inner.length > 0) {
      prev = enterModel(scope, name, config, inner, inboundOf(layer), inputToLayer, modelOutputs, prev);
      continue;
    }
    const node = create(NodeDefSchema, { name, op: str(layer['class_name']) ?? '' });
    if (node.op !== '') node.attr['keras_class'] = create(AttrValueSchema, { value: { case: 's', value: new TextEncoder().encode(node.op) } });
    const policy = config['dtype'];
    const dtype = isObject(policy) ? (isObject(policy['config']) ? str(policy['config']['name']) : null) : str(policy);
    const type = dtype === null ? undefined : DTYPES[dtype];
    if (type !== undefined) node.attr['dtype'] = create(AttrValueSchema, { value: { case: 'type', value: type } });
    const inbound = inboundOf(layer);
    if (Array.isArray(layer['inbound_nodes'])) {
      for (const [from, , index] of inbound) {
        const source = scoped(scope, from);
        const outputs = modelOutputs.get(source) ?? [source];
        node.input.push(outputs[index] ?? outputs[outputs.length - 1]!);
      }
    } else if (prev !== null) node.input.push(prev);
    const wired = inputToLayer.get(name);
    if (wired !== undefined) node.input.push(wired);
    nodes.push(node);
    prev = name;
  }
  return create(GraphDefSchema, { node: nodes });
}

/** keras_util.py `_update_dicts`: wire a nested model's inputs and remember its outputs; returns the new previous layer. */
function enterModel(
  scope: string, name: string, config: Json, layers: readonly Json[], inbound: readonly [string, number, number][],
  inputToLayer: Map<string, string>, modelOutputs: Map<string, string[]>, prev: string | null,
): string | null {
  const inputs = Array.isArray(config['input_layers']) ? config['input_layers'] : [];
  const outputs = Array.isArray(config['output_layers']) ? config['output_layers'] : [];
  const functional = inputs.length > 0 && outputs.length > 0;
  const inFunctionalParent = inbound.length > 0;
  if (inFunctionalParent && functional) {
    const list = Array.isArray(inputs[0]) ? inputs : [inputs];
    list.forEach((input, k) => {
      if (k < inbound.length) inputToLayer.set(scoped(name, firstName(input)), scoped(scope, inbound[k]![0]));
    });
  } else if (inFunctionalParent) {
    prev = scoped(scope, inbound[0]![0]); // a Sequential model takes one input: its first layer reads it
  } else if (prev !== null && functional) {
    const list = Array.isArray(inputs[0]) ? inputs : [inputs];
    if (list.length !== 1) throw new Error(`nested functional model '${name}' has ${list.length} inputs inside a Sequential model (Keras allows 1)`);
    inputToLayer.set(scoped(name, firstName(list[0])), prev);
  }
  if (functional) {
    const list = Array.isArray(outputs[0]) ? outputs : [outputs];
    modelOutputs.set(name, list.map((o) => scoped(name, firstName(o))));
  } else {
    const last = layers[layers.length - 1]!;
    modelOutputs.set(name, [scoped(name, str(configOf(last)['name']) ?? '')]);
  }
  return prev;
}
