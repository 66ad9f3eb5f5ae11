/**
 * uPlot draws columns that share one x array. Runs have their own x values (and a run
 * may repeat one: the same step logged twice, a restarted job), so joining must keep
 * every point: each distinct x gets as many rows as the run with the most points there,
 * and a run fills only its own rows (the rest are `null`, bridged by `spanGaps`).
 *
 *     joinSeries([{ x: [0, 1], y: [[5, 6]] }, { x: [1, 1], y: [[7, 8]] }]);
 *     // x: [0, 1, 1]; columns: [5, 6, null], [null, 7, 8]
 */
export interface SeriesTable {
  /** Ascending x (ties allowed). */
  readonly x: ArrayLike<number>;
  /** Columns aligned with x (a run's raw and smoothed values). */
  readonly y: readonly ArrayLike<number>[];
}

export interface JoinedTable {
  readonly x: number[];
  readonly columns: (number | null)[][];
}

/** Stable order of indices by x, so each run's columns can be reordered to ascending x. */
export function ascendingOrder(x: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: x.length }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < x.length && sorted; i++) sorted = x[i - 1]! <= x[i]!;
  if (!sorted) order.sort((a, b) => x[a]! - x[b]! || a - b);
  return order;
}

export function joinSeries(tables: readonly SeriesTable[]): JoinedTable {
  const x: number[] = [];
  const columns: (number | null)[][] = tables.flatMap((t) => t.y.map(() => [] as (number | null)[]));
  const cursor = tables.map(() => 0);
  for (;;) {
    let next = Infinity;
    tables.forEach((t, i) => {
      if (cursor[i]! < t.x.length && t.x[cursor[i]!]! < next) next = t.x[cursor[i]!]!;
    });
    if (next === Infinity) break;
    const counts = tables.map((t, i) => {
      let c = 0;
      while (cursor[i]! + c < t.x.length && t.x[cursor[i]! + c] === next) c++;
      return c;
    });
    const rows = Math.max(...counts);
    for (let r = 0; r < rows; r++) x.push(next);
    let col = 0;
    tables.forEach((t, i) => {
      for (const ys of t.y) {
        const out = columns[col++]!;
        for (let r = 0; r < rows; r++) out.push(r < counts[i]! ? ys[cursor[i]! + r]! : null);
      }
      cursor[i]! += counts[i]!;
    });
  }
  return { x, columns };
}
