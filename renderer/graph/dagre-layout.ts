/**
 * One connected part laid out in layers by dagre (TensorBoard's layout engine, through
 * cytoscape-dagre on a headless Cytoscape, so it runs with no DOM). The app lays out with
 * layered-layout.ts, which is much faster on big scopes; dagre stays as the reference its
 * results and speed are compared with (test/renderer/graph/layered-layout.test.ts,
 * bench:graph's `layouts`).
 *
 * Why not ELK either (it is installed): measured on tf1-slim-mobilenet-2018 here, ELK's
 * first layout in a fresh worker took seconds (JIT warm-up of its GWT code) and its
 * layout of the 612-node `save` scope about 9x dagre's.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { LayoutJob } from '../../src/graph/index.ts';
import type { LaidOutPart } from './layered-layout.ts';

cytoscape.use(dagre);

const NODE_SEP = 18;
const RANK_SEP = 34;

/** Data flows upward, inputs at the bottom, as in TensorBoard. */
export function layOutDagre(nodes: LayoutJob['nodes'], edges: LayoutJob['edges']): LaidOutPart {
  const size = new Map(nodes.map((n) => [n.id, n]));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: String(n.id), w: n.width, h: n.height } })),
      ...edges.filter((e) => size.has(e.source) && size.has(e.target)).map((e, i) => ({
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
  const boxes = cy.nodes().map((n) => {
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
