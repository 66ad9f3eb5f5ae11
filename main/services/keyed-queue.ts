/**
 * Runs tasks one at a time per key, in call order. Each task is queued before any await,
 * so calls that overlap (a script's event-file appends arriving over IPC or HTTP) still
 * run in sequence; a failed task does not stop the ones queued after it.
 *
 *     const q = new KeyedQueue();
 *     await Promise.all([q.run('a', first), q.run('a', second)]); // second starts after first ends
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run(key: string, task: () => Promise<void>): Promise<void> {
    const done = (this.tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    this.tails.set(key, done);
    try {
      await done;
    } finally {
      if (this.tails.get(key) === done) this.tails.delete(key);
    }
  }

  /** Keys with a task queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
