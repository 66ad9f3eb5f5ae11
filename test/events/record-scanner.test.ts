/**
 * The tolerant scanner against the strict `readRecords` and against hand-made damage:
 * what it reads, what it reports where, and that chunking never changes either.
 */
import { crc32c as awsCrc32c } from '@aws-crypto/crc32c';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32cRange, maskedCrc32cRange, maskedHeaderCrc } from '../../src/events/crc32c-range.ts';
import { type PendingRecord, type ReadProblem, RecordScanner } from '../../src/events/record-scanner.ts';
import { maskCrc } from '../../src/format/crc32c.ts';
import { encodeRecord, readRecords } from '../../src/format/tfrecord.ts';
import { concat, scan } from './scan.ts';

const text = (s: string) => new TextEncoder().encode(s);
const payloads = [text('first'), new Uint8Array(0), Uint8Array.from({ length: 300 }, (_, i) => (i * 31) & 0xff), text('last one')];
const records = payloads.map(encodeRecord);
const offsets = records.map((_, i) => records.slice(0, i).reduce((n, r) => n + r.length, 0));
const file = concat(records);

describe('crc32cRange', () => {
  it('matches another CRC-32C implementation over any range of any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.nat(), (bytes, a, b) => {
      const start = bytes.length === 0 ? 0 : a % (bytes.length + 1);
      const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
      expect(crc32cRange(bytes, start, end)).toBe(awsCrc32c(bytes.subarray(start, end)));
      expect(maskedCrc32cRange(bytes, start, end)).toBe(maskCrc(awsCrc32c(bytes.subarray(start, end))));
      if (end - start >= 8) expect(maskedHeaderCrc(bytes, start)).toBe(maskCrc(awsCrc32c(bytes.subarray(start, start + 8))));
    }));
  });
});

describe('RecordScanner', () => {
  it('reads what the strict reader reads from a valid file, with each record\'s offset', () => {
    const r = scan([file]);
    expect(r.records.map((x) => x.data)).toEqual(readRecords(file).records);
    expect(r.records.map((x) => x.offset)).toEqual(offsets);
    expect(r.problems).toEqual([]);
    expect(r.pending).toBeNull();
  });

  it('reads nothing from nothing', () => {
    expect(scan([new Uint8Array(0)])).toEqual({ records: [], problems: [], pending: null });
  });

  it('keeps a partial last record pending, and reads it once the rest arrives', () => {
    const cutInHeader = offsets[3]! + 5;
    const cutInData = offsets[2]! + 100;
    expect(scan([file.subarray(0, cutInHeader)]).pending).toEqual({ offset: offsets[3], length: null, have: 5 });
    const partial = scan([file.subarray(0, cutInData)]);
    expect(partial.pending).toEqual({ offset: offsets[2], length: 300, have: 100 });
    expect(partial.problems).toEqual([]);
    expect(partial.records.length).toBe(2);
    const whole = scan([file.subarray(0, cutInData), file.subarray(cutInData)]);
    expect(whole.records.map((x) => x.data)).toEqual(payloads);
    expect(whole.pending).toBeNull();
  });

  it('reports a bad length checksum at its offset and reads every record after it', () => {
    const bad = file.slice();
    bad[offsets[1]! + 9]! ^= 0x40;
    const r = scan([bad]);
    expect(r.problems).toEqual([expect.objectContaining({ offset: offsets[1], kind: 'crc', resumedAt: offsets[2] })]);
    expect(r.problems[0]!.message).toMatch(/length checksum/);
    expect(r.records.map((x) => x.offset)).toEqual([offsets[0], offsets[2], offsets[3]]);
  });

  it('reports a bad data checksum at its offset and reads every record after it', () => {
    const bad = file.slice();
    bad[offsets[2]! + 12 + 150]! ^= 1;
    const r = scan([bad]);
    expect(r.problems).toEqual([expect.objectContaining({ offset: offsets[2], kind: 'crc', resumedAt: offsets[3] })]);
    expect(r.problems[0]!.message).toMatch(/data checksum/);
    expect(r.records.map((x) => x.data)).toEqual([payloads[0], payloads[1], payloads[3]]);
  });

  it('reports a record cut short in the middle of a file as truncated, and reads on', () => {
    // The writer died 40 bytes into record 2; a new writer appended records 0 and 3.
    const cut = concat([file.subarray(0, offsets[2]! + 40), records[0]!, records[3]!]);
    const r = scan([cut]);
    expect(r.problems).toEqual([expect.objectContaining({ offset: offsets[2], kind: 'truncated', resumedAt: offsets[2]! + 40 })]);
    expect(r.records.map((x) => x.data)).toEqual([payloads[0], payloads[1], payloads[0], payloads[3]]);
    expect(r.pending).toBeNull();
  });

  it('skips garbage between records, reporting it once', () => {
    const junk = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) & 0xff);
    const r = scan([concat([records[0]!, junk, records[2]!, records[3]!])]);
    expect(r.problems.length).toBe(1);
    expect(r.problems[0]).toMatchObject({ offset: records[0]!.length, kind: 'crc', resumedAt: records[0]!.length + junk.length });
    expect(r.records.map((x) => x.data)).toEqual([payloads[0], payloads[2], payloads[3]]);
  });

  it('reports damage before the rest of the file has arrived', () => {
    const bad = file.slice();
    bad[offsets[1]! + 2]! ^= 1;
    const problems: ReadProblem[] = [];
    const s = new RecordScanner({ record: () => {}, problem: (p) => problems.push(p) });
    s.push(bad.subarray(0, offsets[1]! + 12));
    expect(problems).toEqual([expect.objectContaining({ offset: offsets[1], kind: 'crc', resumedAt: null })]);
    s.push(bad.subarray(offsets[1]! + 12));
    expect(problems[0]!.resumedAt).toBe(offsets[2]);
  });

  // Chunk boundaries fall anywhere a file grows: they must never change what is read.
  it('reads the same records, problems and pending record however the bytes are chunked', () => {
    const pieces = fc.array(fc.oneof(
      fc.constantFrom(...records),
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
      fc.constantFrom(...records).map((r) => r.subarray(0, r.length - 1)),
    ), { maxLength: 12 });
    fc.assert(fc.property(pieces, fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
      const bytes = concat(parts);
      const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
      const chunks = [0, ...points].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length));
      expect(scan(chunks)).toEqual(scan([bytes]));
    }), { numRuns: 300 });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 64 }), (bytes, step) => {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += step) chunks.push(bytes.subarray(i, i + step));
      const r = scan(chunks);
      const pending: PendingRecord | null = r.pending;
      if (pending !== null) expect(pending.offset + pending.have).toBe(bytes.length);
    }));
  });
});
