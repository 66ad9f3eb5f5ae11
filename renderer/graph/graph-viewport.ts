/**
 * Where the graph view looks: fitting the whole top level, or centring on one node at a
 * readable zoom. Computed from the layout's own boxes: asking Cytoscape for a bounding box
 * right after adding hundreds of nodes makes it work out every node's bounds and style at
 * once, which was most of the time an expand took.
 *
 *     const viewport = new GraphViewport(cy);
 *     viewport.update(placed, expanded, look.labelHeight);
 *     viewport.fit(tree.children(0));
 */
import type cytoscape from 'cytoscape';
import type { Placed } from '../../src/graph/index.ts';

interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Room left around what is framed, in screen pixels (each side half of it). */
const MARGIN = 60;

export class GraphViewport {
  private placed: ReadonlyMap<number, Placed> = new Map();
  private expanded: ReadonlySet<number> = new Set();
  private labelHeight = 0;

  constructor(private readonly cy: cytoscape.Core) {}

  /** The boxes of what is drawn now (an expanded scope's label strip sits above its box). */
  update(placed: ReadonlyMap<number, Placed>, expanded: ReadonlySet<number>, labelHeight: number): void {
    this.placed = placed;
    this.expanded = expanded;
    this.labelHeight = labelHeight;
  }

  /** Whether the canvas has a size yet (a view mounted in a hidden panel has none). */
  get sized(): boolean {
    return this.cy.width() > 1 && this.cy.height() > 1;
  }

  /** Show all of `ids` (the top level), zoomed in no further than 1.25. */
  fit(ids: readonly number[]): void {
    const boxes = ids.map((id) => this.boxOf(id)).filter((b) => b !== null);
    if (boxes.length === 0) return;
    this.frame(boxes.reduce((a, b) => ({ x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) })), 1.25);
  }

  /** Centre on a node at a readable zoom, zooming out as far as needed to show it whole. */
  centreOn(id: number): void {
    const box = this.boxOf(id);
    if (box !== null) this.frame(box, 1.5, Math.max(this.cy.zoom(), 0.9));
  }

  private boxOf(id: number): Box | null {
    const p = this.placed.get(id);
    if (p === undefined) return null;
    const label = this.expanded.has(id) ? this.labelHeight : 0;
    return { x1: p.x - p.width / 2, y1: p.y - p.height / 2 - label, x2: p.x + p.width / 2, y2: p.y + p.height / 2 };
  }

  private frame(box: Box, maxZoom: number, wanted = Infinity): void {
    const w = Math.max(1, this.cy.width());
    const h = Math.max(1, this.cy.height());
    const fitZoom = Math.min((w - MARGIN) / Math.max(1, box.x2 - box.x1), (h - MARGIN) / Math.max(1, box.y2 - box.y1));
    const zoom = Math.max(0.02, Math.min(wanted, fitZoom, maxZoom));
    this.cy.viewport({ zoom, pan: { x: w / 2 - ((box.x1 + box.x2) / 2) * zoom, y: h / 2 - ((box.y1 + box.y2) / 2) * zoom } });
  }
}
