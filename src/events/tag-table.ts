/**
 * Tags looked up by their UTF-8 bytes, so that the fast path never builds a string for
 * a tag it has seen before: a string plus a Map lookup per value cost more than the
 * rest of the fast path together. An open-addressing table over typed arrays, hashed on
 * the length and the first and last four bytes and compared four bytes at a time (a
 * byte-by-byte FNV hash plus compare took 32 ns a lookup). Logs write their tags in a
 * repeating order, so before hashing it tries the tag that followed the previous one
 * last time. Tags are never removed.
 */

const utf8 = new TextEncoder();

/** A hash of `b[start, end)` from its length and its first and last (up to) four bytes. */
function hash(view: DataView, start: number, end: number): number {
  const n = end - start;
  let h = Math.imul(n, 0x9e3779b1);
  if (n >= 4) {
    h = Math.imul(h ^ view.getUint32(start, true), 0x85ebca6b);
    h = Math.imul(h ^ view.getUint32(end - 4, true), 0xc2b2ae35);
  } else {
    for (let i = start; i < end; i++) h = Math.imul(h ^ view.getUint8(i), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

function equal(key: DataView, view: DataView, start: number, n: number): boolean {
  if (key.byteLength !== n) return false;
  let i = 0;
  for (; i + 4 <= n; i += 4) if (key.getUint32(i, true) !== view.getUint32(start + i, true)) return false;
  for (; i < n; i++) if (key.getUint8(i) !== view.getUint8(start + i)) return false;
  return true;
}

export class TagTable<T> {
  /** Slot → index + 1 into `keys`/`items` (0: empty). */
  private slots = new Int32Array(64);
  private hashes = new Uint32Array(64);
  private readonly keys: DataView[] = [];
  private readonly items: T[] = [];
  /** successor[i]: index + 1 of the tag found right after tag i last time (0: none yet). */
  private successor = new Int32Array(64);
  /** Index + 1 of the tag found last (0: none). */
  private last = 0;

  add(tag: string, item: T): void {
    if ((this.items.length + 1) * 2 > this.slots.length) this.grow();
    const bytes = utf8.encode(tag);
    const key = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.keys.push(key);
    this.items.push(item);
    if (this.items.length >= this.successor.length) {
      const s = new Int32Array(this.successor.length * 2);
      s.set(this.successor);
      this.successor = s;
    }
    this.place(hash(key, 0, bytes.length), this.items.length);
  }

  private place(h: number, index: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = index;
    this.hashes[s] = h;
  }

  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(old.length * 2);
    this.hashes = new Uint32Array(old.length * 2);
    for (let s = 0; s < old.length; s++) if (old[s] !== 0) this.place(oldHashes[s]!, old[s]!);
  }

  /** The item whose tag is the UTF-8 text `[start, end)` of the bytes `view` covers. */
  find(view: DataView, start: number, end: number): T | undefined {
    const n = end - start;
    const guess = this.successor[this.last]!;
    if (guess !== 0 && equal(this.keys[guess - 1]!, view, start, n)) {
      this.last = guess;
      return this.items[guess - 1];
    }
    const h = hash(view, start, end);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = h & mask; slots[s] !== 0; s = (s + 1) & mask) {
      if (this.hashes[s] !== h) continue;
      const index = slots[s]!;
      if (equal(this.keys[index - 1]!, view, start, n)) {
        this.successor[this.last] = index;
        this.last = index;
        return this.items[index - 1];
      }
    }
    return undefined;
  }
}
