/**
 * An event file as the worker sees it: appends are collected and handed to `post` at
 * most `intervalMs` apart, on flush and on close. A training loop runs synchronously and
 * never yields to timers, so the interval is checked on every append as well; whole
 * appends are posted, so each posted chunk ends on a record boundary.
 *
 *     const file = new BufferedFile((bytes) => postMessage(bytes), () => performance.now());
 */
import type { AppendableFile } from '../../src/host.ts';

export class BufferedFile implements AppendableFile {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private lastPost: number;
  private closed = false;

  constructor(
    private readonly post: (bytes: Uint8Array) => void,
    private readonly now: () => number,
    private readonly intervalMs = 200,
    private readonly onClose: () => void = () => {},
  ) {
    this.lastPost = now();
  }

  append(bytes: Uint8Array): void {
    if (this.closed) throw new Error('append after close');
    // Copy: the writer may reuse its buffer after append returns.
    this.chunks.push(bytes.slice());
    this.size += bytes.length;
    this.tick();
  }

  /** Post what is buffered if the interval has passed (the worker also calls this from a timer). */
  tick(): void {
    if (this.now() - this.lastPost >= this.intervalMs) this.flush();
  }

  flush(): void {
    this.lastPost = this.now();
    if (this.size === 0) return;
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    this.chunks = [];
    this.size = 0;
    this.post(out);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.onClose();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
