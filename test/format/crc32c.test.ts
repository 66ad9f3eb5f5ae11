import { crc32c as awsCrc32c } from '@aws-crypto/crc32c';
import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc, maskedCrc32c, unmaskCrc } from '../../src/format/crc32c.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

describe('crc32c', () => {
  it('matches the published check value and RFC 3720 (iSCSI) test vectors', () => {
    expect(crc32c(ascii('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))).toBe(0x113fdb5c);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('agrees with @aws-crypto/crc32c on every length around the 8-byte stride, and on a large buffer', () => {
    for (let n = 0; n < 70; n++) {
      const data = pseudoRandomBytes(n, n + 1);
      expect(crc32c(data), `length ${n}`).toBe(awsCrc32c(data));
    }
    const big = pseudoRandomBytes(1 << 20, 99);
    expect(crc32c(big)).toBe(awsCrc32c(big));
    // Unaligned views into a larger buffer.
    expect(crc32c(big.subarray(3, 1003))).toBe(awsCrc32c(big.slice(3, 1003)));
  });

  it('continues a checksum over pieces', () => {
    const data = pseudoRandomBytes(1000, 5);
    expect(crc32c(data.subarray(300), crc32c(data.subarray(0, 300)))).toBe(crc32c(data));
  });

  it('masks as TFRecord does and unmasks back', () => {
    const crc = crc32c(ascii('foo'));
    expect(maskCrc(crc)).not.toBe(crc);
    expect(unmaskCrc(maskCrc(crc))).toBe(crc);
    expect(unmaskCrc(unmaskCrc(maskCrc(maskCrc(crc))))).toBe(crc);
    // The formula, spelled out independently: rotate right by 15, add 0xa282ead8, mod 2^32.
    const rotated = Number(((BigInt(crc) >> 15n) | (BigInt(crc) << 17n)) & 0xffffffffn);
    expect(maskCrc(crc)).toBe((rotated + 0xa282ead8) % 2 ** 32);
    expect(maskedCrc32c(ascii('foo'))).toBe(maskCrc(crc));
  });
});
