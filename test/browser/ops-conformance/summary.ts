/**
 * The conformance run's summary: per op type, the path it took under the WebGL backend
 * (a GPU program, or the CPU fallback counted in `stats.fallbacks`), how many cases
 * exercised it, and the largest |webgl − cpu| seen in outputs and gradients.
 */
import type { WebGLStats } from '../../../src/backend/webgl/index.ts';
import type { OpCase } from '../../support/op-cases.ts';

export interface OpRow {
  /**
   * 'cpu-fallback' (counted in `stats.fallbacks` in some case), 'gpu' (none counted and the
   * run drew or aliased on the GPU), 'host' (shape ops: read on the host, nothing counted) or
   * 'fed' (a fed Placeholder runs no kernel at all).
   */
  path: string;
  cases: number;
  maxAbs: number;
  /** null: no case compares this op's gradient. */
  gradMaxAbs: number | null;
}

/** Fold one case's stats and errors into the rows of the op types it covers. */
export function recordCase(rows: Map<string, OpRow>, c: OpCase, stats: WebGLStats, maxAbs: number, gradMaxAbs: number): void {
  for (const op of c.covers) {
    const fallbacks = stats.fallbacks.get(op) ?? 0;
    const path = op === 'Placeholder' ? 'fed' : fallbacks > 0 ? 'cpu-fallback' : stats.gpuOps + stats.aliases > 0 ? 'gpu' : 'host';
    const row = rows.get(op) ?? { path, cases: 0, maxAbs: 0, gradMaxAbs: null };
    // An op that fell back in any case is reported as a fallback.
    if (path === 'cpu-fallback') row.path = path;
    row.cases++;
    row.maxAbs = Math.max(row.maxAbs, maxAbs);
    if (c.grad !== undefined) row.gradMaxAbs = Math.max(row.gradMaxAbs ?? 0, gradMaxAbs);
    rows.set(op, row);
  }
}

/** A fixed-width table, op types in alphabetical order. */
export function summaryTable(rows: ReadonlyMap<string, OpRow>): string {
  const header = ['op', 'path', 'cases', 'max |webgl-cpu|', 'grad max |webgl-cpu|'];
  const body = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([op, r]) => [op, r.path, String(r.cases), r.maxAbs.toExponential(2), r.gradMaxAbs === null ? '-' : r.gradMaxAbs.toExponential(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((s, i) => s.padEnd(widths[i]!)).join('  ');
  return ['ops conformance (WebGL, smallOnCpu 0) vs CPU:', line(header), ...body.map(line)].join('\n');
}
