/**
 * Event files: a TFRecord stream of serialized `Event`s (events.out.tfevents.*).
 * This is the strict reader used by tests and the writer's framing; the tolerant
 * reader that tails growing files lives elsewhere.
 */
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { type Event, EventSchema } from './protos.ts';
import { encodeRecord, readRecords, type RecordStop } from './tfrecord.ts';

/** TF 1.x's current event file version, the `file_version` of the first record. */
export const FILE_VERSION = 'brain.Event:2';

/** One framed record holding `event`, ready to append. */
export function encodeEventRecord(event: Event): Uint8Array {
  return encodeRecord(toBinary(EventSchema, event));
}

export interface EventReadResult {
  readonly events: Event[];
  /** Where reading stopped (see `readRecords`). */
  readonly offset: number;
  readonly stop: RecordStop;
}

/** Decode every complete record of an event file; throws when a record's payload is not an Event. */
export function readEvents(bytes: Uint8Array): EventReadResult {
  const { records, offset, stop } = readRecords(bytes);
  const events = records.map((r, i) => {
    try {
      return fromBinary(EventSchema, r);
    } catch (e) {
      throw new Error(`Record ${i} is not an Event: ${(e as Error).message}`);
    }
  });
  return { events, offset, stop };
}
