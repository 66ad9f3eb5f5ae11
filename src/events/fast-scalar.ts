/**
 * The hot case read straight from the wire: an Event holding only wall_time, step and a
 * Summary whose values are scalars (`simple_value`, or a rank-0 DT_FLOAT/DT_DOUBLE tensor
 * of the `scalars` plugin). A training log is almost all such events.
 *
 * Why not protobuf-es: `fromBinary(EventSchema, …)` builds an Event, a Summary, a Value
 * and a oneof object per record, decodes the tag into a new string, and turns the step
 * into a BigInt: about 650 ns an event here, 15× the cost of checksumming its bytes.
 * This decoder allocates nothing; tags stay bytes until the accumulator matches them.
 *
 * It either understands the whole event or declines it (returns false) without side
 * effects, and the generic decoder takes over; any field or encoding it does not
 * expect makes it decline, so the two cannot disagree (the tests compare them).
 */

/** At most this many values per event on the fast path (more: the generic decoder). */
const MAX_VALUES = 64;

export class ScalarEventDecoder {
  /**
   * The decoded numbers, as a ScalarSeries point source (see `ScalarSeries.pushFrom`):
   * [wall_time, step, value 0, value 1, …]. Numbers pass through a typed array rather
   * than fields or arguments, which V8 would box into a heap object each.
   */
  readonly out = new Float64Array(2 + MAX_VALUES);
  /** Values decoded; value i is `tag bytes[tagStart[i], tagEnd[i])` = `out[2 + i]`. */
  count = 0;
  readonly tagStart = new Int32Array(MAX_VALUES);
  readonly tagEnd = new Int32Array(MAX_VALUES);
  /** 1 when the value carried metadata (which the accumulator must then already know). */
  readonly hasMetadata = new Uint8Array(MAX_VALUES);
  /** 1 for a tensor scalar (valid only for a tag of the `scalars` plugin), 0 for simple_value. */
  readonly isTensor = new Uint8Array(MAX_VALUES);

  private bytes: Uint8Array = new Uint8Array(0);
  /** A view of the bytes last decoded (for reading tags without making strings). */
  view: DataView = new DataView(new ArrayBuffer(0));
  /** Position after the last varint read; -1 when it was malformed or too long. */
  private p = 0;

  /** Decode the Event in `b[start, end)`; false when it is not of the simple form. */
  decode(b: Uint8Array, start: number, end: number): boolean {
    if (b !== this.bytes) {
      this.bytes = b;
      this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    let wallTime = 0;
    let step = 0;
    let sumStart = -1;
    let sumEnd = -1;
    let p = start;
    while (p < end) {
      const key = b[p++]!;
      if (key === 0x09) {
        if (p + 8 > end) return false;
        wallTime = this.view.getFloat64(p, true);
        p += 8;
      } else if (key === 0x10) {
        step = this.varint(b, p, end);
        if (this.p < 0) return false;
        p = this.p;
      } else if (key === 0x2a && sumStart < 0) {
        const n = this.varint(b, p, end);
        if (this.p < 0 || this.p + n > end) return false;
        sumStart = this.p;
        sumEnd = sumStart + n;
        p = sumEnd;
      } else {
        return false;
      }
    }
    if (sumStart < 0) return false;
    this.count = 0;
    p = sumStart;
    while (p < sumEnd) {
      if (b[p++] !== 0x0a || this.count === MAX_VALUES) return false;
      const n = this.varint(b, p, sumEnd);
      const start = this.p;
      if (start < 0 || start + n > sumEnd) return false;
      if (!this.decodeValue(b, start, start + n)) return false;
      p = start + n;
    }
    this.out[0] = wallTime;
    this.out[1] = step;
    return true;
  }

  private decodeValue(b: Uint8Array, start: number, end: number): boolean {
    const i = this.count;
    let tagStart = -1;
    let tagEnd = -1;
    let kind = -1; // 0 simple_value, 1 tensor
    let value = 0;
    let meta = 0;
    let p = start;
    while (p < end) {
      const key = b[p++]!;
      if (key === 0x15) {
        if (p + 4 > end) return false;
        value = this.view.getFloat32(p, true);
        kind = 0;
        p += 4;
        continue;
      }
      // Every other field we accept is length-delimited.
      const n = this.varint(b, p, end);
      if (this.p < 0 || this.p + n > end) return false;
      const s = this.p;
      p = s + n;
      if (key === 0x0a) {
        tagStart = s;
        tagEnd = p;
      } else if (key === 0x4a) {
        meta = 1;
      } else if (key === 0x42) {
        // A second tensor field would be merged into the first by protobuf: leave that to it.
        const v = kind === 1 ? null : this.tensorScalar(b, s, p);
        if (v === null) return false;
        value = v;
        kind = 1;
      } else if (key !== 0x3a) {
        // 0x3a: node_name, deprecated and ignored. Anything else: histo, image, audio, …
        return false;
      }
    }
    if (kind < 0 || tagStart < 0 || tagEnd === tagStart) return false;
    this.tagStart[i] = tagStart;
    this.tagEnd[i] = tagEnd;
    this.out[2 + i] = value;
    this.hasMetadata[i] = meta;
    this.isTensor[i] = kind;
    this.count = i + 1;
    return true;
  }

  /**
   * A rank-0 tensor written as TF and PyTorch write scalar summaries: dtype DT_FLOAT (1)
   * with one float_val or 4 bytes of tensor_content, or DT_DOUBLE (2) with one double_val
   * or 8 bytes. Null for anything else.
   */
  private tensorScalar(b: Uint8Array, start: number, end: number): number | null {
    let dtype = 0;
    let floats = 0;
    let doubles = 0;
    let content = -1;
    let contentLength = 0;
    let value = 0;
    let p = start;
    while (p < end) {
      const key = b[p++]!;
      if (key === 0x08) {
        dtype = this.varint(b, p, end);
        if (this.p < 0) return null;
        p = this.p;
      } else if (key === 0x2d || key === 0x31) {
        // float_val / double_val, unpacked
        const size = key === 0x2d ? 4 : 8;
        if (p + size > end) return null;
        value = size === 4 ? this.view.getFloat32(p, true) : this.view.getFloat64(p, true);
        if (size === 4) floats++;
        else doubles++;
        p += size;
      } else if (key === 0x12 || key === 0x2a || key === 0x32 || key === 0x22) {
        const n = this.varint(b, p, end);
        if (this.p < 0 || this.p + n > end) return null;
        const s = this.p;
        p = s + n;
        if (key === 0x12) {
          // tensor_shape: only the empty shape (a scalar).
          if (n !== 0) return null;
        } else if (key === 0x2a) {
          if (n !== 4) return null;
          value = this.view.getFloat32(s, true);
          floats++;
        } else if (key === 0x32) {
          if (n !== 8) return null;
          value = this.view.getFloat64(s, true);
          doubles++;
        } else {
          content = s;
          contentLength = n;
        }
      } else {
        return null;
      }
    }
    if (dtype === 1) {
      if (doubles !== 0) return null;
      if (content >= 0) return floats === 0 && contentLength === 4 ? this.view.getFloat32(content, true) : null;
      return floats === 1 ? value : null;
    }
    if (dtype === 2) {
      if (floats !== 0) return null;
      if (content >= 0) return doubles === 0 && contentLength === 8 ? this.view.getFloat64(content, true) : null;
      return doubles === 1 ? value : null;
    }
    return null;
  }

  /** A non-negative varint below 2^49 (7 bytes); sets `p` after it, or to -1. */
  private varint(b: Uint8Array, pos: number, end: number): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 7 && pos < end; i++) {
      const byte = b[pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        this.p = pos;
        return result;
      }
      scale *= 128;
    }
    this.p = -1;
    return 0;
  }
}
