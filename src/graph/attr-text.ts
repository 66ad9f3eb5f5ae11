/**
 * NodeDef attributes as short readable text for the graph's info panel: dtype names as
 * Python TF writes them (`float32`, `int64_ref`), shapes as `[?, 784]`, small tensors with
 * their values, strings decoded.
 *
 *     attrText(node.attr['dtype'])   // 'float32'
 *     attrText(node.attr['value'])   // 'float32 [2] = [0.5, 1]'
 */
import type { AttrValue, TensorProto, TensorShapeProto } from '../format/protos.ts';

/** TF's DataType enum → its Python name (tensorflow/python/framework/dtypes.py). */
const DTYPE_NAMES: Record<number, string> = {
  1: 'float32', 2: 'float64', 3: 'int32', 4: 'uint8', 5: 'int16', 6: 'int8', 7: 'string', 8: 'complex64', 9: 'int64',
  10: 'bool', 11: 'qint8', 12: 'quint8', 13: 'qint32', 14: 'bfloat16', 15: 'qint16', 16: 'quint16', 17: 'uint16',
  18: 'complex128', 19: 'float16', 20: 'resource', 21: 'variant', 22: 'uint32', 23: 'uint64',
};

/** How many tensor values the panel lists before it only gives the count. */
export const MAX_SHOWN_VALUES = 16;
const MAX_STRING = 200;

export function dtypeName(enumValue: number): string {
  // Reference types are the base type + 100 (DT_FLOAT_REF = 101).
  if (enumValue > 100) return `${dtypeName(enumValue - 100)}_ref`;
  return DTYPE_NAMES[enumValue] ?? `dtype(${enumValue})`;
}

/** `[?, 784]`, `[]` for a scalar, `<unknown>` when even the rank is unknown. */
export function shapeText(shape: TensorShapeProto | undefined): string {
  if (shape === undefined || shape.unknownRank) return '<unknown>';
  return `[${shape.dim.map((d) => (d.size < 0n ? '?' : String(d.size))).join(', ')}]`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function quoted(s: string): string {
  const cut = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s;
  return JSON.stringify(cut);
}

/** Text for bytes that are UTF-8, else their length (serialized protos, image data). */
export function bytesText(b: Uint8Array): string {
  try {
    return quoted(utf8.decode(b));
  } catch {
    return `<${b.length} bytes>`;
  }
}

function num(x: number | bigint): string {
  if (typeof x === 'bigint') return x.toString();
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** IEEE half (or bfloat16, `bf`) bits → number. */
function halfToNumber(bits: number, bf: boolean): number {
  if (bf) return new Float32Array(new Uint32Array([bits << 16]).buffer)[0]!;
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

type Reader = (v: DataView, i: number) => number | bigint | boolean;
const RAW: Record<number, readonly [bytes: number, read: Reader]> = {
  1: [4, (v, i) => v.getFloat32(i * 4, true)], 2: [8, (v, i) => v.getFloat64(i * 8, true)],
  3: [4, (v, i) => v.getInt32(i * 4, true)], 4: [1, (v, i) => v.getUint8(i)], 5: [2, (v, i) => v.getInt16(i * 2, true)],
  6: [1, (v, i) => v.getInt8(i)], 9: [8, (v, i) => v.getBigInt64(i * 8, true)], 10: [1, (v, i) => v.getUint8(i) !== 0],
  14: [2, (v, i) => halfToNumber(v.getUint16(i * 2, true), true)], 17: [2, (v, i) => v.getUint16(i * 2, true)],
  19: [2, (v, i) => halfToNumber(v.getUint16(i * 2, true), false)], 22: [4, (v, i) => v.getUint32(i * 4, true)],
  23: [8, (v, i) => v.getBigUint64(i * 8, true)],
};

/** Up to `max` values of a tensor as text, or null when its dtype cannot be listed. */
function tensorValues(t: TensorProto, count: number, max: number): string[] | null {
  const n = Math.min(count, max);
  if (t.tensorContent.length > 0) {
    const raw = RAW[t.dtype];
    if (raw === undefined) return null;
    const view = new DataView(t.tensorContent.buffer, t.tensorContent.byteOffset, t.tensorContent.byteLength);
    const have = Math.min(n, Math.floor(t.tensorContent.length / raw[0]));
    return Array.from({ length: have }, (_, i) => {
      const x = raw[1](view, i);
      return typeof x === 'boolean' ? String(x) : num(x);
    });
  }
  const given: readonly (number | bigint | boolean | string)[] =
    t.dtype === 7 ? t.stringVal.map(bytesText)
    : t.dtype === 19 || t.dtype === 14 ? t.halfVal.map((h) => halfToNumber(h, t.dtype === 14))
    : [t.floatVal, t.doubleVal, t.intVal, t.int64Val, t.boolVal, t.uint32Val, t.uint64Val].find((a) => a.length > 0) ?? [];
  if (given.length === 0) return count === 0 ? [] : null;
  // A proto may give fewer values than the shape holds: the last one fills the rest (TF's rule).
  return Array.from({ length: n }, (_, i) => {
    const x = given[Math.min(i, given.length - 1)]!;
    return typeof x === 'number' || typeof x === 'bigint' ? num(x) : String(x);
  });
}

/** `float32 [2, 2] = [1, 2, 3, 4]`; large tensors: `float32 [784, 10] (7840 values)`. */
export function tensorText(t: TensorProto): string {
  const head = `${dtypeName(t.dtype)} ${shapeText(t.tensorShape)}`;
  const dims = t.tensorShape?.dim.map((d) => Number(d.size)) ?? [];
  const count = dims.reduce((a, b) => a * b, 1);
  if (!Number.isFinite(count) || count < 0) return head;
  if (count > MAX_SHOWN_VALUES) return `${head} (${count} values)`;
  const values = tensorValues(t, count, MAX_SHOWN_VALUES);
  if (values === null) return head;
  return dims.length === 0 ? `${head} = ${values[0] ?? ''}` : `${head} = [${values.join(', ')}]`;
}

function listText(items: readonly string[]): string {
  const shown = items.slice(0, MAX_SHOWN_VALUES);
  return `[${shown.join(', ')}${items.length > shown.length ? `, … (${items.length} items)` : ''}]`;
}

export function attrText(a: AttrValue | undefined): string {
  if (a === undefined) return '';
  const v = a.value;
  switch (v.case) {
    case 's': return bytesText(v.value);
    case 'i': return v.value.toString();
    case 'f': return num(v.value);
    case 'b': return String(v.value);
    case 'type': return dtypeName(v.value);
    case 'shape': return shapeText(v.value);
    case 'tensor': return tensorText(v.value);
    case 'placeholder': return `$${v.value}`;
    case 'func': return v.value.name;
    case 'list': {
      const l = v.value;
      const items = l.s.length > 0 ? l.s.map(bytesText) : l.i.length > 0 ? l.i.map(num) : l.f.length > 0 ? l.f.map(num)
        : l.b.length > 0 ? l.b.map(String) : l.type.length > 0 ? l.type.map(dtypeName) : l.shape.length > 0 ? l.shape.map(shapeText)
        : l.tensor.length > 0 ? l.tensor.map(tensorText) : l.func.map((f) => f.name);
      return listText(items);
    }
    default: return '';
  }
}
