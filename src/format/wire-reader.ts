/**
 * A cursor over protobuf wire bytes for the hand-written GraphDef reader
 * (graph-def-lazy.ts). Every read is checked against the end of the message it is in,
 * and malformed bytes throw a `GraphDefWireError` naming the byte offset, so a corrupt
 * file never reads out of bounds or loops: each read moves forward at least one byte.
 *
 *     const r = new WireReader(bytes);
 *     const tag = r.tag(bytes.length);          // 0x0a: field 1, length-delimited
 *     const name = r.string(bytes.length);
 */
import { protoInt64 } from '@bufbuild/protobuf';

/** Bytes that are not a well-formed GraphDef; `offset` is where the bad part starts. */
export class GraphDefWireError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`GraphDef bytes are malformed at byte ${offset}: ${reason}`);
    this.name = 'GraphDefWireError';
  }

  /** `e` (this error or protobuf-es' own) said of `what`; `at` is the offset when `e` has none. */
  static within(e: unknown, what: string, at: number): GraphDefWireError {
    if (e instanceof GraphDefWireError) return new GraphDefWireError(`${what}: ${e.reason}`, e.offset);
    return new GraphDefWireError(`${what}: ${e instanceof Error ? e.message : String(e)}`, at);
  }
}

export const WIRE_VARINT = 0;
const WIRE_I64 = 1;
export const WIRE_LEN = 2;
const WIRE_GROUP_START = 3;
const WIRE_GROUP_END = 4;
const WIRE_I32 = 5;
/** protobuf-es' default recursion limit, for skipping nested groups. */
const MAX_GROUP_DEPTH = 100;

/** Strict, and keeping a leading U+FEFF as text, as protobuf-es decodes strings (src/globals.d.ts declares only `fatal`). */
const UTF8_OPTIONS = { fatal: true, ignoreBOM: true };
const utf8 = new TextDecoder('utf-8', UTF8_OPTIONS);

export class WireReader {
  pos = 0;
  private lo = 0;
  private hi = 0;
  constructor(readonly buf: Uint8Array) {}

  /** A varint as a number, exact below 2^53 (tags, lengths); past `end` or over 10 bytes is malformed. */
  varint(end: number): number {
    const at = this.pos;
    const b = this.buf;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10 && this.pos < end; i++) {
      const byte = b[this.pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new GraphDefWireError(this.pos >= end ? 'a varint runs past the end of its message' : 'a varint is longer than 10 bytes', at);
  }

  /** An int64 varint as a number, as `Number()` of protobuf-es' bigint gives it (negative values in two's complement). */
  int64Number(end: number): number {
    const first = this.buf[this.pos]!;
    if (first < 0x80 && this.pos < end) {
      this.pos++;
      return first;
    }
    this.varint64(end);
    return this.hi === 0 ? this.lo >>> 0 : Number(protoInt64.dec(this.lo, this.hi));
  }

  /** Reads a varint of up to 64 bits into `lo` and `hi` (unsigned 32-bit halves). */
  private varint64(end: number): void {
    const at = this.pos;
    const b = this.buf;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= end) throw new GraphDefWireError('a varint runs past the end of its message', at);
      const byte = b[this.pos++]!;
      const bits = byte & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= (bits & 0x0f) << 28;
        hi = bits >> 4;
      } else hi |= bits << (7 * i - 32);
      if (byte < 0x80) {
        this.lo = lo;
        this.hi = hi;
        return;
      }
    }
    throw new GraphDefWireError('a varint is longer than 10 bytes', at);
  }

  /** A field's tag: field number << 3 | wire type. */
  tag(end: number): number {
    const at = this.pos;
    const first = this.buf[at]!;
    let tag: number;
    if (first < 0x80 && at < end) {
      this.pos++;
      tag = first;
    } else tag = this.varint(end);
    if (tag < 8 || tag > 0xffffffff) throw new GraphDefWireError(`invalid field tag ${tag}`, at);
    return tag;
  }

  /** Reads a length and returns where that many bytes end; they must end by `end`. */
  lengthEnd(end: number): number {
    const at = this.pos;
    const n = this.varint(end);
    if (n > end - this.pos) throw new GraphDefWireError(`a length of ${n} runs past the end of its message (${end - this.pos} bytes left)`, at);
    return this.pos + n;
  }

  /** A length-delimited string; proto3 strings must be valid UTF-8 (protobuf-es checks too). */
  string(end: number): string {
    const at = this.pos;
    const stop = this.lengthEnd(end);
    const start = this.pos;
    this.pos = stop;
    return decodeUtf8(this.buf.subarray(start, stop), at);
  }

  /** Skips the value of a field with this tag, groups included (protobuf-es skips them too). */
  skip(tag: number, end: number, depth = 0): void {
    const at = this.pos;
    const wireType = tag & 7;
    switch (wireType) {
      case WIRE_VARINT:
        this.varint(end);
        return;
      case WIRE_I64:
      case WIRE_I32: {
        const n = wireType === WIRE_I64 ? 8 : 4;
        if (n > end - this.pos) throw new GraphDefWireError('a fixed-size value runs past the end of its message', at);
        this.pos += n;
        return;
      }
      case WIRE_LEN:
        this.pos = this.lengthEnd(end);
        return;
      case WIRE_GROUP_START:
        if (depth >= MAX_GROUP_DEPTH) throw new GraphDefWireError('groups are nested too deeply', at);
        for (;;) {
          if (this.pos >= end) throw new GraphDefWireError(`the group of field ${tag >>> 3} is not closed`, at);
          const innerAt = this.pos;
          const inner = this.tag(end);
          if ((inner & 7) === WIRE_GROUP_END) {
            if (inner >>> 3 !== tag >>> 3) throw new GraphDefWireError(`the group of field ${tag >>> 3} is closed as field ${inner >>> 3}`, innerAt);
            return;
          }
          this.skip(inner, end, depth + 1);
        }
      default:
        throw new GraphDefWireError(`field ${tag >>> 3} has wire type ${wireType}, which no field can have here`, at);
    }
  }
}

function decodeUtf8(bytes: Uint8Array, at: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new GraphDefWireError('a string is not valid UTF-8', at);
  }
}
