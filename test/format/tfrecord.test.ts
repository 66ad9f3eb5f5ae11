import { crc32c as awsCrc32c } from '@aws-crypto/crc32c';
import { describe, expect, it } from 'vitest';
import { encodeRecord, readRecords } from '../../src/format/tfrecord.ts';

/** TFRecord framing written out field by field, with another library's CRC. */
function referenceRecord(data: Uint8Array): Uint8Array {
  const mask = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
  const out = new Uint8Array(16 + data.length);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(data.length), true);
  view.setUint32(8, mask(awsCrc32c(out.subarray(0, 8))), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, mask(awsCrc32c(data)), true);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

const payloads = [new Uint8Array(0), new TextEncoder().encode('hello'), Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff)];

describe('TFRecord', () => {
  it('frames records byte for byte as the format specifies', () => {
    for (const p of payloads) expect(encodeRecord(p)).toEqual(referenceRecord(p));
  });

  it('reads back what it writes, with offsets at record ends', () => {
    const file = concat(payloads.map(encodeRecord));
    const r = readRecords(file);
    expect(r.stop).toBe('end');
    expect(r.offset).toBe(file.length);
    expect(r.records).toEqual(payloads);
  });

  it('stops at a truncated last record and says where it starts', () => {
    const first = encodeRecord(payloads[1]!);
    const file = concat([first, encodeRecord(payloads[2]!)]);
    for (const cut of [first.length + 5, first.length + 12, file.length - 1]) {
      const r = readRecords(file.subarray(0, cut));
      expect(r.stop).toBe('truncated');
      expect(r.offset).toBe(first.length);
      expect(r.records).toEqual([payloads[1]]);
    }
  });

  it('reports corrupt length and data checksums', () => {
    const good = encodeRecord(payloads[1]!);
    const badLength = good.slice();
    badLength[9] ^= 1;
    expect(readRecords(concat([good, badLength]))).toMatchObject({ stop: 'bad-length-crc', offset: good.length, records: [payloads[1]] });
    const badData = good.slice();
    badData[12] ^= 1;
    expect(readRecords(badData)).toMatchObject({ stop: 'bad-data-crc', offset: 0, records: [] });
  });

  it('resumes from a given offset (tailing a growing file)', () => {
    const file = concat(payloads.map(encodeRecord));
    const partial = readRecords(file.subarray(0, file.length - 3));
    const rest = readRecords(file, partial.offset);
    expect([...partial.records, ...rest.records]).toEqual(payloads);
  });
});
