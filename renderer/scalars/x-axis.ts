/**
 * The three horizontal axes TensorBoard offers: step, relative time (since the run's
 * first point) and wall time. Values are seconds for the two time axes; uPlot's time
 * scale reads seconds.
 */
export type XAxisMode = 'step' | 'relative' | 'wall';
export const X_AXIS_MODES: readonly XAxisMode[] = ['step', 'relative', 'wall'];

export interface SeriesPoints {
  readonly steps: readonly number[];
  readonly wallTimes: readonly number[];
}

export function xValues(series: SeriesPoints, mode: XAxisMode): Float64Array {
  const n = series.steps.length;
  const out = new Float64Array(n);
  if (mode === 'step') {
    for (let i = 0; i < n; i++) out[i] = series.steps[i]!;
  } else if (mode === 'wall') {
    for (let i = 0; i < n; i++) out[i] = series.wallTimes[i]!;
  } else {
    // TensorBoard measures from the run's first datum, in file order (not the earliest time).
    const start = n > 0 ? series.wallTimes[0]! : 0;
    for (let i = 0; i < n; i++) out[i] = series.wallTimes[i]! - start;
  }
  return out;
}

/** `1h 02m 03s`-style text for a duration in seconds (relative axis ticks and tooltips). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  if (s < 60) return `${sign}${Number(s.toPrecision(3))}s`;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s = Math.round(s - m * 60);
  const pad = (x: number): string => String(x).padStart(2, '0');
  return h > 0 ? `${sign}${h}h ${pad(m)}m ${pad(s)}s` : `${sign}${m}m ${pad(s)}s`;
}
