/**
 * Compares what two backends fetched for one op case, per the case's check, and reports
 * the largest absolute difference seen (for the summary table).
 */
import type { Check, Tolerance } from '../../support/op-cases.ts';

export interface Comparison {
  /** Up to five mismatches, each saying where and by how much; empty when the values agree. */
  readonly problems: string[];
  /** max |other − cpu| over numeric elements (0 for strings/bytes that matched). */
  readonly maxAbs: number;
}

/** The nested array's dimensions (`[[1,2],[3,4]]` → [2, 2]); typed arrays and strings are leaves. */
export function shapeOf(v: unknown): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length > 0 ? shapeOf(v[0]) : [])] : [];
}

function leaves(v: unknown): unknown[] {
  return Array.isArray(v) ? v.flatMap(leaves) : [v];
}

function numbersOf(v: unknown, what: string): number[] {
  return leaves(v).map((x) => {
    if (typeof x === 'number') return x;
    if (typeof x === 'boolean') return x ? 1 : 0;
    throw new Error(`${what}: expected numbers, got ${typeof x}`);
  });
}

function closeTo(cpu: unknown, other: unknown, tol: Tolerance, what: string): Comparison {
  const c = numbersOf(cpu, what);
  const o = numbersOf(other, what);
  const problems: string[] = [];
  if (JSON.stringify(shapeOf(cpu)) !== JSON.stringify(shapeOf(other))) problems.push(`${what}: shape [${shapeOf(other)}] vs cpu [${shapeOf(cpu)}]`);
  let maxAbs = 0;
  for (let i = 0; i < Math.min(c.length, o.length); i++) {
    const d = Math.abs(o[i]! - c[i]!);
    // NaN must meet NaN and an infinity the same infinity; finite values the tolerance.
    const special = !Number.isFinite(c[i]!) || !Number.isFinite(o[i]!);
    const ok = special ? Object.is(c[i], o[i]) || (Number.isNaN(c[i]!) && Number.isNaN(o[i]!)) : d <= tol.abs + tol.rel * Math.abs(c[i]!);
    if (!ok) {
      if (problems.length < 5) problems.push(`${what}[${i}]: ${o[i]} vs cpu ${c[i]} (|d| ${d.toExponential(2)} > ${tol.abs} + ${tol.rel}·|cpu|)`);
    }
    if (!special) maxAbs = Math.max(maxAbs, d);
  }
  return { problems, maxAbs };
}

function meanStd(xs: number[]): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [mean, Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a, (_k, v) => (v instanceof Uint8Array ? [...v] : v)) === JSON.stringify(b, (_k, v) => (v instanceof Uint8Array ? [...v] : v));

/** Compare one fetched value of `other` against the CPU backend's, as `check` says. */
export function compareFetched(check: Check, cpu: unknown, other: unknown, what: string): Comparison {
  switch (check.kind) {
    case 'close':
      return closeTo(cpu, other, check.tol, what);
    case 'same':
      return { problems: same(cpu, other) ? [] : [`${what}: ${JSON.stringify(other).slice(0, 200)} vs cpu ${JSON.stringify(cpu).slice(0, 200)}`], maxAbs: 0 };
    case 'stats': {
      const problems: string[] = [];
      if (JSON.stringify(shapeOf(cpu)) !== JSON.stringify(shapeOf(other))) problems.push(`${what}: shape [${shapeOf(other)}] vs cpu [${shapeOf(cpu)}]`);
      for (const [who, v] of [['cpu', cpu], ['other', other]] as const) {
        const [mean, std] = meanStd(numbersOf(v, what));
        if (mean < check.mean[0] || mean > check.mean[1]) problems.push(`${what} (${who}): mean ${mean} outside [${check.mean}]`);
        if (std < check.std[0] || std > check.std[1]) problems.push(`${what} (${who}): std ${std} outside [${check.std}]`);
      }
      return { problems, maxAbs: 0 };
    }
  }
}
