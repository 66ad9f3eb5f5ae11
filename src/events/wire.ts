/**
 * A few protobuf wire-format walks over `bytes[start, end)`, for what does not need a
 * full decode: counting a GraphDef's nodes, or finding the GraphDef inside a
 * MetaGraphDef or RunMetadata without decoding thousands of NodeDefs. A 5000-node
 * GraphDef decodes in tens of milliseconds with protobuf-es; walking it takes well
 * under one. Every walk returns null on malformed input rather than throwing.
 */

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

/** Set by `readVarint`: the position after the varint just read (-1 when malformed). */
export let varintEnd = 0;

/**
 * A varint at `pos` as a number: exact up to 2^53 (larger values lose precision, as
 * JavaScript numbers do). Sets `varintEnd`.
 */
export function readVarint(b: Uint8Array, pos: number, end: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) break;
    const byte = b[pos++]!;
    result += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = pos;
      return result;
    }
    scale *= 128;
  }
  varintEnd = -1;
  return 0;
}

/** The position after the field value at `pos` of the given wire type, or -1 if malformed. */
export function skipValue(b: Uint8Array, pos: number, end: number, wireType: number): number {
  switch (wireType) {
    case WIRE_VARINT:
      readVarint(b, pos, end);
      return varintEnd;
    case WIRE_I64:
      return pos + 8 <= end ? pos + 8 : -1;
    case WIRE_I32:
      return pos + 4 <= end ? pos + 4 : -1;
    case WIRE_LEN: {
      const n = readVarint(b, pos, end);
      if (varintEnd < 0 || varintEnd + n > end) return -1;
      return varintEnd + n;
    }
    default:
      // Groups (3, 4) are proto2-only and never appear in TensorFlow's messages.
      return -1;
  }
}

/** One length-delimited field value: `bytes[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Every length-delimited occurrence of `field`, in order, after checking that the whole
 * message is well-formed; null when it is not.
 */
export function lengthDelimited(b: Uint8Array, start: number, end: number, field: number): Span[] | null {
  const out: Span[] = [];
  let pos = start;
  while (pos < end) {
    const key = readVarint(b, pos, end);
    if (varintEnd < 0 || key === 0 || key > 0xffffffff) return null;
    pos = varintEnd;
    const wireType = key & 7;
    if (key >>> 3 === field && wireType === WIRE_LEN) {
      const n = readVarint(b, pos, end);
      if (varintEnd < 0 || varintEnd + n > end) return null;
      out.push({ start: varintEnd, end: varintEnd + n });
      pos = varintEnd + n;
    } else {
      pos = skipValue(b, pos, end, wireType);
      if (pos < 0) return null;
    }
  }
  return out;
}

/** How many times `field` occurs (a repeated field's length), or null if malformed. */
export function countField(b: Uint8Array, start: number, end: number, field: number): number | null {
  let count = 0;
  let pos = start;
  while (pos < end) {
    const key = readVarint(b, pos, end);
    if (varintEnd < 0 || key === 0 || key > 0xffffffff) return null;
    if (key >>> 3 === field) count++;
    pos = skipValue(b, varintEnd, end, key & 7);
    if (pos < 0) return null;
  }
  return count;
}
