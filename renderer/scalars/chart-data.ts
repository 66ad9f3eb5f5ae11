/**
 * From scalar series to what one chart draws: per run, points in x order with raw and
 * smoothed values (smoothing runs in file order, as TensorBoard's does), then one table
 * for uPlot. Values a log axis cannot show (≤ 0) and non-finite ones become gaps.
 */
import type { ScalarSeries } from '../../src/host-api.ts';
import { ascendingOrder, joinSeries } from './series-join.ts';
import { smooth } from './smoothing.ts';
import { xValues, type XAxisMode } from './x-axis.ts';

export interface ChartSettings {
  readonly smoothing: number;
  readonly xMode: XAxisMode;
  readonly logY: boolean;
}

export interface RunLine {
  readonly run: string;
  readonly color: string;
  /** All in ascending x order. */
  readonly x: Float64Array;
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly relative: Float64Array;
  readonly raw: Float64Array;
  readonly smoothed: Float64Array;
}

export function runLine(run: string, color: string, series: ScalarSeries, settings: ChartSettings): RunLine {
  const x = xValues(series, settings.xMode);
  const relative = xValues(series, 'relative');
  const smoothed = smooth(series.values, settings.smoothing);
  const order = ascendingOrder(x);
  const pick = (from: ArrayLike<number>): Float64Array => Float64Array.from(order, (i) => from[i]!);
  return {
    run, color,
    x: pick(x), steps: pick(series.steps), wallTimes: pick(series.wallTimes), relative: pick(relative),
    raw: pick(series.values), smoothed: pick(smoothed),
  };
}

/** uPlot's data: x, then for each run its raw column and its smoothed column. */
export function chartTable(lines: readonly RunLine[], logY: boolean): [number[], ...(number | null)[][]] {
  const drawable = (v: number): number | null => (Number.isFinite(v) && (!logY || v > 0) ? v : null);
  const joined = joinSeries(lines.map((l) => ({ x: l.x, y: [l.raw, l.smoothed] })));
  return [joined.x, ...joined.columns.map((col) => col.map((v) => (v === null ? null : drawable(v))))];
}

/** Index of the point nearest to `x` in ascending `xs` (−1 when empty). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0, hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(xs[lo - 1]! - x) <= Math.abs(xs[lo]! - x) ? lo - 1 : lo;
}

/** Points a card counts as drawn: every point of every run shown. */
export function pointCount(series: readonly ScalarSeries[]): number {
  return series.reduce((n, s) => n + s.steps.length, 0);
}
