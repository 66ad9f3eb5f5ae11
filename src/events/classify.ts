/**
 * Which dashboard a summary value belongs to, decided as TensorBoard decides it
 * (tensorboard/data_compat.py `migrate_value`, then the plugin of the tag's metadata):
 * legacy `simple_value`, `histo`, `image`, `audio` by their field; tensor summaries by
 * `metadata.plugin_data.plugin_name` of the tag's first value carrying metadata (TF
 * writes metadata only with a tag's first value; later values inherit the plugin).
 */
import { DataType, type Summary_Value, type TensorProto } from '../format/protos.ts';
import type { TagKind } from './run-data.ts';

/** Plugin names as TensorBoard's plugins register them → our kinds. */
const PLUGIN_KINDS: Readonly<Record<string, TagKind>> = {
  scalars: 'scalar',
  histograms: 'histogram',
  images: 'image',
  audio: 'audio',
  text: 'text',
  hparams: 'hparams',
  pr_curves: 'pr_curve',
  // The graph plugin's three summary forms (tensorboard/plugins/graph/metadata.py).
  graph_keras_model: 'graph',
  graph_run_metadata: 'graph',
  graph_run_metadata_graph: 'graph',
};

/** The kind of a tensor summary (or a value with no payload) of `plugin` ('' for none). */
export function pluginKind(plugin: string): TagKind {
  if (plugin === '') return 'tensor';
  return Object.hasOwn(PLUGIN_KINDS, plugin) ? PLUGIN_KINDS[plugin]! : plugin;
}

/** `plugin`: the plugin of the value's own metadata, else the one its tag inherited. */
export function valueKind(value: Summary_Value, plugin: string): TagKind {
  switch (value.value.case) {
    case 'simpleValue':
      return 'scalar';
    case 'histo':
    case 'obsoleteOldStyleHistogram':
      return 'histogram';
    case 'image':
      return 'image';
    case 'audio':
      return 'audio';
    default:
      // A tensor, or only metadata (the hparams plugin keeps its data in the metadata).
      return pluginKind(plugin);
  }
}

/** The number a scalar-kind value holds, or null when it does not hold exactly one. */
export function scalarOf(value: Summary_Value): number | null {
  if (value.value.case === 'simpleValue') return value.value.value;
  if (value.value.case === 'tensor') return tensorScalar(value.value.value);
  return null;
}

function elementCount(t: TensorProto): number {
  let n = 1;
  for (const d of t.tensorShape?.dim ?? []) n *= Number(d.size);
  return n;
}

/** IEEE half (or bfloat16 when `bf16`) from its 16 bits. */
function fromHalfBits(bits: number, bf16: boolean): number {
  if (bf16) {
    const f = new Float32Array(new Uint32Array([bits << 16]).buffer);
    return f[0]!;
  }
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/**
 * The single element of a one-element tensor as a number (TensorBoard's scalars plugin:
 * `make_ndarray(tensor).item()`; no value at all reads as 0, as there), or null for other
 * tensors, non-numeric dtypes and `tensor_content` too short for the dtype.
 */
export function tensorScalar(t: TensorProto): number | null {
  if (elementCount(t) !== 1) return null;
  const c = t.tensorContent;
  const view = new DataView(c.buffer, c.byteOffset, c.byteLength);
  const fromContent = c.length > 0;
  switch (t.dtype) {
    case DataType.DT_FLOAT:
      return fromContent ? (c.length >= 4 ? view.getFloat32(0, true) : null) : (t.floatVal[0] ?? 0);
    case DataType.DT_DOUBLE:
      return fromContent ? (c.length >= 8 ? view.getFloat64(0, true) : null) : (t.doubleVal[0] ?? 0);
    case DataType.DT_HALF:
    case DataType.DT_BFLOAT16: {
      const bits = fromContent ? (c.length >= 2 ? view.getUint16(0, true) : null) : (t.halfVal[0] ?? 0);
      return bits === null ? null : fromHalfBits(bits, t.dtype === DataType.DT_BFLOAT16);
    }
    case DataType.DT_INT32:
      return fromContent ? (c.length >= 4 ? view.getInt32(0, true) : null) : (t.intVal[0] ?? 0);
    case DataType.DT_INT16:
      return fromContent ? (c.length >= 2 ? view.getInt16(0, true) : null) : (t.intVal[0] ?? 0);
    case DataType.DT_INT8:
      return fromContent ? view.getInt8(0) : (t.intVal[0] ?? 0);
    case DataType.DT_UINT8:
      return fromContent ? view.getUint8(0) : (t.intVal[0] ?? 0);
    case DataType.DT_UINT16:
      return fromContent ? (c.length >= 2 ? view.getUint16(0, true) : null) : (t.intVal[0] ?? 0);
    case DataType.DT_UINT32:
      return fromContent ? (c.length >= 4 ? view.getUint32(0, true) : null) : (t.uint32Val[0] ?? 0);
    case DataType.DT_INT64:
      return fromContent ? (c.length >= 8 ? Number(view.getBigInt64(0, true)) : null) : Number(t.int64Val[0] ?? 0n);
    case DataType.DT_UINT64:
      return fromContent ? (c.length >= 8 ? Number(view.getBigUint64(0, true)) : null) : Number(t.uint64Val[0] ?? 0n);
    case DataType.DT_BOOL:
      return fromContent ? (view.getUint8(0) !== 0 ? 1 : 0) : t.boolVal[0] === true ? 1 : 0;
    default:
      return null;
  }
}
