import type { DType } from './dtype.ts';
import { numElements } from './shape.ts';

/** String elements are bytes in TF; we keep text as JS strings and binary payloads (serialized Summaries) as bytes. */
export type StringElement = string | Uint8Array;
export type TensorData = Float32Array | Int32Array | Uint8Array | StringElement[];

/** A concrete tensor: what kernels consume and produce on the CPU backend. */
export interface TensorValue {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: TensorData;
}

export type NestedArray = number | boolean | string | Uint8Array | NestedArray[];
/** What a user may pass as a value: a number, nested arrays, or a typed array (flat; shape given elsewhere). */
export type ValueLike = NestedArray | Float32Array | Int32Array | Uint8Array | readonly ValueLike[];

export function allocate(dtype: DType, shape: readonly number[]): TensorValue {
  const n = numElements(shape);
  return { dtype, shape, data: allocateData(dtype, n) };
}

export function allocateData(dtype: DType, n: number): TensorData {
  switch (dtype) {
    case 'float32': return new Float32Array(n);
    case 'int32': return new Int32Array(n);
    case 'bool': return new Uint8Array(n);
    case 'string': return new Array<StringElement>(n).fill('');
  }
}

export function scalar(value: number | string | boolean, dtype: DType): TensorValue {
  const v = allocate(dtype, []);
  (v.data as unknown as unknown[])[0] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return v;
}

/** Shape of a nested JS array (rectangular); throws on ragged input. */
export function inferShape(value: unknown): number[] {
  const shape: number[] = [];
  let cur = value;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

function flatten(value: unknown, shape: readonly number[], depth: number, out: unknown[], path: string): void {
  if (depth === shape.length) {
    if (Array.isArray(value)) throw new Error(`Ragged nested array at ${path || 'top level'}: expected a scalar`);
    out.push(value);
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[depth]) {
    throw new Error(`Ragged nested array at ${path || 'top level'}: expected ${shape[depth]} elements`);
  }
  for (let i = 0; i < value.length; i++) flatten(value[i], shape, depth + 1, out, `${path}[${i}]`);
}

export function guessDType(value: unknown): DType {
  if (value instanceof Int32Array) return 'int32';
  if (value instanceof Uint8Array) return 'bool';
  if (value instanceof Float32Array || value instanceof Float64Array) return 'float32';
  let cur = value;
  while (Array.isArray(cur)) cur = cur[0];
  if (typeof cur === 'string') return 'string';
  if (typeof cur === 'boolean') return 'bool';
  return 'float32';
}

/**
 * Build a TensorValue from JS data. Typed arrays are taken as flat data of `shape`
 * (or 1-D); nested arrays give their own shape. A single value with a larger `shape`
 * fills it, as `tf.constant(0, shape=[2, 3])` does.
 */
export function fromJs(value: ValueLike, dtype?: DType, shape?: readonly number[]): TensorValue {
  const dt = dtype ?? guessDType(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as Float32Array | Int32Array | Uint8Array;
    const sh = shape ?? [arr.length];
    if (numElements(sh) !== arr.length) throw new Error(`Cannot reshape ${arr.length} values into shape [${sh.join(', ')}]`);
    const data = allocateData(dt, arr.length) as Float32Array | Int32Array | Uint8Array;
    if (dt === 'string') throw new Error('A typed array cannot hold strings');
    data.set(arr as ArrayLike<number>);
    return { dtype: dt, shape: sh, data };
  }
  const natural = inferShape(value);
  const flat: unknown[] = [];
  flatten(value, natural, 0, flat, '');
  let sh: readonly number[] = natural;
  if (shape !== undefined) {
    const n = numElements(shape);
    if (flat.length === 1 && n !== 1) {
      const fill = flat[0];
      flat.length = 0;
      for (let i = 0; i < n; i++) flat.push(fill);
    } else if (flat.length !== n) {
      throw new Error(`Cannot reshape a tensor with ${flat.length} elements to shape [${shape.join(', ')}] (${n} elements)`);
    }
    sh = shape;
  }
  const data = allocateData(dt, flat.length);
  if (dt === 'string') {
    for (let i = 0; i < flat.length; i++) (data as StringElement[])[i] = flat[i] as StringElement;
  } else {
    const d = data as Float32Array | Int32Array | Uint8Array;
    for (let i = 0; i < flat.length; i++) {
      const x = flat[i];
      d[i] = typeof x === 'boolean' ? (x ? 1 : 0) : (x as number);
    }
  }
  return { dtype: dt, shape: sh, data };
}

/**
 * `value` itself as a tensor of `dtype` (shape `shape`, default 1-D), without copying,
 * when it is already the typed array that dtype is stored in (Float32Array for float32,
 * Int32Array for int32, Uint8Array for bool) with the shape's element count; else null
 * (then `fromJs` converts). The result shares memory with `value`.
 *
 *     typedView(new Float32Array(6), 'float32', [2, 3]); // { dtype: 'float32', shape: [2, 3], data: <the same array> }
 *     typedView(new Float64Array(6), 'float32'); // null
 */
export function typedView(value: unknown, dtype: DType, shape?: readonly number[]): TensorValue | null {
  const ctor = dtype === 'float32' ? Float32Array : dtype === 'int32' ? Int32Array : dtype === 'bool' ? Uint8Array : null;
  if (ctor === null || !(value instanceof ctor) || value.constructor !== ctor) return null;
  const sh = shape ?? [value.length];
  if (numElements(sh) !== value.length) return null;
  return { dtype, shape: sh, data: value };
}

/** What `Session.run` hands back: scalars as JS scalars, higher ranks as nested arrays. */
export function toJs(v: TensorValue): NestedArray {
  const read = (i: number): NestedArray => {
    const x = v.data[i]!;
    if (v.dtype === 'bool') return x !== 0;
    return x as NestedArray;
  };
  if (v.shape.length === 0) return read(0);
  let offset = 0;
  const build = (depth: number): NestedArray[] => {
    const n = v.shape[depth]!;
    const out: NestedArray[] = new Array(n);
    if (depth === v.shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = read(offset++);
    } else {
      for (let i = 0; i < n; i++) out[i] = build(depth + 1);
    }
    return out;
  };
  return build(0);
}
