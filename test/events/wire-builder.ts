/**
 * Hand-written protobuf wire bytes, for events protobuf-es would never write: unpacked
 * repeated floats, duplicated fields, tensor_content scalars, node_name, odd field
 * orders. The fast path must treat them exactly as the generic decoder does.
 */
import fc from 'fast-check';
import { encodeRecord } from '../../src/format/tfrecord.ts';
import { concat } from './scan.ts';

type Bytes = Uint8Array;

export function varint(v: number | bigint): Bytes {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x > 0n ? b | 0x80 : b);
  } while (x > 0n);
  return Uint8Array.from(out);
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
export const lenField = (field: number, payload: Bytes): Bytes => concat([key(field, 2), varint(payload.length), payload]);
export const varintField = (field: number, v: number | bigint): Bytes => concat([key(field, 0), varint(v)]);

export function f32Field(field: number, x: number): Bytes {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, x, true);
  return concat([key(field, 5), b]);
}

export function f64Field(field: number, x: number): Bytes {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x, true);
  return concat([key(field, 1), b]);
}

function packed(field: number, xs: number[], size: 4 | 8): Bytes {
  const b = new Uint8Array(xs.length * size);
  const v = new DataView(b.buffer);
  xs.forEach((x, i) => (size === 4 ? v.setFloat32(i * size, x, true) : v.setFloat64(i * size, x, true)));
  return lenField(field, b);
}

const utf8 = new TextEncoder();
const TAGS = ['loss', 'acc', 'ü-tag'];
const TENSOR_TAGS = ['t/a', 'x'.repeat(40)];
const PLUGINS = ['scalars', 'histograms', 'my_plugin', ''];

const metadata = (plugin: string) => lenField(9, lenField(1, plugin === '' ? new Uint8Array(0) : lenField(1, utf8.encode(plugin))));

/** A TensorProto holding (or almost holding) one number, in one of the encodings writers use. */
const tensor = fc.record({
  dtype: fc.constantFrom(1, 1, 1, 1, 2, 2, 2, 0, 3),
  form: fc.constantFrom('packed', 'packed', 'packed', 'packed', 'unpacked', 'unpacked', 'content', 'content', 'none', 'two', 'both'),
  shape: fc.constantFrom('absent', 'absent', 'scalar', 'scalar', 'scalar', '[1]', '[2]'),
  x: fc.double({ noDefaultInfinity: false }),
}).map(({ dtype, form, shape, x }) => {
  const size = dtype === 2 ? 8 : 4;
  const valField = dtype === 2 ? 6 : 5;
  const parts: Bytes[] = [varintField(1, dtype)];
  if (shape !== 'absent') parts.push(lenField(2, shape === 'scalar' ? new Uint8Array(0) : lenField(2, varintField(1, shape === '[1]' ? 1 : 2))));
  const content = new Uint8Array(size);
  if (size === 4) new DataView(content.buffer).setFloat32(0, x, true);
  else new DataView(content.buffer).setFloat64(0, x, true);
  if (form === 'packed' || form === 'both') parts.push(packed(valField, [x], size));
  if (form === 'unpacked') parts.push(size === 4 ? f32Field(5, x) : f64Field(6, x));
  if (form === 'two') parts.push(packed(valField, [x, x + 1], size));
  if (form === 'content' || form === 'both') parts.push(lenField(4, content));
  return concat(parts);
});

/**
 * A Summary.Value: mostly scalars in every form, sometimes something else. Scalar tensors
 * mostly go to tags of their own, as writers do, where metadata of the `scalars` plugin
 * makes them scalar series; now and then a tag gets a value of another kind.
 */
const value = fc.record({
  kind: fc.constantFrom('simple', 'simple', 'simple', 'tensor', 'tensor', 'tensor', 'histo'),
  ownTag: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  tagIndex: fc.nat(),
  noTag: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  x: fc.float(),
  tensor,
  meta: fc.oneof({ weight: 6, arbitrary: fc.constant('own') }, { weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...PLUGINS) }),
  nodeName: fc.boolean(),
  secondTensor: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
}).map((v) => {
  const tensorTags = v.kind === 'tensor' ? v.ownTag : !v.ownTag;
  const pool = tensorTags ? TENSOR_TAGS : TAGS;
  const parts: Bytes[] = [];
  if (!v.noTag) parts.push(lenField(1, utf8.encode(pool[v.tagIndex % pool.length]!)));
  if (v.nodeName) parts.push(lenField(7, utf8.encode('node')));
  if (v.kind === 'simple') parts.push(f32Field(2, v.x));
  if (v.kind === 'tensor') parts.push(lenField(8, v.tensor));
  if (v.kind === 'tensor' && v.secondTensor) parts.push(lenField(8, v.tensor));
  if (v.kind === 'histo') parts.push(lenField(5, concat([f64Field(1, v.x), f64Field(3, 1)])));
  if (v.meta === 'own' && v.kind === 'tensor') parts.push(metadata('scalars'));
  else if (v.meta !== null && v.meta !== 'own') parts.push(metadata(v.meta));
  return concat(parts);
});

/** One Event record: summaries with any step and wall time, now and then a file_version or a duplicated field. */
export const eventRecord = fc.record({
  step: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -5, max: 2 ** 31 + 5 }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  wallTime: fc.double(),
  values: fc.array(value, { maxLength: 3 }),
  extra: fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('fileVersion', 'stepTwice', 'sourceMetadata', 'summaryTwice') }),
}).map((e) => {
  const summary = concat(e.values.map((v) => lenField(1, v)));
  const parts: Bytes[] = [f64Field(1, e.wallTime), varintField(2, e.step)];
  if (e.extra === 'stepTwice') parts.push(varintField(2, 7));
  if (e.extra === 'fileVersion') parts.push(lenField(3, utf8.encode('brain.Event:2')));
  else parts.push(lenField(5, summary));
  if (e.extra === 'summaryTwice') parts.push(lenField(5, summary));
  if (e.extra === 'sourceMetadata') parts.push(lenField(10, lenField(1, utf8.encode('w'))));
  return encodeRecord(concat(parts));
});
