import { describe, expect, it } from 'vitest';
import { chartTable, nearestIndex, pointCount, runLine } from '../../../renderer/scalars/chart-data.ts';
import { formatValue } from '../../../renderer/scalars/format.ts';
import { smooth } from '../../../renderer/scalars/smoothing.ts';

const series = (steps: number[], values: number[]) => ({ runId: 'r', tag: 't', steps, wallTimes: steps.map((s) => 1000 + s * 2), values });

describe('runLine', () => {
  it('smooths in file order, then sorts every column by x', () => {
    const s = series([2, 0, 1], [30, 10, 20]);
    const line = runLine('r', '#000', s, { smoothing: 0.5, xMode: 'step', logY: false });
    const smoothedInFileOrder = smooth([30, 10, 20], 0.5);
    expect([...line.x]).toEqual([0, 1, 2]);
    expect([...line.raw]).toEqual([10, 20, 30]);
    expect([...line.smoothed]).toEqual([smoothedInFileOrder[1], smoothedInFileOrder[2], smoothedInFileOrder[0]]);
    expect([...line.wallTimes]).toEqual([1000, 1002, 1004]);
    // Relative time counts from the first point in the file (step 2), as TensorBoard does.
    expect([...line.relative]).toEqual([-4, -2, 0]);
  });
});

describe('chartTable', () => {
  it('joins runs and blanks what a log axis or a line cannot show', () => {
    const a = runLine('a', '#000', series([0, 1], [1, NaN]), { smoothing: 0, xMode: 'step', logY: true });
    const b = runLine('b', '#111', series([1], [-2]), { smoothing: 0, xMode: 'step', logY: true });
    expect(chartTable([a, b], true)).toEqual([[0, 1], [1, null], [1, null], [null, null], [null, null]]);
    expect(chartTable([b], false)).toEqual([[1], [-2], [-2]]);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x, the earlier one on ties', () => {
    const xs = [0, 10, 20];
    expect([-5, 4, 5, 6, 19, 99].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 0, 1, 2, 2]);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('pointCount and formatValue', () => {
  it('counts every point of every series', () => {
    expect(pointCount([series([0, 1], [1, 2]), series([5], [3])])).toBe(3);
  });

  it('formats values compactly', () => {
    expect([0, 1.23456789, -42, 1e-7, 12345678, NaN].map(formatValue)).toEqual(['0', '1.23457', '-42', '1e-7', '1.2346e+7', 'NaN']);
  });
});
