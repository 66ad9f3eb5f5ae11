import { describe, expect, it } from 'vitest';
import { formatDuration, xValues } from '../../../renderer/scalars/x-axis.ts';

const series = { steps: [0, 50, 100], wallTimes: [1494075549.5, 1494075550.25, 1494075552] };

describe('xValues', () => {
  it('gives steps, wall times, or seconds since the first point', () => {
    expect([...xValues(series, 'step')]).toEqual([0, 50, 100]);
    expect([...xValues(series, 'wall')]).toEqual(series.wallTimes);
    expect([...xValues(series, 'relative')]).toEqual([0, 0.75, 2.5]);
  });

  it('measures relative time from the first point in file order, as TensorBoard does', () => {
    expect([...xValues({ steps: [1, 2], wallTimes: [10, 4] }, 'relative')]).toEqual([0, -6]);
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(2.5)).toBe('2.5s');
    expect(formatDuration(62)).toBe('1m 02s');
    expect(formatDuration(3723)).toBe('1h 02m 03s');
    expect(formatDuration(-90)).toBe('-1m 30s');
  });
});
