/**
 * A run as files others can read (`keisan export`, the app's Export Run): its event files
 * written anew, and the pieces of scalar downloads (Python-style numbers, JSON rows, file
 * names; ./scalar-downloads.ts assembles TensorBoard's files from them). Pure: bytes and
 * series in, text and named files out.
 *
 *     exportTfevents([['events.out.tfevents.1494075549.Morvan', bytes]]); // valid framing, file_version first
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { FILE_VERSION } from '../format/event-file.ts';
import { EventSchema } from '../format/protos.ts';
import { encodeRecord } from '../format/tfrecord.ts';
import { readEventFile } from './event-stream.ts';
import type { ReadProblem } from './record-scanner.ts';

export type ScalarFormat = 'csv' | 'json';

export interface ExportFile {
  /** A plain file name (no directories). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Python's `repr(float)`: TensorBoard's CSV is written by Python's csv module, so values
 * read the same as in its downloads (`1e-05`, `8.0`). Shortest round-trip digits; exponent
 * form when the decimal exponent is < -4 or ≥ 16.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${whole}.${frac === '' ? '0' : frac}`;
}

/** Python's `repr(int)` for a step (JavaScript would write 1e21 for large ones). */
const pyIntRepr = (n: number): string => (Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString());

export interface ScalarRows {
  readonly steps: ArrayLike<number>;
  readonly wallTimes: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/**
 * TensorBoard's scalars plugin (scalars_plugin.py) writes its CSV download with Python's
 * `csv.writer`: this header, `repr` numbers, and `\r\n` after every row. Every CSV we
 * write (the app's card downloads, Export Run, `keisan export`) uses it.
 */
export const CSV_HEADER = 'Wall time,Step,Value';

export function scalarCsv(s: ScalarRows): string {
  let out = `${CSV_HEADER}\r\n`;
  for (let i = 0; i < s.steps.length; i++) out += `${pyFloatRepr(s.wallTimes[i]!)},${pyIntRepr(s.steps[i]!)},${pyFloatRepr(s.values[i]!)}\r\n`;
  return out;
}

/** JSON has no NaN or Infinity: those are written as the strings "NaN", "Infinity", "-Infinity". */
const jsonNumber = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');

export function scalarJson(s: ScalarRows): string {
  const rows: (number | string)[][] = [];
  for (let i = 0; i < s.steps.length; i++) rows.push([jsonNumber(s.wallTimes[i]!), s.steps[i]!, jsonNumber(s.values[i]!)]);
  return JSON.stringify(rows);
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

/** TensorBoard's download name, `run-<run>-tag-<tag>.<ext>`, with characters no file system takes as `_`. */
export function scalarFileName(run: string, tag: string, format: ScalarFormat): string {
  return `run-${safeName(run)}-tag-${safeName(tag)}.${format}`;
}

export interface RewrittenEventFile {
  readonly bytes: Uint8Array;
  /** Records copied (the inserted file_version not counted). */
  readonly records: number;
  /** What was left out: damaged bytes, records that are not Events, a cut-off last record. */
  readonly problems: readonly ReadProblem[];
}

/**
 * An event file written anew so TensorBoard reads it: every valid Event record copied
 * byte for byte and re-framed (fresh checksums, damage skipped), records that are not
 * Events dropped, and a `file_version` record first (TensorBoard's loader expects one;
 * some writers leave it out), stamped with the first event's wall time.
 */
export function rewriteEventFile(bytes: Uint8Array): RewrittenEventFile {
  const { records, problems, pending } = readEventFile(bytes);
  const events = records.filter((r) => r.event !== null);
  const chunks: Uint8Array[] = [];
  if (events[0]?.event?.what.case !== 'fileVersion') {
    const version = create(EventSchema, { wallTime: events[0]?.event?.wallTime ?? 0, what: { case: 'fileVersion', value: FILE_VERSION } });
    chunks.push(encodeRecord(toBinary(EventSchema, version)));
  }
  for (const r of events) chunks.push(encodeRecord(r.payload));
  const dropped: ReadProblem[] = [...problems];
  if (pending !== null) dropped.push({ offset: pending.offset, kind: 'truncated', message: `the last record (at offset ${pending.offset}) is incomplete and was left out`, resumedAt: null });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { bytes: out, records: events.length, problems: dropped };
}

/** A run's event files, each rewritten (`rewriteEventFile`) under its own name. */
export function exportTfevents(files: Iterable<readonly [name: string, bytes: Uint8Array]>): ExportFile[] {
  return [...files].map(([name, bytes]) => ({ name: name.split(/[\\/]/).pop()!, bytes: rewriteEventFile(bytes).bytes }));
}
