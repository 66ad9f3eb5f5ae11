/**
 * A scope's Layouter (src/graph/scope-layout.ts) from a layout of one connected part:
 * each connected part of the scope laid out on its own, the parts then packed into rows
 * (src/graph/pack.ts), so unconnected nodes form a block rather than one long row.
 *
 *     const layouter = createPartLayouter(layOutLayered);
 *     const { positions } = await layouter(job);
 */
import { connectedParts, packRows, type LayoutJob, type Layouter } from '../../src/graph/index.ts';
import type { LaidOutPart } from './layered-layout.ts';

const PART_GAP = 28;

export type PartLayout = (nodes: LayoutJob['nodes'], edges: LayoutJob['edges']) => LaidOutPart;

export function createPartLayouter(layOutPart: PartLayout): Layouter {
  return async (job) => {
    const byId = new Map(job.nodes.map((n) => [n.id, n]));
    const parts = connectedParts(job).map((ids): LaidOutPart => {
      if (ids.length === 1) {
        const n = byId.get(ids[0]!)!;
        return { boxes: [{ id: n.id, x: 0, y: 0 }], width: n.width, height: n.height };
      }
      const inPart = new Set(ids);
      return layOutPart(ids.map((id) => byId.get(id)!), job.edges.filter((e) => inPart.has(e.source) && inPart.has(e.target)));
    });
    const corners = packRows(parts, { gap: PART_GAP });
    return { positions: parts.flatMap((p, i) => p.boxes.map((b) => ({ id: b.id, x: b.x + corners[i]!.x, y: b.y + corners[i]!.y }))) };
  };
}
