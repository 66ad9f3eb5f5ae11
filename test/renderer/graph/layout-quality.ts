/**
 * Measures of a part's layout that do not depend on how it was made: boxes that overlap,
 * data edges that point downward (TensorBoard draws data flowing up), and crossings of the
 * straight lines between box centres, so two layouts of the same part can be compared.
 */
import type { LayoutJob } from '../../../src/graph/index.ts';
import type { LaidOutPart } from '../../../renderer/graph/layered-layout.ts';

type Centre = { x: number; y: number };

export function centres(nodes: LayoutJob['nodes'], part: LaidOutPart): Map<number, Centre> {
  const size = new Map(nodes.map((n) => [n.id, n]));
  return new Map(part.boxes.map((b) => [b.id, { x: b.x + size.get(b.id)!.width / 2, y: b.y + size.get(b.id)!.height / 2 }]));
}

/** Pairs of boxes that overlap (touching is fine). */
export function overlaps(nodes: LayoutJob['nodes'], part: LaidOutPart): number {
  const size = new Map(nodes.map((n) => [n.id, n]));
  const boxes = part.boxes.map((b) => ({ x1: b.x, y1: b.y, x2: b.x + size.get(b.id)!.width, y2: b.y + size.get(b.id)!.height })).sort((a, b) => a.x1 - b.x1);
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.x1 < boxes[i]!.x2 - 1e-6; j++) {
      if (boxes[j]!.y1 < boxes[i]!.y2 - 1e-6 && boxes[i]!.y1 < boxes[j]!.y2 - 1e-6) count++;
    }
  }
  return count;
}

/** Edges whose target is not drawn above their source. */
export function downwardEdges(edges: LayoutJob['edges'], at: Map<number, Centre>): number {
  return edges.filter((e) => at.get(e.target)!.y >= at.get(e.source)!.y).length;
}

/** Crossings between straight centre-to-centre edge segments (edges sharing an end do not count). */
export function crossings(edges: LayoutJob['edges'], at: Map<number, Centre>): number {
  const segs = edges.map((e) => ({ s: e.source, t: e.target, a: at.get(e.source)!, b: at.get(e.target)! }));
  const side = (p: Centre, q: Centre, r: Centre): number => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const u = segs[i]!;
      const v = segs[j]!;
      if (u.s === v.s || u.s === v.t || u.t === v.s || u.t === v.t) continue;
      if (side(u.a, u.b, v.a) * side(u.a, u.b, v.b) < 0 && side(v.a, v.b, u.a) * side(v.a, v.b, u.b) < 0) count++;
    }
  }
  return count;
}
