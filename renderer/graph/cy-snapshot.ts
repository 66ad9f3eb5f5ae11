/** What Cytoscape has drawn, read back as an SvgScene (svg-export.ts) and as a PNG. */
import type cytoscape from 'cytoscape';
import type { Point, SvgEdge, SvgNode, SvgScene } from './svg-export.ts';

const MARGIN = 20;
const px = (v: unknown): number => Number.parseFloat(String(v)) || 0;

function nodeOf(node: cytoscape.NodeSingular): SvgNode {
  const open = node.data('kind') === 'expanded'; // an open scope: its label sits above its box
  const box = node.boundingBox({ includeLabels: false, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  const border = px(node.style('border-width'));
  const shape = String(node.style('shape'));
  return {
    shape: shape === 'ellipse' ? 'ellipse' : shape === 'rectangle' ? 'rectangle' : 'round-rectangle',
    x: (box.x1 + box.x2) / 2,
    y: (box.y1 + box.y2) / 2,
    // The bounding box includes the border; the shape's outline runs through its middle.
    width: box.w - border,
    height: box.h - border,
    fill: String(node.style('background-color')),
    fillOpacity: px(node.style('background-opacity') ?? 1),
    stroke: String(node.style('border-color')),
    strokeWidth: border,
    dashed: node.style('border-style') === 'dashed',
    label: String(node.data('label') ?? ''),
    labelAbove: open,
    fontSize: px(node.style('font-size')),
    bold: String(node.style('font-weight')) === 'bold',
    color: String(node.style('color')),
  };
}

function edgeOf(edge: cytoscape.EdgeSingular): SvgEdge {
  const src = edge.sourceEndpoint();
  const tgt = edge.targetEndpoint();
  const cps: Point[] = (edge.controlPoints() as Point[] | undefined) ?? [];
  return {
    points: [src, ...cps, tgt],
    stroke: String(edge.style('line-color')),
    width: px(edge.style('width')),
    dashed: edge.style('line-style') === 'dashed',
    arrow: edge.style('target-arrow-shape') !== 'none',
    label: String(edge.data('label') ?? ''),
    labelAt: edge.midpoint(),
    fontSize: px(edge.style('font-size')),
  };
}

/** Every drawn element (the whole graph at its current expansion, not just the part in the viewport). */
export function sceneOf(cy: cytoscape.Core): SvgScene {
  const bb = cy.elements().boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
  // In drawing order (cy-scene.ts's z), so boxes lie under what they hold.
  const z = (n: cytoscape.NodeSingular): number => n.data('z') as number;
  const nodes = cy.nodes().toArray().sort((a, b) => z(a) - z(b)).map(nodeOf);
  return {
    x: bb.x1 - MARGIN, y: bb.y1 - MARGIN, width: bb.w + 2 * MARGIN, height: bb.h + 2 * MARGIN,
    background: '#ffffff', fontFamily: 'Noto Sans JP, system-ui, sans-serif',
    nodes, edges: cy.edges().map(edgeOf),
  };
}

export async function pngOf(cy: cytoscape.Core): Promise<Uint8Array> {
  // Large graphs at scale 2 can exceed the canvas limit; Cytoscape's maxWidth/maxHeight cap it.
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }) as Blob;
  return new Uint8Array(await blob.arrayBuffer());
}
