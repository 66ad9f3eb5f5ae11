/**
 * Connected parts of a scope laid out apart and packed into rows, so a scope of many
 * unconnected nodes (TF's `save` holds ~600 restore ops) forms a block instead of one
 * very long row, which is what a layered layout alone makes of it.
 *
 *     const parts = connectedParts(job);          // node ids per part, in the job's order
 *     const at = packRows(sizes, { gap: 24 });     // top-left corner of each box
 */
import type { BoxSize, LayoutJob } from './scope-layout.ts';

/** The job's nodes split into connected parts (edges taken both ways), each in job order, parts ordered by their first node. */
export function connectedParts(job: LayoutJob): number[][] {
  const index = new Map(job.nodes.map((n, i) => [n.id, i]));
  const up = job.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (up[i] !== i) {
      up[i] = up[up[i]!]!;
      i = up[i]!;
    }
    return i;
  };
  for (const e of job.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) up[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const parts = new Map<number, number[]>();
  job.nodes.forEach((n, i) => {
    const r = find(i);
    const part = parts.get(r);
    if (part === undefined) parts.set(r, [n.id]);
    else part.push(n.id);
  });
  return [...parts.values()];
}

export interface PackOptions {
  /** Space between boxes. */
  readonly gap: number;
  /** Wanted width / height of the whole block. */
  readonly aspect?: number;
}

/**
 * Boxes placed left to right in rows (in the given order), a row ending where the block
 * would get wider than `aspect` says; returns each box's top-left corner.
 */
export function packRows(boxes: readonly BoxSize[], { gap, aspect = 1.6 }: PackOptions): { x: number; y: number }[] {
  const area = boxes.reduce((a, b) => a + (b.width + gap) * (b.height + gap), 0);
  const widest = boxes.reduce((w, b) => Math.max(w, b.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * aspect));
  const out: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    out.push({ x, y });
    x += b.width + gap;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return out;
}
