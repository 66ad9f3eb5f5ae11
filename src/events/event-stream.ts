/**
 * Events one by one, for tools that want the messages themselves (export, debugging)
 * rather than a run's accumulated data: the tolerant scanner plus protobuf-es.
 *
 *     const { records, problems, pending } = readEventFile(bytes);
 *     for (const r of records) if (r.event?.what.case === 'summary') …
 */
import { fromBinary } from '@bufbuild/protobuf';
import { type Event, EventSchema } from '../format/protos.ts';
import { type PendingRecord, type ReadProblem, RecordScanner } from './record-scanner.ts';

export interface EventRecord {
  /** File offset of the record's header. */
  readonly offset: number;
  /** The record's payload, exactly as stored (a serialized Event, when `event` is not null). */
  readonly payload: Uint8Array;
  /** Null when the payload is not an Event (a `decode` problem says so). */
  readonly event: Event | null;
}

export class EventStreamReader {
  /** Every problem found so far, in file order. */
  readonly problems: ReadProblem[] = [];
  private batch: EventRecord[] = [];
  private readonly scanner = new RecordScanner({
    record: (bytes, start, end, offset) => {
      const payload = bytes.subarray(start, end);
      let event: Event | null = null;
      try {
        event = fromBinary(EventSchema, payload);
      } catch (e) {
        this.problems.push({ offset, kind: 'decode', message: `record at offset ${offset} is not an Event: ${(e as Error).message}`, resumedAt: null });
      }
      this.batch.push({ offset, payload, event });
    },
    problem: (p) => this.problems.push(p),
  });

  /** The records completed by these bytes (chunks must not be modified afterwards). */
  push(chunk: Uint8Array): EventRecord[] {
    this.scanner.push(chunk);
    const out = this.batch;
    this.batch = [];
    return out;
  }

  get pending(): PendingRecord | null {
    return this.scanner.pending;
  }

  /** Total bytes pushed. */
  get received(): number {
    return this.scanner.received;
  }
}

export interface EventFileReadResult {
  readonly records: EventRecord[];
  readonly problems: ReadProblem[];
  readonly pending: PendingRecord | null;
}

/** Every record of a whole file: never throws, whatever the bytes. */
export function readEventFile(bytes: Uint8Array): EventFileReadResult {
  const reader = new EventStreamReader();
  const records = reader.push(bytes);
  return { records, problems: reader.problems, pending: reader.pending };
}
