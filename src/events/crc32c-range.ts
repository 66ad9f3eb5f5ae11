/**
 * CRC-32C over a byte range of a larger buffer, for the record scanner.
 *
 * `crc32c` in ../format/crc32c.ts takes a whole Uint8Array, so checking a record means
 * making two `subarray` views per record. A view costs about 70–100 ns in V8, more than
 * the checksum of a 40-byte scalar event itself; over 1M records that alone doubled the
 * read time. This is the same slicing-by-8 method over `[start, end)` of one buffer.
 * Its tables are derived from `crc32c` itself rather than rebuilt from the polynomial,
 * so the two cannot disagree. (Better still would be for ../format/crc32c.ts to export
 * this and define `crc32c(data)` as `crc32cRange(data, 0, data.length)`.)
 */
import { crc32c, maskCrc } from '../format/crc32c.ts';

/** T[k * 256 + b]: the CRC register after byte b followed by k zero bytes, from register 0. */
const T: Uint32Array = (() => {
  const t = new Uint32Array(8 * 256);
  for (let k = 0; k < 8; k++) {
    const bytes = new Uint8Array(k + 1);
    for (let b = 0; b < 256; b++) {
      bytes[0] = b;
      // crc32c starts its register at ~crc and returns ~register: passing ~0 starts at 0.
      t[k * 256 + b] = ~crc32c(bytes, 0xffffffff) >>> 0;
    }
  }
  return t;
})();

/** CRC-32C of `data[start, end)` (unmasked, as `crc32c(data.subarray(start, end))`). */
export function crc32cRange(data: Uint8Array, start: number, end: number): number {
  const t = T;
  let c = 0xffffffff;
  let i = start;
  const end8 = end - ((end - start) & 7);
  for (; i < end8; i += 8) {
    const lo = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    c =
      t[1792 + (lo & 0xff)]! ^ t[1536 + ((lo >>> 8) & 0xff)]! ^ t[1280 + ((lo >>> 16) & 0xff)]! ^ t[1024 + (lo >>> 24)]! ^
      t[768 + data[i + 4]!]! ^ t[512 + data[i + 5]!]! ^ t[256 + data[i + 6]!]! ^ t[data[i + 7]!]!;
  }
  for (; i < end; i++) c = (c >>> 8) ^ t[(c ^ data[i]!) & 0xff]!;
  return ~c >>> 0;
}

/**
 * The masked CRC of the 8 length bytes of a record header at `at`: one slicing-by-8
 * step, written out because it runs once per record (and once per byte while resyncing).
 */
export function maskedHeaderCrc(b: Uint8Array, at: number): number {
  const t = T;
  const lo = (0xffffffff ^ (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24))) >>> 0;
  const c =
    t[1792 + (lo & 0xff)]! ^ t[1536 + ((lo >>> 8) & 0xff)]! ^ t[1280 + ((lo >>> 16) & 0xff)]! ^ t[1024 + (lo >>> 24)]! ^
    t[768 + b[at + 4]!]! ^ t[512 + b[at + 5]!]! ^ t[256 + b[at + 6]!]! ^ t[b[at + 7]!]!;
  return maskCrc(~c >>> 0);
}

/** TFRecord's masked CRC of `data[start, end)`. */
export function maskedCrc32cRange(data: Uint8Array, start: number, end: number): number {
  return maskCrc(crc32cRange(data, start, end));
}
