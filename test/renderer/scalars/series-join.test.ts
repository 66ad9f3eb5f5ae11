import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascendingOrder, joinSeries } from '../../../renderer/scalars/series-join.ts';

describe('joinSeries', () => {
  it('aligns runs on shared x and keeps repeated x values', () => {
    const joined = joinSeries([
      { x: [0, 1], y: [[5, 6]] },
      { x: [1, 1, 2], y: [[7, 8, 9], [70, 80, 90]] },
    ]);
    expect(joined.x).toEqual([0, 1, 1, 2]);
    expect(joined.columns).toEqual([
      [5, 6, null, null],
      [null, 7, 8, 9],
      [null, 70, 80, 90],
    ]);
  });

  it('keeps every point of every run, in order, on random sorted inputs', () => {
    const sortedRun = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(sortedRun, { minLength: 1, maxLength: 4 }), (runs) => {
        const tables = runs.map((x, r) => ({ x, y: [x.map((_, i) => r * 1000 + i)] }));
        const joined = joinSeries(tables);
        for (let i = 1; i < joined.x.length; i++) expect(joined.x[i]!).toBeGreaterThanOrEqual(joined.x[i - 1]!);
        tables.forEach((t, r) => {
          const col = joined.columns[r]!;
          const kept = col.flatMap((v, i) => (v === null ? [] : [[joined.x[i], v]]));
          expect(kept).toEqual(t.x.map((x, i) => [x, t.y[0]![i]]));
        });
        // No row is wasted: the rows at each x are as many as the busiest run there.
        const rowsAt = (x: number): number => joined.x.filter((v) => v === x).length;
        for (const x of new Set(runs.flat())) expect(rowsAt(x)).toBe(Math.max(...runs.map((xs) => xs.filter((v) => v === x).length)));
      }),
    );
  });
});

describe('ascendingOrder', () => {
  it('sorts stably and leaves sorted input alone', () => {
    expect([...ascendingOrder([3, 1, 3, 0])]).toEqual([3, 1, 0, 2]);
    expect([...ascendingOrder([0, 1, 1, 2])]).toEqual([0, 1, 2, 3]);
  });
});
