/**
 * TFRecord framing (tensorflow/core/lib/io/record_writer.cc), the container of event files:
 *
 *     uint64 length (little-endian) | uint32 masked_crc32c(length bytes) | data | uint32 masked_crc32c(data)
 */
import { maskedCrc32c } from './crc32c.ts';

const HEADER = 12;
const FOOTER = 4;

/** One framed record, ready to append to a file. */
export function encodeRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + data.length + FOOTER);
  const view = new DataView(out.buffer);
  // Lengths past 2^32 never occur for events (protobuf caps messages at 2 GiB); the high word stays 0.
  view.setUint32(0, data.length, true);
  view.setUint32(4, 0, true);
  view.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, HEADER);
  view.setUint32(HEADER + data.length, maskedCrc32c(data), true);
  return out;
}

/**
 * Why reading stopped. `end`: every byte was consumed. `truncated`: the last record is
 * incomplete (a file still being written, or cut short). `bad-length-crc` / `bad-data-crc`:
 * the bytes at `offset` are not a valid record.
 */
export type RecordStop = 'end' | 'truncated' | 'bad-length-crc' | 'bad-data-crc';

export interface RecordReadResult {
  /** The payloads of the complete, valid records, as views into the input. */
  readonly records: Uint8Array[];
  /** Where the first unread record starts: the input length when `stop` is `end`. */
  readonly offset: number;
  readonly stop: RecordStop;
}

/**
 * Strict reader: returns every valid record up to the first problem, and says where
 * and why it stopped, so a caller tailing a growing file can retry from `offset`.
 */
export function readRecords(bytes: Uint8Array, start = 0): RecordReadResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let offset = start;
  for (;;) {
    if (offset === bytes.length) return { records, offset, stop: 'end' };
    if (bytes.length - offset < HEADER) return { records, offset, stop: 'truncated' };
    if (view.getUint32(offset + 8, true) !== maskedCrc32c(bytes.subarray(offset, offset + 8))) {
      return { records, offset, stop: 'bad-length-crc' };
    }
    const length = view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
    const dataStart = offset + HEADER;
    if (length > bytes.length - dataStart - FOOTER) return { records, offset, stop: 'truncated' };
    const data = bytes.subarray(dataStart, dataStart + length);
    if (view.getUint32(dataStart + length, true) !== maskedCrc32c(data)) {
      return { records, offset, stop: 'bad-data-crc' };
    }
    records.push(data);
    offset = dataStart + length + FOOTER;
  }
}
