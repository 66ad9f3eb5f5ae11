/**
 * The graph view's hand-written GraphDef reader (src/format/graph-def-lazy.ts) against
 * protobuf-es' `fromBinary`, the implementation it must be indistinguishable from: every
 * GraphDef in ../shared/data/real-events, random GraphDefs with every AttrValue kind,
 * NodeDefs assembled field by field (any order, fields given twice, unknown fields of
 * every wire type), and truncated or corrupted bytes (an error with the byte offset,
 * never a hang).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFileSource, readRun } from '../../src/events/index.ts';
import { decodeGraphDefLazily, GraphDefWireError, type LazyGraphDef } from '../../src/format/graph-def-lazy.ts';
import { AttrValueSchema, type GraphDef, GraphDefSchema, NodeDefSchema } from '../../src/format/protos.ts';
import { outputShapes } from '../../src/graph/tensor-shapes.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { lessonGraphDef } from '../graph/lesson-graph.ts';

/** What a consumer can see: every field (attrs read through), and each node's output shapes. */
function expectSameAsLibrary(bytes: Uint8Array, lazy: LazyGraphDef = decodeGraphDefLazily(bytes)): void {
  const reference = fromBinary(GraphDefSchema, bytes);
  lazy.def.node.forEach((n) => n.attr); // decoded first: on corrupt bytes this is where ours fails
  expect(lazy.def.node.map((n, i) => lazy.outputShapes(i))).toEqual(reference.node.map((n) => outputShapes(n.attr)));
  expect(lazy.def).toStrictEqual(reference);
  expect(toBinary(GraphDefSchema, lazy.def)).toEqual(toBinary(GraphDefSchema, reference));
}

/** Every graph our reader finds in the real files (graph_def, meta graph, run metadata, GraphDef files), as bytes. */
function realGraphBytes(): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/tfevents/.test(name)) {
        const file = relative(REAL_EVENTS_DIR, path);
        readRun('.', [[file, readRealEvent(file)]]).graphs.forEach((g, k) => {
          if (g.graphDef instanceof Uint8Array) out.push([`${file} #${k} (${g.source}${g.part === null ? '' : ` ${g.part}`})`, g.graphDef]);
        });
      } else if (/\.pbtxt$/.test(name)) {
        const file = relative(REAL_EVENTS_DIR, path);
        const source = graphFileSource(file, readRealEvent(file));
        out.push([`${file} (text, re-encoded)`, toBinary(GraphDefSchema, source.graphDef as GraphDef)]);
      }
    }
  };
  walk(REAL_EVENTS_DIR);
  return out;
}

describe.skipIf(!HAVE_REAL_EVENTS)(`real GraphDefs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  const graphs = HAVE_REAL_EVENTS ? realGraphBytes() : [];

  it('finds the real graphs, TF 1.x, TF 2.x function libraries and PyTorch among them', () => {
    expect(graphs.length).toBeGreaterThanOrEqual(10);
    expect(graphs.some(([name]) => name.includes('mobilenet'))).toBe(true);
    expect(graphs.some(([, b]) => (fromBinary(GraphDefSchema, b).library?.function.length ?? 0) > 0)).toBe(true);
  });

  it.each(graphs)('%s decodes as protobuf-es decodes it', (_name, bytes) => {
    expectSameAsLibrary(bytes);
  });

  it('decodes no attr until one is read, then keeps it', () => {
    const [, bytes] = graphs.find(([name]) => name.includes('mobilenet'))!;
    const { def } = decodeGraphDefLazily(bytes);
    const node = def.node.find((n) => n.op === 'Const')!;
    expect(Object.getOwnPropertyDescriptor(node, 'attr')!.get).toBeDefined();
    expect(Object.keys(node)).toEqual(['$typeName', 'name', 'op', 'input', 'device', 'attr']);
    const attr = node.attr;
    expect(Object.getOwnPropertyDescriptor(node, 'attr')!.value).toBe(attr);
    expect(node.attr).toBe(attr);
    expect(attr['value']?.value.case).toBe('tensor');
  });
});

describe('hand-made GraphDefs', () => {
  it('the lesson graph, and an empty GraphDef', () => {
    expectSameAsLibrary(toBinary(GraphDefSchema, lessonGraphDef()));
    expectSameAsLibrary(new Uint8Array(0));
  });

  it('random GraphDefs with every AttrValue kind, libraries and versions', () => {
    fc.assert(fc.property(graphDefArb, (init) => {
      expectSameAsLibrary(toBinary(GraphDefSchema, create(GraphDefSchema, init)));
    }), { numRuns: 300 });
  });

  it('NodeDefs assembled field by field: any order, given twice, merged values, unknown fields of every wire type', () => {
    fc.assert(fc.property(fc.array(fc.oneof(nodeBytesArb, unknownFieldArb), { maxLength: 6 }), (parts) => {
      const w = new BinaryWriter();
      for (const p of parts) {
        if (p.kind === 'node') w.tag(1, WireType.LengthDelimited).bytes(p.bytes);
        else writeUnknown(w, p);
      }
      expectSameAsLibrary(w.finish());
    }), { numRuns: 400 });
  });

  it('the key `__proto__` is an own attr, as protobuf-es makes it', () => {
    const node = new BinaryWriter().tag(1, WireType.LengthDelimited).string('n');
    node.tag(5, WireType.LengthDelimited).bytes(entry([['key', '__proto__'], ['value', attrBytes({ value: { case: 'i', value: 7n } })]]));
    const bytes = new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(node.finish()).finish();
    const attr = decodeGraphDefLazily(bytes).def.node[0]!.attr;
    expect(Object.getPrototypeOf(attr)).toBe(Object.prototype);
    expect(Object.keys(attr)).toEqual(['__proto__']);
    expectSameAsLibrary(bytes);
  });

  it('an attr map written over before it was read keeps the new value', () => {
    const { def } = decodeGraphDefLazily(toBinary(GraphDefSchema, lessonGraphDef()));
    const node = def.node.find((n) => Object.getOwnPropertyDescriptor(n, 'attr')!.get !== undefined)!;
    node.attr = {};
    expect(node.attr).toEqual({});
    expect(Object.getOwnPropertyDescriptor(node, 'attr')!.writable).toBe(true);
  });
});

describe('malformed bytes', () => {
  const valid = toBinary(GraphDefSchema, lessonGraphDef());

  /** Our reader on bytes protobuf-es may or may not accept: an offset error, or the same GraphDef. */
  function expectSafe(bytes: Uint8Array): 'same' | 'error' {
    let reference: GraphDef | Error;
    try {
      reference = fromBinary(GraphDefSchema, bytes);
    } catch (e) {
      reference = e as Error;
    }
    let lazy: LazyGraphDef;
    try {
      lazy = decodeGraphDefLazily(bytes);
    } catch (e) {
      expectOffsetError(e, bytes);
      return 'error';
    }
    if (!(reference instanceof Error)) {
      try {
        expectSameAsLibrary(bytes, lazy);
      } catch (e) {
        // Ours is stricter: protobuf-es reads a nested field past the end of its message (up
        // to the end of the buffer) and ignores the wire type of a known field.
        if (!(e instanceof GraphDefWireError)) throw e;
        expectOffsetError(e, bytes);
        return 'error';
      }
      return 'same';
    }
    // protobuf-es failed inside an attr value, which ours decodes when it is first read.
    expect(() => lazy.def.node.forEach((n, i) => [n.attr, lazy.outputShapes(i)])).toThrow(GraphDefWireError);
    try {
      lazy.def.node.forEach((n) => n.attr);
    } catch (e) {
      expectOffsetError(e, bytes);
    }
    return 'error';
  }

  function expectOffsetError(e: unknown, bytes: Uint8Array): void {
    expect(e).toBeInstanceOf(GraphDefWireError);
    const err = e as GraphDefWireError;
    expect(err.message).toMatch(/^GraphDef bytes are malformed at byte \d+: /);
    expect(err.offset).toBeGreaterThanOrEqual(0);
    expect(err.offset).toBeLessThanOrEqual(bytes.length);
  }

  it('every truncation of a GraphDef: the same GraphDef at a node boundary, otherwise an error with its offset', () => {
    const seen = new Set<string>();
    for (let n = 0; n < valid.length; n++) seen.add(expectSafe(valid.subarray(0, n)));
    expect(seen).toEqual(new Set(['same', 'error']));
  });

  it('random byte changes: never a hang or an out-of-range read, always an offset error or protobuf-es\' result', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }), (edits) => {
      const bytes = valid.slice();
      for (const [at, byte] of edits) bytes[at] = byte;
      expectSafe(bytes);
    }), { numRuns: 1500 });
  });

  it('random GraphDefs (libraries, tensors, unknown fields) cut short or changed', () => {
    const arb = fc.tuple(graphDefArb, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 }), fc.nat());
    fc.assert(fc.property(arb, ([init, edits, cut]) => {
      const bytes = toBinary(GraphDefSchema, create(GraphDefSchema, init));
      for (const [at, byte] of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      expectSafe(bytes.subarray(0, bytes.length - (cut % 4 === 0 ? 0 : cut % (bytes.length + 1))));
    }), { numRuns: 500 });
  });

  it('says what is wrong and where', () => {
    const cut = valid.subarray(0, 10);
    expect(() => decodeGraphDefLazily(cut)).toThrow(/^GraphDef bytes are malformed at byte 1: a length of \d+ runs past the end of its message \(8 bytes left\)$/);
    expect(() => decodeGraphDefLazily(Uint8Array.of(0x0a, 0x02, 0x08, 0x01))).toThrow('at byte 2: NodeDef field 1 has wire type 0, not 2 (length-delimited)');
    expect(() => decodeGraphDefLazily(Uint8Array.of(0x00))).toThrow('at byte 0: invalid field tag 0');
    expect(() => decodeGraphDefLazily(Uint8Array.of(0x0a, 0x03, 0x0a, 0x01, 0xff))).toThrow('at byte 3: a string is not valid UTF-8');
    expect(() => decodeGraphDefLazily(Uint8Array.of(0x1b, 0x0c))).toThrow('at byte 1: the group of field 3 is closed as field 1');
    // An attr value protobuf-es cannot read fails when the node's attrs are read, naming both.
    const bad = new BinaryWriter().tag(1, WireType.LengthDelimited).string('conv');
    bad.tag(5, WireType.LengthDelimited).bytes(entry([['key', 'T'], ['value', Uint8Array.of(0x3a, 0x05)]]));
    const { def } = decodeGraphDefLazily(new BinaryWriter().tag(1, WireType.LengthDelimited).bytes(bad.finish()).finish());
    expect(() => def.node[0]!.attr).toThrow(/^GraphDef bytes are malformed at byte 8: an attr of node 'conv': /);
  });
});

// --- arbitraries -------------------------------------------------------------------

type AttrInit = MessageInitShape<typeof AttrValueSchema>;

const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\uFEFFbom', 'é/ü', ''));
const shapeArb = fc.record({
  dim: fc.array(fc.record({ size: fc.oneof(int64, fc.constantFrom(-1n, 0n, 1n, 224n)), name: fc.oneof(fc.constant(''), text) }), { maxLength: 4 }),
  unknownRank: fc.boolean(),
});
const tensorArb = fc.record({
  dtype: fc.integer({ min: 0, max: 130 }),
  tensorShape: fc.option(shapeArb, { nil: undefined }),
  versionNumber: int32,
  tensorContent: fc.uint8Array({ maxLength: 8 }),
  floatVal: fc.array(fc.float(), { maxLength: 3 }),
  intVal: fc.array(int32, { maxLength: 3 }),
  stringVal: fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 2 }),
  int64Val: fc.array(int64, { maxLength: 2 }),
  boolVal: fc.array(fc.boolean(), { maxLength: 2 }),
  doubleVal: fc.array(fc.double(), { maxLength: 2 }),
});
const leafAttrArb: fc.Arbitrary<AttrInit> = fc.oneof(
  fc.constant({}),
  fc.uint8Array({ maxLength: 6 }).map((v) => ({ value: { case: 's' as const, value: v } })),
  int64.map((v) => ({ value: { case: 'i' as const, value: v } })),
  fc.float().map((v) => ({ value: { case: 'f' as const, value: v } })),
  fc.boolean().map((v) => ({ value: { case: 'b' as const, value: v } })),
  fc.oneof(fc.integer({ min: 0, max: 130 }), int32).map((v) => ({ value: { case: 'type' as const, value: v } })),
  shapeArb.map((v) => ({ value: { case: 'shape' as const, value: v } })),
  tensorArb.map((v) => ({ value: { case: 'tensor' as const, value: v } })),
  text.map((v) => ({ value: { case: 'placeholder' as const, value: v } })),
);
const funcArb = fc.record({ name: text, attr: fc.dictionary(text, leafAttrArb, { maxKeys: 2 }) });
const listArb = fc.record({
  s: fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 3 }),
  i: fc.array(int64, { maxLength: 3 }),
  f: fc.array(fc.float(), { maxLength: 3 }),
  b: fc.array(fc.boolean(), { maxLength: 3 }),
  type: fc.array(fc.integer({ min: 0, max: 130 }), { maxLength: 3 }),
  shape: fc.array(shapeArb, { maxLength: 3 }),
  tensor: fc.array(tensorArb, { maxLength: 1 }),
  func: fc.array(funcArb, { maxLength: 1 }),
});
const attrArb: fc.Arbitrary<AttrInit> = fc.oneof(
  leafAttrArb,
  listArb.map((v) => ({ value: { case: 'list' as const, value: v } })),
  shapeArb.map((v) => ({ value: { case: 'list' as const, value: { shape: [v] } } })), // `_output_shapes`' usual form
  funcArb.map((v) => ({ value: { case: 'func' as const, value: v } })),
);
const attrKey = fc.oneof(fc.constantFrom('_output_shapes', 'T', 'dtype', 'value', 'f', '_output_shapesX', '_output_shape'), text);
const attrMapArb = fc.array(fc.tuple(attrKey, attrArb), { maxLength: 4 }).map((entries) => {
  const attr: { [key: string]: AttrInit } = {};
  for (const [k, v] of entries) Object.defineProperty(attr, k, { value: v, writable: true, enumerable: true, configurable: true });
  return attr;
});
const nodeArb = fc.record({
  name: text,
  op: text,
  input: fc.array(text, { maxLength: 3 }),
  device: fc.oneof(fc.constant(''), text),
  attr: attrMapArb,
  experimentalDebugInfo: fc.option(fc.record({ originalNodeNames: fc.array(text, { maxLength: 2 }), originalFuncNames: fc.array(text, { maxLength: 2 }) }), { nil: undefined }),
});
const graphDefArb = fc.record({
  node: fc.array(nodeArb, { maxLength: 5 }),
  versions: fc.option(fc.record({ producer: int32, minConsumer: int32, badConsumers: fc.array(int32, { maxLength: 2 }) }), { nil: undefined }),
  version: int32,
  library: fc.option(fc.record({
    function: fc.array(fc.record({
      signature: fc.record({ name: text, inputArg: fc.array(fc.record({ name: text }), { maxLength: 2 }) }),
      nodeDef: fc.array(nodeArb, { maxLength: 2 }),
    }), { maxLength: 2 }),
  }), { nil: undefined }),
}) as fc.Arbitrary<MessageInitShape<typeof GraphDefSchema>>;

const attrBytes = (init: AttrInit): Uint8Array => toBinary(AttrValueSchema, create(AttrValueSchema, init));

/** A map entry from its fields in the given order (a key or value may come twice, or not at all). */
function entry(fields: readonly (readonly ['key', string] | readonly ['value', Uint8Array] | readonly ['unknown', UnknownField])[]): Uint8Array {
  const w = new BinaryWriter();
  for (const f of fields) {
    if (f[0] === 'key') w.tag(1, WireType.LengthDelimited).string(f[1]);
    else if (f[0] === 'value') w.tag(2, WireType.LengthDelimited).bytes(f[1]);
    else writeUnknown(w, f[1]);
  }
  return w.finish();
}

interface UnknownField { readonly kind: 'unknown'; readonly no: number; readonly wire: number; readonly v: bigint; readonly data: Uint8Array }
const unknownFieldArb: fc.Arbitrary<UnknownField> = fc.record({
  kind: fc.constant('unknown' as const),
  no: fc.integer({ min: 7, max: 1000 }),
  wire: fc.constantFrom(WireType.Varint, WireType.Bit64, WireType.LengthDelimited, WireType.StartGroup, WireType.Bit32),
  v: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  data: fc.uint8Array({ maxLength: 5 }),
});

function writeUnknown(w: BinaryWriter, u: UnknownField): void {
  w.tag(u.no, u.wire);
  if (u.wire === WireType.Varint) w.uint64(u.v);
  else if (u.wire === WireType.Bit64) w.fixed64(u.v);
  else if (u.wire === WireType.Bit32) w.fixed32(Number(u.v & 0xffffffffn));
  else if (u.wire === WireType.LengthDelimited) w.bytes(u.data);
  else w.tag(1, WireType.Varint).uint32(u.data.length).tag(u.no, WireType.EndGroup);
}

type NodeField =
  | readonly ['name' | 'op' | 'input' | 'device', string]
  | readonly ['attr', readonly (readonly ['key', string] | readonly ['value', Uint8Array] | readonly ['unknown', UnknownField])[]]
  | readonly ['debug', Uint8Array]
  | readonly ['unknown', UnknownField];

const entryFieldArb = fc.oneof(
  { weight: 3, arbitrary: attrKey.map((k) => ['key', k] as const) },
  { weight: 3, arbitrary: attrArb.map((a) => ['value', attrBytes(a)] as const) },
  { weight: 1, arbitrary: unknownFieldArb.map((u) => ['unknown', u] as const) },
);
const nodeFieldArb: fc.Arbitrary<NodeField> = fc.oneof(
  fc.tuple(fc.constantFrom('name' as const, 'op' as const, 'input' as const, 'device' as const), text),
  fc.array(entryFieldArb, { maxLength: 4 }).map((fields) => ['attr', fields] as const),
  fc.record({ originalNodeNames: fc.array(text, { maxLength: 2 }) })
    .map((d) => ['debug', toBinary(NodeDefSchema, create(NodeDefSchema, { experimentalDebugInfo: d }))] as const),
  unknownFieldArb.map((u) => ['unknown', u] as const),
);
const nodeBytesArb = fc.array(nodeFieldArb, { maxLength: 8 }).map((fields) => {
  const w = new BinaryWriter();
  const numbers = { name: 1, op: 2, input: 3, device: 4 } as const;
  for (const f of fields) {
    if (f[0] === 'attr') w.tag(5, WireType.LengthDelimited).bytes(entry(f[1]));
    else if (f[0] === 'debug') w.raw(f[1]); // field 6, tag included
    else if (f[0] === 'unknown') writeUnknown(w, f[1]);
    else w.tag(numbers[f[0]], WireType.LengthDelimited).string(f[1]);
  }
  return { kind: 'node' as const, bytes: w.finish() };
});
