/**
 * One scope's children laid out in layers by dagre (TensorBoard's layout engine, through
 * cytoscape-dagre on a headless Cytoscape, so it runs in the graph worker with no DOM),
 * each connected part on its own, the parts then packed into rows (src/graph/pack.ts).
 * Data flows upward, inputs at the bottom, as in TensorBoard.
 *
 * Why dagre and not ELK (both are installed): measured on tf1-slim-mobilenet-2018 here,
 * ELK's first layout in a fresh worker took seconds (JIT warm-up of its GWT code) and
 * its layout of the 612-node `save` scope about 9x dagre's.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { connectedParts, packRows, type LayoutJob, type LayoutResult } from '../../src/graph/index.ts';

cytoscape.use(dagre);

const NODE_SEP = 18;
const RANK_SEP = 34;
const PART_GAP = 28;

type Box = { id: number; x: number; y: number };

function layOutPart(job: LayoutJob, ids: readonly number[]): { boxes: Box[]; width: number; height: number } {
  const size = new Map(job.nodes.map((n) => [n.id, n]));
  if (ids.length === 1) {
    const n = size.get(ids[0]!)!;
    return { boxes: [{ id: n.id, x: 0, y: 0 }], width: n.width, height: n.height };
  }
  const inPart = new Set(ids);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...ids.map((id) => ({ group: 'nodes' as const, data: { id: String(id), w: size.get(id)!.width, h: size.get(id)!.height } })),
      ...job.edges.filter((e) => inPart.has(e.source) && inPart.has(e.target)).map((e, i) => ({
        group: 'edges' as const, data: { id: `e${i}`, source: String(e.source), target: String(e.target), weight: e.control ? 1 : 2 },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
  });
  cy.layout({
    name: 'dagre', rankDir: 'BT', nodeSep: NODE_SEP, rankSep: RANK_SEP, edgeSep: 8, fit: false, animate: false,
    // Data edges keep their ends closer than control edges do.
    edgeWeight: (e: cytoscape.EdgeSingular) => e.data('weight') as number,
  } as cytoscape.LayoutOptions).run();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const boxes = cy.nodes().map((n): Box => {
    const s = size.get(Number(n.id()))!;
    const p = n.position();
    const x = p.x - s.width / 2;
    const y = p.y - s.height / 2;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + s.width);
    maxY = Math.max(maxY, y + s.height);
    return { id: s.id, x, y };
  });
  cy.destroy();
  return { boxes: boxes.map((b) => ({ id: b.id, x: b.x - minX, y: b.y - minY })), width: maxX - minX, height: maxY - minY };
}

export function createDagreLayouter(): (job: LayoutJob) => Promise<LayoutResult> {
  return async (job) => {
    const parts = connectedParts(job).map((ids) => layOutPart(job, ids));
    const corners = packRows(parts, { gap: PART_GAP });
    return { positions: parts.flatMap((p, i) => p.boxes.map((b) => ({ id: b.id, x: b.x + corners[i]!.x, y: b.y + corners[i]!.y }))) };
  };
}
