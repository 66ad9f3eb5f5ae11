/**
 * Follows one event file by offset: each `readNew()` reads only the bytes appended
 * since the last call and hands them to the file's reader, which keeps a partial last
 * record until the rest of it arrives. Nothing is ever read twice.
 */
import fs from 'node:fs/promises';
import type { EventFileReader } from '../../src/events/run-accumulator.ts';

/** Largest single read; a bigger file is handed over in pieces of this size. */
const MAX_READ = 16 * 1024 * 1024;

export class FileTail {
  /** Bytes read from the file so far. */
  private position = 0;
  private shrunk = false;

  constructor(readonly path: string, readonly reader: EventFileReader) {}

  /**
   * Read what the file gained. Returns the number of new bytes (0 when unchanged). A file
   * that got shorter than what was already read was replaced or truncated by someone:
   * that is reported once as a problem and the file is no longer followed.
   */
  async readNew(): Promise<number> {
    if (this.shrunk) return 0;
    let size: number;
    try {
      size = (await fs.stat(this.path)).size;
    } catch {
      return 0; // deleted (or not yet visible): what was read stays
    }
    if (size < this.position) {
      this.shrunk = true;
      this.reader.data.problems.push({
        offset: size,
        kind: 'truncated',
        message: `the file shrank from ${this.position} to ${size} bytes while being read; what was read is kept, the file is no longer followed`,
        resumedAt: null,
      });
      return 0;
    }
    if (size === this.position) return 0;
    const start = this.position;
    const handle = await fs.open(this.path, 'r');
    try {
      while (this.position < size) {
        // A fresh buffer per read: the reader keeps views into the bytes it was given.
        const chunk = new Uint8Array(Math.min(MAX_READ, size - this.position));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, this.position);
        if (bytesRead === 0) break;
        this.reader.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
        this.position += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return this.position - start;
  }
}
