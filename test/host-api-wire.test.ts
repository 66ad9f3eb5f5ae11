import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../src/host-api-wire.ts';

/** Bytes that are not a repeating pattern of 3 (so every tail and every sextet value shows up). */
function bytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919 + n * 31) & 255;
  return b;
}

describe('host API wire codec', () => {
  it("encodes base64 exactly as Node's Buffer does, for every tail length and across chunk sizes", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 257, 0x8000, 3 * 0x8000 + 1, 200_001]) {
      const b = bytes(n);
      expect(bytesToBase64(b), `${n} bytes`).toBe(Buffer.from(b).toString('base64'));
      expect(base64ToBytes(bytesToBase64(b))).toEqual(b);
    }
  });

  it('round-trips bytes inside JSON values', () => {
    const value = { runId: 'r1', graph: bytes(10), nested: [bytes(1), 'x'] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });
});
