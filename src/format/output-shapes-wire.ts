/**
 * A NodeDef's `_output_shapes` attr read straight from its wire bytes as dimension
 * numbers, without building AttrValue objects: what the graph view's hierarchy build
 * needs of every node (edge widths and shape labels), read the way
 * src/graph/tensor-shapes.ts `outputShapes` reads a decoded attr (an unknown rank is
 * null; a value that is not a list gives null). protobuf-es' decode of the attr cost
 * ~6 µs per node (32 ms of MobileNet's ~75 ms GraphDef decode in Node).
 *
 * The common form (one value: a list of shapes with dims) is read by hand; anything
 * else — a value field given twice, unknown fields, another kind of value — is decoded
 * by protobuf-es from the same bytes, so the result is always the one a decoded attr gives.
 *
 *     outputShapesOfEntry(bytes, fieldStart, entryStart, entryEnd)   // [[-1, 224, 224, 3]]
 */
import { fromBinary } from '@bufbuild/protobuf';
import { NodeDefSchema } from './protos.ts';
import { WIRE_LEN, WIRE_VARINT, WireReader } from './wire-reader.ts';

/** One shape per output: dimension sizes (-1 unknown), or null for an unknown rank. */
export type OutputShapeList = (number[] | null)[];

export const OUTPUT_SHAPES_KEY = '_output_shapes';

const ENTRY_VALUE = 2;
const ATTR_LIST = 1;
const LIST_SHAPE = 7;
const SHAPE_DIM = 2;
const SHAPE_UNKNOWN_RANK = 3;
const DIM_SIZE = 1;
const DIM_NAME = 2;

/**
 * The shapes in an `_output_shapes` map entry whose payload is `[entryStart, entryEnd)`;
 * `fieldStart` is where its NodeDef field (tag included) starts, for protobuf-es to decode
 * the entry when it is not in the common form.
 */
export function outputShapesOfEntry(buf: Uint8Array, fieldStart: number, entryStart: number, entryEnd: number): OutputShapeList | null {
  return readCommonForm(new WireReader(buf), entryStart, entryEnd) ?? decodedShapes(buf.subarray(fieldStart, entryEnd));
}

/** protobuf-es' reading of the entry, as tensor-shapes.ts `outputShapes` reads the attr. */
function decodedShapes(field: Uint8Array): OutputShapeList | null {
  const value = fromBinary(NodeDefSchema, field).attr[OUTPUT_SHAPES_KEY]?.value;
  if (value === undefined || value.case !== 'list') return null;
  return value.value.shape.map((s) => (s.unknownRank ? null : s.dim.map((d) => Number(d.size))));
}

/** The shapes when the entry has one value holding only `list.shape`; undefined otherwise. */
function readCommonForm(r: WireReader, start: number, end: number): OutputShapeList | undefined {
  r.pos = start;
  let valueStart = -1;
  let valueEnd = -1;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === (ENTRY_VALUE << 3 | WIRE_LEN)) {
      if (valueStart >= 0) return undefined; // protobuf merges a value given twice
      valueEnd = r.lengthEnd(end);
      valueStart = r.pos;
      r.pos = valueEnd;
    } else r.skip(tag, end);
  }
  if (valueStart < 0) return undefined;
  r.pos = valueStart;
  if (valueStart === valueEnd || r.tag(valueEnd) !== (ATTR_LIST << 3 | WIRE_LEN)) return undefined;
  const listEnd = r.lengthEnd(valueEnd);
  if (listEnd !== valueEnd) return undefined;
  const shapes: OutputShapeList = [];
  while (r.pos < listEnd) {
    if (r.tag(listEnd) !== (LIST_SHAPE << 3 | WIRE_LEN)) return undefined;
    const shape = readShape(r, r.lengthEnd(listEnd));
    if (shape === undefined) return undefined;
    shapes.push(shape);
  }
  return shapes;
}

function readShape(r: WireReader, end: number): number[] | null | undefined {
  const dims: number[] = [];
  let unknownRank = false;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === (SHAPE_DIM << 3 | WIRE_LEN)) {
      const size = readDim(r, r.lengthEnd(end));
      if (size === undefined) return undefined;
      dims.push(size);
    } else if (tag === (SHAPE_UNKNOWN_RANK << 3 | WIRE_VARINT)) unknownRank = r.int64Number(end) !== 0;
    else return undefined;
  }
  return unknownRank ? null : dims;
}

function readDim(r: WireReader, end: number): number | undefined {
  let size = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === (DIM_SIZE << 3 | WIRE_VARINT)) size = r.int64Number(end);
    else if (tag === (DIM_NAME << 3 | WIRE_LEN)) r.string(end); // checked as protobuf-es checks it (UTF-8), then dropped
    else return undefined;
  }
  return size;
}
