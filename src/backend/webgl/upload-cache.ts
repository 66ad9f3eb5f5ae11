/**
 * Small host values uploaded once per content. A training step recomputes the same small
 * float values on the host every run (a Mean gradient's 1/N, a learning-rate constant, the
 * tiled loss gradient of a fixed batch size); a GPU op reading one would upload it every
 * step. Keyed by the exact bits, so only identical values share a texture. A value is
 * kept only when it comes back (seen on an earlier miss), so one-off values (a batch's
 * labels) never hold a texture. Bounded: the least recently used entry gives its texture
 * back once `capacity` is reached.
 *
 *     const cache = new UploadCache(64, release);
 *     cache.get(data) ?? (texture = upload(data), cache.put(data, texture));
 */
import type { GpuTexture } from './texture-pool.ts';

export class UploadCache {
  private readonly entries = new Map<string, GpuTexture>();
  /** Keys that missed once (insertion order = age), so a second miss caches. */
  private readonly seen = new Set<string>();
  private lastData: Float32Array | null = null;
  private lastKey = '';

  /** Values of at most `maxElements` elements are cached; `release` drops the cache's hold on an evicted texture. */
  constructor(
    private readonly maxElements: number,
    private readonly release: (texture: GpuTexture) => void,
    private readonly capacity = 64,
  ) {}

  /** The texture already holding exactly `data`, or null. */
  get(data: Float32Array): GpuTexture | null {
    if (data.length > this.maxElements) return null;
    const key = keyOf(data);
    // Kept for the `put` that follows a miss only: the same array may hold other values later.
    this.lastData = data;
    this.lastKey = key;
    const t = this.entries.get(key);
    if (t === undefined) return null;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, t);
    return t;
  }

  /** Offer `texture` as holding `data` after a miss; true when the cache now holds it (the caller adds a reference for it). */
  put(data: Float32Array, texture: GpuTexture): boolean {
    if (data.length > this.maxElements) return false;
    const key = data === this.lastData ? this.lastKey : keyOf(data);
    this.lastData = null;
    if (!this.seen.has(key)) {
      if (this.seen.size >= 4 * this.capacity) this.seen.delete(this.seen.values().next().value as string);
      this.seen.add(key);
      return false;
    }
    this.seen.delete(key);
    if (this.entries.size >= this.capacity) {
      const [oldest, t] = this.entries.entries().next().value as [string, GpuTexture];
      this.entries.delete(oldest);
      this.release(t);
    }
    this.entries.set(key, texture);
    return true;
  }

  /** Release every entry's texture and empty the cache. */
  drain(): void {
    for (const t of this.entries.values()) this.release(t);
    this.entries.clear();
  }

  /** Forget every entry without releasing (the context that owned the textures is gone, or the backend is closing). */
  clear(): void {
    this.entries.clear();
    this.seen.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The exact float32 bits (so -0 and 0, and NaN payloads, stay distinct). */
function keyOf(data: Float32Array): string {
  return new Uint32Array(data.buffer, data.byteOffset, data.length).join(',');
}
