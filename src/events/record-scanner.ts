/**
 * The tolerant, incremental TFRecord reader behind every event file Keisan opens.
 *
 * Bytes arrive in chunks (a whole file, or what a growing file gained since the last
 * look). Each complete record whose two masked CRC32Cs hold goes to the sink at once.
 * Damage does not stop reading: a bad checksum is reported and the scanner moves forward
 * byte by byte to the next offset holding a whole valid record (length CRC and data CRC
 * both right), so nothing after the damage is lost. A partial record at the end is
 * *pending*, not an error: the writer may still be writing it. If a valid record turns
 * up after a partial one, the partial one was cut short, and is reported as `truncated`.
 *
 * The strict `readRecords` (../format/tfrecord.ts) stops at the first problem; this one
 * never stops, never throws, and reads the same whatever the chunk boundaries (except for
 * a payload that itself holds a complete framed record, which no writer produces).
 *
 * One kind of damage no reader can see: a record whose payload is 8 bytes long, cut off
 * right after its header and followed by another record, reads as a valid record (the
 * next header, with its CRC, is a valid 8-byte payload with its CRC), and the record after
 * it is lost. Event payloads are rarely 8 bytes.
 */
import { maskedCrc32cRange, maskedHeaderCrc } from './crc32c-range.ts';

const HEADER = 12;
const FOOTER = 4;
/** Protobuf caps messages at 2 GiB: a longer declared length is never a real record. */
const MAX_LENGTH = 0x7fffffff;

export type ProblemKind = 'crc' | 'truncated' | 'decode';

/** Something wrong in a file, at the byte offset of the record it concerns. */
export interface ReadProblem {
  readonly offset: number;
  readonly kind: ProblemKind;
  readonly message: string;
  /** Where reading picked up again after skipping damaged bytes; null while still looking. */
  resumedAt: number | null;
}

/** The incomplete record at the end of what was read so far. */
export interface PendingRecord {
  /** File offset of its header. */
  readonly offset: number;
  /** Payload length its header declares; null while even the 12-byte header is incomplete. */
  readonly length: number | null;
  /** Bytes of it present so far (header included). */
  readonly have: number;
}

export interface RecordSink {
  /**
   * A complete, valid record: its payload is `bytes[start, end)`; `offset` is the file
   * offset of its header. The bytes stay valid afterwards (the scanner never writes over
   * memory it has handed out), so decoded messages may keep views into them.
   */
  record(bytes: Uint8Array, start: number, end: number, offset: number): void;
  problem(problem: ReadProblem): void;
}

/**
 * Feed it a file's bytes in order, in chunks of any size:
 *
 *     const scanner = new RecordScanner({ record: (b, s, e, off) => …, problem: (p) => … });
 *     scanner.push(firstBytes);
 *     scanner.push(bytesAppendedLater);
 *     scanner.pending; // the partial last record, if any
 *
 * Chunks must not be modified after `push` (records are handed out as views into them).
 */
export class RecordScanner {
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.buf.buffer);
  /** Whether `buf` is our own allocation, so that its free tail may be appended to. */
  private own = false;
  private len = 0;
  /** File offset of buf[0]. */
  private base = 0;
  /** Reading records: the next header is at `pos`. */
  private pos = 0;

  // While searching (after damage, or past a record that is still incomplete):
  private searching = false;
  /** The incomplete record the search started from (-1: the search follows damage). */
  private partial = -1;
  /** The damage report to complete with `resumedAt` once a valid record is found. */
  private damage: ReadProblem | null = null;
  /** Next position not yet examined. */
  private scanPos = 0;
  /** Examined positions with a valid header whose data is not all here yet, ascending. */
  private candidates: number[] = [];

  constructor(private readonly sink: RecordSink) {}

  /** Total bytes pushed so far. */
  get received(): number {
    return this.base + this.len;
  }

  /** File offset of the first byte not yet settled (bytes before it will never be looked at again). */
  get offset(): number {
    return this.base + this.keepFrom();
  }

  get pending(): PendingRecord | null {
    const at = !this.searching ? this.pos : this.partial >= 0 ? this.partial : (this.candidates[0] ?? -1);
    if (at < 0 || at === this.len) return null;
    const have = this.len - at;
    return { offset: this.base + at, length: have < HEADER ? null : this.lengthAt(at), have };
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.append(chunk);
    this.run();
  }

  private keepFrom(): number {
    if (!this.searching) return this.pos;
    let keep = this.scanPos;
    if (this.partial >= 0) keep = Math.min(keep, this.partial);
    if (this.candidates.length > 0) keep = Math.min(keep, this.candidates[0]!);
    return keep;
  }

  private append(chunk: Uint8Array): void {
    const keep = this.keepFrom();
    const remaining = this.len - keep;
    if (remaining === 0) {
      // Nothing left over: read the caller's chunk in place, no copy.
      this.shift(keep);
      this.setBuffer(chunk, chunk.length, false);
    } else if (this.own && this.buf.length - this.len >= chunk.length) {
      this.buf.set(chunk, this.len);
      this.len += chunk.length;
    } else {
      // A fresh buffer (never overwrite bytes already handed out), doubling so that a
      // large record arriving in many small chunks costs linear time.
      const next = new Uint8Array(Math.max(remaining + chunk.length, 2 * remaining));
      next.set(this.buf.subarray(keep, this.len));
      next.set(chunk, remaining);
      this.shift(keep);
      this.setBuffer(next, remaining + chunk.length, true);
    }
  }

  private setBuffer(buf: Uint8Array, len: number, own: boolean): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.len = len;
    this.own = own;
  }

  /** Drop the first `n` bytes of the buffer from our positions. */
  private shift(n: number): void {
    if (n === 0) return;
    this.base += n;
    this.pos -= n;
    this.scanPos -= n;
    if (this.partial >= 0) this.partial -= n;
    for (let i = 0; i < this.candidates.length; i++) this.candidates[i]! -= n;
  }

  private lengthAt(at: number): number {
    return this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 4294967296;
  }

  /** Whether `at` holds a header with a right length checksum and a possible length. */
  private headerValid(at: number): boolean {
    return maskedHeaderCrc(this.buf, at) === this.view.getUint32(at + 8, true) && this.view.getUint32(at + 4, true) === 0 && this.view.getUint32(at, true) <= MAX_LENGTH;
  }

  private dataValid(start: number, end: number): boolean {
    return maskedCrc32cRange(this.buf, start, end) === this.view.getUint32(end, true);
  }

  private run(): void {
    for (;;) {
      if (!this.searching && !this.readRecords()) return;
      if (!this.search()) return;
    }
  }

  /**
   * Read valid records from `pos` on. False when waiting for more bytes; true when a
   * search has begun (after damage, or past an incomplete record).
   */
  private readRecords(): boolean {
    const b = this.buf;
    const view = this.view;
    const len = this.len;
    const sink = this.sink;
    let pos = this.pos;
    for (;;) {
      if (len - pos < HEADER) break;
      if (maskedHeaderCrc(b, pos) !== view.getUint32(pos + 8, true) || view.getUint32(pos + 4, true) !== 0 || view.getUint32(pos, true) > MAX_LENGTH) {
        this.pos = pos;
        const what = maskedHeaderCrc(b, pos) !== view.getUint32(pos + 8, true) ? 'length checksum mismatch in' : 'an impossible length (over 2 GiB) in';
        this.startSearch(-1, this.report(pos, 'crc', `${what} the record header at offset ${this.base + pos}`));
        return true;
      }
      const start = pos + HEADER;
      const end = start + view.getUint32(pos, true);
      if (end + FOOTER > len) {
        this.pos = pos;
        this.startSearch(pos, null);
        return true;
      }
      if (maskedCrc32cRange(b, start, end) !== view.getUint32(end, true)) {
        this.pos = pos;
        this.startSearch(-1, this.report(pos, 'crc', `data checksum mismatch in the record at offset ${this.base + pos} (${end - start} bytes)`));
        return true;
      }
      sink.record(b, start, end, this.base + pos);
      pos = end + FOOTER;
    }
    this.pos = pos;
    return false;
  }

  private report(at: number, kind: ProblemKind, message: string): ReadProblem {
    const problem: ReadProblem = { offset: this.base + at, kind, message, resumedAt: null };
    this.sink.problem(problem);
    return problem;
  }

  private startSearch(partial: number, damage: ReadProblem | null): void {
    this.searching = true;
    this.partial = partial;
    this.damage = damage;
    this.scanPos = this.pos + 1;
    this.candidates = [];
  }

  /** Look for where reading can go on. True when records can be read again from `pos`. */
  private search(): boolean {
    if (this.partial >= 0) {
      // The incomplete record we started from comes first, if it is complete now.
      const at = this.partial;
      const end = at + HEADER + this.lengthAt(at);
      if (end + FOOTER <= this.len) {
        if (this.dataValid(at + HEADER, end)) return this.resume(at);
        this.partial = -1;
        this.damage = this.report(at, 'crc', `data checksum mismatch in the record at offset ${this.base + at} (${end - at - HEADER} bytes)`);
      }
    }
    const found = this.findValid();
    if (found < 0) return false;
    if (this.partial >= 0) {
      const at = this.partial;
      this.report(at, 'truncated', `record at offset ${this.base + at} declares ${this.lengthAt(at)} bytes but is cut short after ${found - at - HEADER}; a valid record follows at offset ${this.base + found}`).resumedAt = this.base + found;
    } else if (this.damage !== null) {
      this.damage.resumedAt = this.base + found;
    }
    return this.resume(found);
  }

  private resume(at: number): boolean {
    this.searching = false;
    this.partial = -1;
    this.damage = null;
    this.candidates = [];
    this.pos = at;
    return true;
  }

  /**
   * The first position holding a whole record with both checksums right, or -1. Headers
   * whose data has not all arrived are remembered and looked at again with more bytes;
   * they do not stop the search, so a header-like pattern in damaged bytes (an 8-byte
   * payload followed by its CRC is one) cannot hide the records after it.
   */
  private findValid(): number {
    const cands = this.candidates;
    for (let i = 0; i < cands.length; i++) {
      const q = cands[i]!;
      const end = q + HEADER + this.lengthAt(q);
      if (end + FOOTER > this.len) continue;
      if (this.dataValid(q + HEADER, end)) return q;
      cands.splice(i--, 1);
    }
    const len = this.len;
    let q = this.scanPos;
    for (; q + HEADER <= len; q++) {
      if (!this.headerValid(q)) continue;
      const end = q + HEADER + this.lengthAt(q);
      if (end + FOOTER > len) cands.push(q);
      else if (this.dataValid(q + HEADER, end)) {
        this.scanPos = q + 1;
        return q;
      }
    }
    this.scanPos = q;
    return -1;
  }
}
