/** Element-wise comparison for whole-run trajectories: |a − e| ≤ rel · max(1, |e|), first five misses reported. */
import { expect } from 'vitest';

export function expectClose(actual: unknown, expected: unknown, rel: number): void {
  const a = [actual].flat(Infinity as 1) as number[];
  const e = [expected].flat(Infinity as 1) as number[];
  expect(a.length).toBe(e.length);
  const bad = e.flatMap((x, i) => (Math.abs(a[i]! - x) <= rel * Math.max(1, Math.abs(x)) ? [] : [`[${i}] ${a[i]} vs ${x}`]));
  expect(bad.slice(0, 5)).toEqual([]);
}
