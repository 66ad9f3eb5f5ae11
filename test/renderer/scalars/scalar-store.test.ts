import { describe, expect, it } from 'vitest';
import type { HostApi, ScalarSeries, TagInfo } from '../../../src/host-api.ts';
import { ScalarStore } from '../../../renderer/scalars/scalar-store.ts';

/** A host whose runs grow when the test says so, counting what the store reads. */
function fakeHost() {
  const runs = new Map<string, Map<string, number[]>>([['r1', new Map([['loss', [1, 2]], ['acc', [0.5]]])]]);
  const reads: string[] = [];
  let listTagsCalls = 0;
  const host = {
    listTags: async (runId: string): Promise<TagInfo[]> => {
      listTagsCalls++;
      const tags = [...(runs.get(runId) ?? new Map()).entries()].map(([tag, v]) => ({ tag, kind: 'scalar', count: v.length, firstStep: 0, lastStep: v.length - 1 }));
      return [...tags, { tag: 'hist', kind: 'histogram', count: 3, firstStep: 0, lastStep: 2 }];
    },
    readScalars: async (runId: string, tag: string): Promise<ScalarSeries> => {
      reads.push(`${runId}/${tag}`);
      const values = runs.get(runId)!.get(tag)!;
      return { runId, tag, steps: values.map((_, i) => i), wallTimes: values.map((_, i) => 100 + i), values: [...values] };
    },
  } as unknown as HostApi;
  return { host, runs, reads, listTagsCalls: () => listTagsCalls };
}

describe('ScalarStore', () => {
  it('loads the scalar tags of a run and every point of each', async () => {
    const { host, reads } = fakeHost();
    const store = new ScalarStore(host);
    expect([...(await store.load(['r1']))].sort()).toEqual(['acc', 'loss']);
    expect(store.tagsOf('r1').map((t) => t.tag)).toEqual(['loss', 'acc']);
    expect(store.series('r1', 'loss')?.values).toEqual([1, 2]);
    expect(reads.sort()).toEqual(['r1/acc', 'r1/loss']);
    expect(await store.load(['r1'])).toEqual(new Set());
  });

  it('re-reads only the series that grew, and notices new and vanished tags', async () => {
    const { host, runs, reads } = fakeHost();
    const store = new ScalarStore(host);
    await store.load(['r1']);
    reads.length = 0;
    runs.get('r1')!.get('loss')!.push(3);
    runs.get('r1')!.delete('acc');
    runs.get('r1')!.set('lr', [0.1]);
    expect([...(await store.refresh('r1'))].sort()).toEqual(['acc', 'loss', 'lr']);
    expect(reads.sort()).toEqual(['r1/loss', 'r1/lr']);
    expect(store.series('r1', 'acc')).toBeUndefined();
    expect(store.series('r1', 'loss')?.values).toEqual([1, 2, 3]);
  });

  it('coalesces refreshes that arrive while one is running into one more read', async () => {
    const { host, runs, listTagsCalls } = fakeHost();
    const store = new ScalarStore(host);
    await store.load(['r1']);
    const before = listTagsCalls();
    runs.get('r1')!.get('loss')!.push(3);
    const all = [store.refresh('r1'), store.refresh('r1'), store.refresh('r1')];
    const results = await Promise.all(all);
    expect(listTagsCalls() - before).toBe(2);
    for (const r of results) expect(r.has('loss')).toBe(true);
  });

  it('forgets runs that are gone', async () => {
    const { host } = fakeHost();
    const store = new ScalarStore(host);
    await store.load(['r1']);
    store.retain(new Set());
    expect(store.isLoaded('r1')).toBe(false);
    expect(store.series('r1', 'loss')).toBeUndefined();
  });
});
