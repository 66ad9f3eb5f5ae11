/** Test helpers: run the record scanner over chunks and collect everything it says. */
import { type PendingRecord, type ReadProblem, RecordScanner } from '../../src/events/record-scanner.ts';

export interface ScanResult {
  readonly records: { offset: number; data: Uint8Array }[];
  readonly problems: ReadProblem[];
  readonly pending: PendingRecord | null;
}

export function scan(chunks: readonly Uint8Array[]): ScanResult {
  const records: { offset: number; data: Uint8Array }[] = [];
  const problems: ReadProblem[] = [];
  const s = new RecordScanner({
    record: (b, start, end, offset) => records.push({ offset, data: b.slice(start, end) }),
    problem: (p) => problems.push(p),
  });
  for (const c of chunks) s.push(c);
  return { records, problems, pending: s.pending };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
