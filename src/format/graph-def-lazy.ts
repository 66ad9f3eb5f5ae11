/**
 * GraphDef bytes → GraphDef for the graph view, each NodeDef's attr map decoded on first
 * read, and every node's `_output_shapes` readable from the bytes without decoding it.
 *
 * Why this path is hand-written (everything else goes through protobuf-es): the graph
 * worker decodes the whole GraphDef before it can draw anything, and protobuf-es'
 * `fromBinary` of TF-Slim MobileNet (5,362 nodes, 1.45 MB) took 0.16–0.36 s in the page's
 * worker on our loaded 2-core VM (~75–105 ms warm in Node), the largest single phase of
 * the first render. Nearly all of it is AttrValues — 17,000 of them: `_output_shapes` on
 * every node, `value` tensors of 1,657 Consts, `T`, `dtype`, `_class`… — and the ~100,000
 * objects they make, which the first render never shows. Reading only name, op, input and
 * device takes ~5–10 ms warm. The hierarchy build needs only the output shapes, as numbers
 * (`outputShapes`, output-shapes-wire.ts); the details panel decodes one node's attrs when
 * it opens it (lazy-attr-map.ts). bench/graph-decode.bench.ts compares both paths; the
 * numbers are in bench/RESULTS.md ("GraphDef decoding in the worker").
 *
 * What you get is what `fromBinary(GraphDefSchema, bytes)` gives, field for field
 * (`$typeName`, `$unknown` and the order of keys included; test/format/graph-def-lazy.test.ts
 * checks it on every real graph and on random ones): name, op, input and device are read
 * here; `attr` is an enumerable accessor until first read; any other NodeDef or GraphDef
 * field (`library`, `versions`, unknown fields) is decoded by protobuf-es now. Malformed
 * bytes throw a `GraphDefWireError` with the byte offset, at load or, inside an attr value,
 * when that node's attrs are first read. This reader is stricter than protobuf-es, which
 * ignores the wire type of a known field and reads a nested field past the end of its
 * message while the buffer goes on: bytes like that fail here with their offset.
 *
 *     const { def, outputShapes } = decodeGraphDefLazily(bytes);
 *     def.node[7]!.name                  // 'conv/weights', read already
 *     outputShapes(7)                    // [[3, 3, 32, 64]]: from the bytes
 *     def.node[7]!.attr['dtype']         // the attr map is decoded now, then kept
 */
import { create, type DescMessage, fromBinary, type MessageShape } from '@bufbuild/protobuf';
import { OUTPUT_SHAPES_KEY, outputShapesOfEntry, type OutputShapeList } from './output-shapes-wire.ts';
import { withLazyAttr } from './lazy-attr-map.ts';
import { type GraphDef, GraphDefSchema, type NodeDef, NodeDefSchema } from './protos.ts';
import { GraphDefWireError, WIRE_LEN, WireReader } from './wire-reader.ts';

export { GraphDefWireError } from './wire-reader.ts';
export type { OutputShapeList } from './output-shapes-wire.ts';

export interface LazyGraphDef {
  /** The GraphDef; each node's `attr` is decoded on first read. */
  readonly def: GraphDef;
  /**
   * `def.node[i]`'s output shapes from its `_output_shapes` attr, as src/graph
   * tensor-shapes.ts `outputShapes` reads the decoded attr (null: no such attr, or not a
   * list), read from the bytes even if the attr map was decoded or changed since.
   */
  outputShapes(node: number): OutputShapeList | null;
}

const GRAPH_NODE = 1;
const NODE_NAME = 1;
const NODE_OP = 2;
const NODE_INPUT = 3;
const NODE_DEVICE = 4;
const NODE_ATTR = 5;
const ENTRY_KEY = 1;
const KEY_BYTES = new TextEncoder().encode(OUTPUT_SHAPES_KEY);

/**
 * A GraphDef decoded as `fromBinary(GraphDefSchema, bytes)` decodes it, except that each
 * node's attr map is decoded on first read (see the file comment).
 */
export function decodeGraphDefLazily(bytes: Uint8Array): LazyGraphDef {
  const r = new WireReader(bytes);
  const end = bytes.length;
  const nodes: NodeDef[] = [];
  // Per node, its last `_output_shapes` entry: field start (tag included), payload start and end; -1 for none.
  const shapes: number[] = [];
  const rest: number[] = []; // [start, end) of every field that is not a node, tag included
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.tag(end);
    if (tag === (GRAPH_NODE << 3 | WIRE_LEN)) nodes.push(readNode(r, r.lengthEnd(end), shapes));
    else if (tag >>> 3 === GRAPH_NODE) throw new GraphDefWireError(`GraphDef field 1 has wire type ${tag & 7}, not 2 (length-delimited)`, at);
    else {
      r.skip(tag, end);
      rest.push(at, r.pos);
    }
  }
  const def = rest.length === 0 ? create(GraphDefSchema) : libraryDecode(GraphDefSchema, bytes, rest, 'GraphDef');
  def.node = nodes;
  const outputShapes = (i: number): OutputShapeList | null => {
    const at = shapes[3 * i];
    if (at === undefined || at < 0) return null;
    try {
      return outputShapesOfEntry(bytes, at, shapes[3 * i + 1]!, shapes[3 * i + 2]!);
    } catch (e) {
      throw GraphDefWireError.within(e, `attr '${OUTPUT_SHAPES_KEY}' of node '${nodes[i]!.name}'`, at);
    }
  };
  return { def, outputShapes };
}

function readNode(r: WireReader, end: number, shapes: number[]): NodeDef {
  let name = '';
  let op = '';
  let device = '';
  const input: string[] = [];
  let attrFields: number[] | null = null; // [start, end) of each attr field, tag included
  let shapesAt = -1;
  let shapesStart = -1;
  let shapesEnd = -1;
  let rest: number[] | null = null;
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.tag(end);
    const field = tag >>> 3;
    if (field > NODE_ATTR) {
      r.skip(tag, end);
      (rest ??= []).push(at, r.pos);
      continue;
    }
    if ((tag & 7) !== WIRE_LEN) throw new GraphDefWireError(`NodeDef field ${field} has wire type ${tag & 7}, not 2 (length-delimited)`, at);
    if (field === NODE_NAME) name = r.string(end);
    else if (field === NODE_OP) op = r.string(end);
    else if (field === NODE_INPUT) input.push(r.string(end));
    else if (field === NODE_DEVICE) device = r.string(end);
    else {
      const entryEnd = r.lengthEnd(end);
      const entryStart = r.pos;
      if (isOutputShapesEntry(r, entryEnd)) {
        shapesAt = at;
        shapesStart = entryStart;
        shapesEnd = entryEnd;
      }
      r.pos = entryEnd;
      (attrFields ??= []).push(at, entryEnd);
    }
  }
  shapes.push(shapesAt, shapesStart, shapesEnd);
  if (attrFields === null) {
    const node: NodeDef = { $typeName: 'tensorflow.NodeDef', name, op, input, device, attr: {} };
    return rest === null ? node : Object.assign(libraryDecode(NodeDefSchema, r.buf, rest, `NodeDef '${name}'`), node);
  }
  const node = (rest === null
    ? { $typeName: 'tensorflow.NodeDef', name, op, input, device }
    : Object.assign(libraryDecode(NodeDefSchema, r.buf, rest, `NodeDef '${name}'`), { name, op, input, device })) as NodeDef;
  return withLazyAttr(node, r.buf, attrFields);
}

/** Whether the map entry ending at `end` has the key `_output_shapes` (its last key field, as protobuf-es reads it). */
function isOutputShapesEntry(r: WireReader, end: number): boolean {
  let found = false;
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.tag(end);
    if (tag >>> 3 !== ENTRY_KEY) {
      r.skip(tag, end);
      continue;
    }
    if ((tag & 7) !== WIRE_LEN) throw new GraphDefWireError(`attr entry field 1 has wire type ${tag & 7}, not 2 (length-delimited)`, at);
    const keyEnd = r.lengthEnd(end);
    found = keyEnd - r.pos === KEY_BYTES.length && isKeyAt(r.buf, r.pos);
    r.pos = keyEnd;
  }
  return found;
}

function isKeyAt(buf: Uint8Array, at: number): boolean {
  for (let k = 0; k < KEY_BYTES.length; k++) if (buf[at + k] !== KEY_BYTES[k]) return false;
  return true;
}

/** protobuf-es' decode of the given fields of a message (fields may come in any order). */
function libraryDecode<D extends DescMessage>(schema: D, buf: Uint8Array, ranges: readonly number[], what: string): MessageShape<D> {
  try {
    return fromBinary(schema, joinRanges(buf, ranges));
  } catch (e) {
    throw GraphDefWireError.within(e, what, ranges[0]!);
  }
}

/** `buf[ranges[0], ranges[1]) + buf[ranges[2], ranges[3]) + …`: a view when there is one range. */
function joinRanges(buf: Uint8Array, ranges: readonly number[]): Uint8Array {
  if (ranges.length === 2) return buf.subarray(ranges[0], ranges[1]);
  let n = 0;
  for (let i = 0; i < ranges.length; i += 2) n += ranges[i + 1]! - ranges[i]!;
  const out = new Uint8Array(n);
  let o = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    out.set(buf.subarray(ranges[i], ranges[i + 1]), o);
    o += ranges[i + 1]! - ranges[i]!;
  }
  return out;
}
