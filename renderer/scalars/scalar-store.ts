/**
 * The scalar series of the runs on screen, read from the host and kept current: when a
 * run changes, only its tags list is re-read, then only the series whose point count
 * changed. Reads of one run never overlap; a change arriving mid-read triggers one more.
 *
 *     const changed = await store.load(runIds);    // tags that gained or changed data
 *     store.series(runId, 'loss');                 // every point, or undefined
 */
import type { HostApi, ScalarSeries, TagInfo } from '../../src/host-api.ts';

/** Reads of series in flight at once (the board serves them over HTTP). */
const PARALLEL_READS = 6;

export class ScalarStore {
  private readonly tags = new Map<string, TagInfo[]>();
  private readonly data = new Map<string, ScalarSeries>();
  private readonly busy = new Map<string, Promise<Set<string>>>();
  private readonly again = new Set<string>();

  constructor(private readonly host: HostApi) {}

  /** Scalar tags of a run, once loaded. */
  tagsOf(runId: string): readonly TagInfo[] {
    return this.tags.get(runId) ?? [];
  }

  series(runId: string, tag: string): ScalarSeries | undefined {
    return this.data.get(key(runId, tag));
  }

  isLoaded(runId: string): boolean {
    return this.tags.has(runId);
  }

  /** Load runs not loaded yet; resolves to the tags whose data changed. */
  async load(runIds: readonly string[]): Promise<Set<string>> {
    const results = await Promise.all(runIds.filter((id) => !this.tags.has(id)).map((id) => this.refresh(id)));
    return union(results);
  }

  /** Re-read what changed in a run (after a host `run-updated` event). */
  refresh(runId: string): Promise<Set<string>> {
    const running = this.busy.get(runId);
    if (running !== undefined) {
      this.again.add(runId);
      return running;
    }
    const job = (async () => {
      const changed = new Set<string>();
      do {
        this.again.delete(runId);
        for (const tag of await this.read(runId)) changed.add(tag);
      } while (this.again.has(runId));
      return changed;
    })().finally(() => this.busy.delete(runId));
    this.busy.set(runId, job);
    return job;
  }

  /** Forget runs no longer listed. */
  retain(runIds: ReadonlySet<string>): void {
    for (const id of [...this.tags.keys()]) {
      if (runIds.has(id)) continue;
      for (const t of this.tags.get(id)!) this.data.delete(key(id, t.tag));
      this.tags.delete(id);
    }
  }

  private async read(runId: string): Promise<Set<string>> {
    const tags = (await this.host.listTags(runId)).filter((t) => t.kind === 'scalar');
    const stale = tags.filter((t) => this.data.get(key(runId, t.tag))?.steps.length !== t.count);
    const changed = new Set<string>();
    for (const old of this.tags.get(runId) ?? []) {
      if (!tags.some((t) => t.tag === old.tag)) {
        this.data.delete(key(runId, old.tag));
        changed.add(old.tag);
      }
    }
    await inBatches(stale, PARALLEL_READS, async (t) => {
      this.data.set(key(runId, t.tag), await this.host.readScalars(runId, t.tag));
      changed.add(t.tag);
    });
    this.tags.set(runId, tags);
    return changed;
  }
}

const key = (runId: string, tag: string): string => `${runId}\u0000${tag}`;

function union(sets: readonly Set<string>[]): Set<string> {
  return new Set(sets.flatMap((s) => [...s]));
}

async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
