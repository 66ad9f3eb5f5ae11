/**
 * Graphs found in event files and GraphDef files, as `GraphSource`s. GraphDefs stay
 * serialized (nodes counted with a wire walk) until a viewer asks for one with
 * `graphDefOf`: TensorBoard too decodes a run's graph only when its dashboard opens.
 */
import { decodeGraphDef } from '../format/graph-def.ts';
import { parseGraphDefText } from '../format/pbtxt.ts';
import type { GraphDef } from '../format/protos.ts';
import { kerasModelGraphDef } from './keras-graph.ts';
import type { GraphSource, GraphSourceKind, KerasModelInfo } from './run-data.ts';
import { countField, lengthDelimited, type Span } from './wire.ts';

/** Where a graph was found: everything of a GraphSource but the graph itself. */
export interface GraphOrigin {
  readonly source: GraphSourceKind;
  readonly file: string;
  readonly offset: number;
  readonly step: number;
  readonly wallTime: number;
  readonly tag: string | null;
}

const GRAPH_DEF_NODE = 1;
const META_GRAPH_DEF_GRAPH_DEF = 2;
const RUN_METADATA_PARTITION_GRAPHS = 3;
const RUN_METADATA_FUNCTION_GRAPHS = 4;
const FUNCTION_GRAPHS_PRE_OPTIMIZATION_GRAPH = 2;

/** A serialized GraphDef as a source; `nodes` is null when the bytes are not a valid GraphDef. */
export function graphDefSource(origin: GraphOrigin, bytes: Uint8Array, part: string | null = null): GraphSource {
  return { ...origin, part, nodes: countField(bytes, 0, bytes.length, GRAPH_DEF_NODE), graphDef: bytes, keras: null };
}

/** The value of an embedded-message field given several times: protobuf merges them, which for bytes is concatenation. */
function joined(bytes: Uint8Array, spans: readonly Span[]): Uint8Array {
  if (spans.length === 1) return bytes.subarray(spans[0]!.start, spans[0]!.end);
  const out = new Uint8Array(spans.reduce((n, s) => n + s.end - s.start, 0));
  let o = 0;
  for (const s of spans) {
    out.set(bytes.subarray(s.start, s.end), o);
    o += s.end - s.start;
  }
  return out;
}

/**
 * The GraphDef inside a serialized MetaGraphDef (`Event.meta_graph_def`, field 9):
 * one source, none if it holds no graph, or null if the bytes are not a MetaGraphDef.
 */
export function metaGraphSources(origin: GraphOrigin, bytes: Uint8Array): GraphSource[] | null {
  const spans = lengthDelimited(bytes, 0, bytes.length, META_GRAPH_DEF_GRAPH_DEF);
  if (spans === null) return null;
  return spans.length === 0 ? [] : [graphDefSource(origin, joined(bytes, spans))];
}

/**
 * The graphs inside a serialized RunMetadata. TensorBoard's graph plugin shows each
 * tf.function's `pre_optimization_graph` (graphs_plugin.py); TF 1.x RunMetadata has
 * only `partition_graphs` (with RunOptions.output_partition_graphs), which we list when
 * there is nothing else. Null if the bytes are not a RunMetadata.
 */
export function runMetadataSources(origin: GraphOrigin, bytes: Uint8Array): GraphSource[] | null {
  const functions = lengthDelimited(bytes, 0, bytes.length, RUN_METADATA_FUNCTION_GRAPHS);
  const partitions = lengthDelimited(bytes, 0, bytes.length, RUN_METADATA_PARTITION_GRAPHS);
  if (functions === null || partitions === null) return null;
  const out: GraphSource[] = [];
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i]!;
    const inner = lengthDelimited(bytes, f.start, f.end, FUNCTION_GRAPHS_PRE_OPTIMIZATION_GRAPH);
    if (inner === null) return null;
    if (inner.length > 0) out.push(graphDefSource(origin, joined(bytes, inner), `function_graphs[${i}].pre_optimization_graph`));
  }
  if (out.length === 0) {
    partitions.forEach((p, i) => out.push(graphDefSource(origin, bytes.subarray(p.start, p.end), `partition_graphs[${i}]`)));
  }
  return out;
}

type Json = { [key: string]: unknown };
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/**
 * A Keras model config (`graph_keras_model` summary: `model.to_json()`), which TensorBoard
 * turns into a layer graph (keras_util.py; here `viewableGraphDef` → keras-graph.ts). Sequential models list layers in
 * `config.layers` (Keras 2.2+) or as `config` itself (older Keras). Null if not JSON.
 */
export function kerasModelSource(origin: GraphOrigin, json: string): GraphSource | null {
  let model: unknown;
  try {
    model = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(model)) return null;
  const config = model['config'];
  const layerList = Array.isArray(config) ? config : isObject(config) && Array.isArray(config['layers']) ? config['layers'] : [];
  const layers = layerList.filter(isObject).map((l) => ({
    name: str(l['name']) ?? (isObject(l['config']) ? str(l['config']['name']) : null) ?? '',
    className: str(l['class_name']) ?? '',
  }));
  const keras: KerasModelInfo = { json, className: str(model['class_name']), kerasVersion: str(model['keras_version']), layers };
  return { ...origin, part: null, nodes: layers.length, graphDef: null, keras };
}

/** A GraphDef file: binary (`.pb`) or text (`.pbtxt`, `.pbtx`); the text parser throws on bad input. */
export function graphFileSource(file: string, bytes: Uint8Array): GraphSource {
  const origin: GraphOrigin = { source: 'file', file, offset: 0, step: 0, wallTime: 0, tag: null };
  if (/\.pbtxt?$/i.test(file)) {
    const graph = parseGraphDefText(new TextDecoder('utf-8').decode(bytes), file);
    return { ...origin, part: null, nodes: graph.node.length, graphDef: graph, keras: null };
  }
  return graphDefSource(origin, bytes);
}

/** The source's GraphDef, decoded if still serialized; null for a Keras model config (see `viewableGraphDef`). */
export function graphDefOf(source: GraphSource): GraphDef | null {
  const g = source.graphDef;
  if (g === null) return null;
  return g instanceof Uint8Array ? decodeGraphDef(g) : g;
}

/**
 * The GraphDef the graph view shows for a source: `graphDefOf`, or for a Keras model
 * config the GraphDef of its layers, converted as TensorBoard's graph plugin does
 * (keras-graph.ts). Throws, saying why, on a config it cannot read.
 *
 *     viewableGraphDef(kerasSource).node.map((n) => n.name)   // ['sequential/dense', 'sequential/dense_1']
 */
export function viewableGraphDef(source: GraphSource): GraphDef {
  const def = graphDefOf(source);
  if (def !== null) return def;
  if (source.keras !== null) return kerasModelGraphDef(source.keras.json);
  throw new Error(`graph source at ${source.file}:${source.offset} holds neither a GraphDef nor a Keras model config`);
}
