/**
 * Static shapes and tensor values ⇄ TensorShapeProto / TensorProto, encoded the way
 * TF 1.x's Python `make_tensor_proto` writes a `Const`'s `value`.
 */
import { create } from '@bufbuild/protobuf';
import { DATA_TYPE_ENUM, dtypeFromEnum } from '../engine/dtype.ts';
import { numElements, type Shape } from '../engine/shape.ts';
import { allocate, type StringElement, type TensorValue } from '../engine/tensor-value.ts';
import { type TensorProto, TensorProtoSchema, type TensorShapeProto, TensorShapeProtoSchema } from './protos.ts';

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are UTF-8, else the bytes themselves (image headers, serialized protos). */
function decodeStringElement(b: Uint8Array): StringElement {
  try {
    return strictUtf8.decode(b);
  } catch {
    return b;
  }
}

/** TF's `TensorShape.as_proto()`: unknown rank → `unknown_rank`, unknown dims → -1, scalar → no dims. */
export function shapeToProto(shape: Shape): TensorShapeProto {
  if (shape === null) return create(TensorShapeProtoSchema, { unknownRank: true });
  return create(TensorShapeProtoSchema, { dim: shape.map((d) => ({ size: BigInt(d ?? -1) })) });
}

export function shapeFromProto(p: TensorShapeProto | undefined): Shape {
  if (p === undefined) return null;
  if (p.unknownRank) return null;
  return p.dim.map((d) => (d.size < 0n ? null : Number(d.size)));
}

/** Whether every element is the same (Object.is, so -0 and 0 stay distinct). */
function allSame(data: ArrayLike<unknown>): boolean {
  for (let i = 1; i < data.length; i++) if (!Object.is(data[i], data[0])) return false;
  return true;
}

function stringBytes(s: StringElement): Uint8Array {
  return typeof s === 'string' ? utf8.encode(s) : s;
}

/**
 * Python's `make_tensor_proto`: a tensor of more than one element whose values were all
 * given goes into `tensor_content` (raw little-endian bytes) for float and int32, and a
 * single value that fills a shape (`tf.zeros`, `tf.constant(0.1, shape=[1, 10])`) goes
 * into `float_val`/`int_val` once; bool and string values are listed in `bool_val` /
 * `string_val`. A TensorValue does not remember which way it was written, so we follow
 * what TF 1.x graphs show (every Const of the TF 1.x graphs in ../shared/data/real-events):
 * float32 tensors whose elements are all equal are fills (written once); int32 tensors
 * of several elements are shapes and indices given in full (always `tensor_content`, even
 * `[1, 1]`); bool and string list every element.
 */
export function tensorToProto(v: TensorValue): TensorProto {
  const p = create(TensorProtoSchema, { dtype: DATA_TYPE_ENUM[v.dtype], tensorShape: shapeToProto(v.shape) });
  const n = v.data.length;
  if (n === 0) return p;
  switch (v.dtype) {
    case 'float32':
    case 'int32': {
      const data = v.data as Float32Array | Int32Array;
      if (n === 1 || (v.dtype === 'float32' && allSame(data))) {
        if (v.dtype === 'float32') p.floatVal = [data[0]!];
        else p.intVal = [data[0]!];
      } else {
        const bytes = new Uint8Array(n * 4);
        const view = new DataView(bytes.buffer);
        for (let i = 0; i < n; i++) {
          if (v.dtype === 'float32') view.setFloat32(i * 4, data[i]!, true);
          else view.setInt32(i * 4, data[i]!, true);
        }
        p.tensorContent = bytes;
      }
      break;
    }
    case 'bool':
      p.boolVal = Array.from(v.data as Uint8Array, (x) => x !== 0);
      break;
    case 'string':
      p.stringVal = (v.data as StringElement[]).map(stringBytes);
      break;
  }
  return p;
}

/** Decode a TensorProto of a dtype Keisan computes with (float32, int32, bool, string). */
export function tensorFromProto(p: TensorProto): TensorValue {
  const dtype = dtypeFromEnum(p.dtype);
  if (dtype === null) throw new Error(`Unsupported tensor dtype enum ${p.dtype}`);
  const shape = shapeFromProto(p.tensorShape);
  if (shape === null || shape.some((d) => d === null)) throw new Error('A tensor value must have a fully defined shape');
  const out = allocate(dtype, shape as number[]);
  const n = numElements(shape as number[]);
  if (p.tensorContent.length > 0) {
    if (dtype === 'string') throw new Error('string tensors have no tensor_content form');
    if (dtype === 'bool') {
      (out.data as Uint8Array).set(p.tensorContent.subarray(0, n));
      return out;
    }
    const view = new DataView(p.tensorContent.buffer, p.tensorContent.byteOffset, p.tensorContent.byteLength);
    const d = out.data as Float32Array | Int32Array;
    for (let i = 0; i < n; i++) d[i] = dtype === 'float32' ? view.getFloat32(i * 4, true) : view.getInt32(i * 4, true);
    return out;
  }
  const vals: ArrayLike<unknown> =
    dtype === 'float32' ? p.floatVal : dtype === 'int32' ? p.intVal : dtype === 'bool' ? p.boolVal : p.stringVal.map(decodeStringElement);
  if (vals.length === 0) return out;
  // Version-0 rule: the last given value fills the rest of the shape.
  const d = out.data as unknown[];
  for (let i = 0; i < n; i++) {
    const x = vals[Math.min(i, vals.length - 1)];
    d[i] = typeof x === 'boolean' ? (x ? 1 : 0) : x;
  }
  return out;
}
