/**
 * The small-upload cache (src/backend/webgl/upload-cache.ts): a value is kept only when it
 * comes back, hits need identical bits, the least recently used entry is released first,
 * and large values are never cached.
 */
import { describe, expect, test } from 'vitest';
import { UploadCache } from '../../src/backend/webgl/upload-cache.ts';
import type { GpuTexture } from '../../src/backend/webgl/texture-pool.ts';

const texture = (id: number): GpuTexture => ({ texture: { id }, width: 1, height: 1, format: 'rgba32f', size: 4 });

describe('UploadCache', () => {
  test('keeps a value on its second miss, then hits; one-off values hold nothing', () => {
    const released: GpuTexture[] = [];
    const cache = new UploadCache(64, (t) => released.push(t));
    const a = Float32Array.of(0.125, 2);
    expect(cache.get(a)).toBeNull();
    expect(cache.put(a, texture(1))).toBe(false); // first sighting
    expect(cache.get(Float32Array.of(0.125, 2))).toBeNull();
    const t2 = texture(2);
    expect(cache.put(Float32Array.of(0.125, 2), t2)).toBe(true);
    expect(cache.get(Float32Array.of(0.125, 2))).toBe(t2);
    expect(cache.size).toBe(1);
    expect(released).toEqual([]);
  });

  test('keys are exact bits: 0 and -0 differ; a mutated array is looked up again', () => {
    const cache = new UploadCache(64, () => {});
    const zero = Float32Array.of(0);
    cache.get(zero); cache.put(zero, texture(1));
    cache.get(zero); cache.put(zero, texture(2));
    expect(cache.get(Float32Array.of(-0))).toBeNull();
    zero[0] = 1; // the same array, other contents
    expect(cache.get(zero)).toBeNull();
  });

  test('at capacity the least recently used entry is released; large values are never cached', () => {
    const released: GpuTexture[] = [];
    const cache = new UploadCache(4, (t) => released.push(t), 2);
    const keep = (v: number, t: GpuTexture) => {
      const d = Float32Array.of(v);
      cache.get(d); cache.put(d, t);
      cache.get(d); return cache.put(d, t);
    };
    const [t1, t2, t3] = [texture(1), texture(2), texture(3)];
    keep(1, t1); keep(2, t2);
    expect(cache.get(Float32Array.of(1))).toBe(t1); // 1 is now the most recent
    keep(3, t3);
    expect(released).toEqual([t2]);
    expect(cache.size).toBe(2);
    const big = new Float32Array(5);
    cache.get(big);
    expect(cache.put(big, texture(4))).toBe(false);
    cache.drain();
    expect(released).toEqual([t2, t1, t3]);
    expect(cache.size).toBe(0);
  });
});
