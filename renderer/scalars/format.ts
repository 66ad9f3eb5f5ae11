/** Number and time text for chart tooltips and axes. */

/** Up to 6 significant digits, exponent form for very small or large magnitudes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return v.toExponential(4).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(6)));
}

/** A wall time (seconds since the epoch) as local date and time. */
export function formatWallTime(seconds: number, locale: string): string {
  return new Date(seconds * 1000).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
}

/** Distinct colours for runs: TensorBoard's first seven, then more, cycling past the end. */
const PALETTE = [
  '#ff7043', '#0077bb', '#cc3311', '#33bbee', '#ee3377', '#009988', '#bbbbbb',
  '#ffb300', '#7b1fa2', '#43a047', '#6d4c41', '#1e88e5', '#d81b60', '#00897b', '#5e35b1', '#c0ca33',
];

export function runColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
