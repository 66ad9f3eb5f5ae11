/**
 * The drawn graph as an SVG document, from a plain description of what is on screen
 * (cy-snapshot.ts reads it from Cytoscape). No plugin: the npm `cytoscape-svg` goes
 * through canvas2svg and has not been kept up; what we draw is boxes, ellipses, curves
 * and text, which SVG says directly.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface SvgNode {
  readonly shape: 'ellipse' | 'round-rectangle' | 'rectangle';
  /** Centre and size. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly fillOpacity: number;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dashed: boolean;
  readonly label: string;
  /** Compound nodes carry their label above the box. */
  readonly labelAbove: boolean;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly color: string;
}

export interface SvgEdge {
  /** Source endpoint, control points of the quadratic pieces, target endpoint. */
  readonly points: readonly Point[];
  readonly stroke: string;
  readonly width: number;
  readonly dashed: boolean;
  readonly arrow: boolean;
  readonly label: string;
  readonly labelAt: Point | null;
  readonly fontSize: number;
}

export interface SvgScene {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly fontFamily: string;
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`);
const n = (x: number): string => String(Math.round(x * 100) / 100);

function shape(node: SvgNode): string {
  const paint = `fill="${esc(node.fill)}" fill-opacity="${n(node.fillOpacity)}" stroke="${esc(node.stroke)}" stroke-width="${n(node.strokeWidth)}"${node.dashed ? ' stroke-dasharray="4 3"' : ''}`;
  if (node.shape === 'ellipse') return `<ellipse cx="${n(node.x)}" cy="${n(node.y)}" rx="${n(node.width / 2)}" ry="${n(node.height / 2)}" ${paint}/>`;
  const r = node.shape === 'round-rectangle' ? Math.min(8, node.width / 4, node.height / 4) : 0;
  return `<rect x="${n(node.x - node.width / 2)}" y="${n(node.y - node.height / 2)}" width="${n(node.width)}" height="${n(node.height)}" rx="${n(r)}" ${paint}/>`;
}

function text(node: SvgNode): string {
  if (node.label === '') return '';
  const lines = node.label.split('\n');
  const lineHeight = node.fontSize * 1.27;
  const top = node.labelAbove ? node.y - node.height / 2 - 4 - lineHeight * (lines.length - 1) : node.y - (lineHeight * (lines.length - 1)) / 2;
  const baseline = node.labelAbove ? 'auto' : 'central';
  const spans = lines.map((l, i) => `<tspan x="${n(node.x)}" y="${n(top + i * lineHeight)}">${esc(l)}</tspan>`).join('');
  return `<text text-anchor="middle" dominant-baseline="${baseline}" font-size="${n(node.fontSize)}"${node.bold ? ' font-weight="bold"' : ''} fill="${esc(node.color)}">${spans}</text>`;
}

/** Quadratic pieces through the control points, as Cytoscape draws a bezier edge. */
export function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let d = `M${n(first.x)},${n(first.y)}`;
  if (rest.length === 1) return `${d} L${n(rest[0]!.x)},${n(rest[0]!.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const cp = rest[i]!;
    const next = rest[i + 1]!;
    const end = i === rest.length - 2 ? next : { x: (cp.x + next.x) / 2, y: (cp.y + next.y) / 2 };
    d += ` Q${n(cp.x)},${n(cp.y)} ${n(end.x)},${n(end.y)}`;
  }
  return d;
}

function arrowHead(edge: SvgEdge): string {
  const tip = edge.points[edge.points.length - 1];
  const from = edge.points[edge.points.length - 2];
  if (!edge.arrow || tip === undefined || from === undefined) return '';
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const size = 4 + edge.width * 2;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const half = size * 0.55;
  const pts = [tip, { x: bx - uy * half, y: by + ux * half }, { x: bx + uy * half, y: by - ux * half }];
  return `<polygon points="${pts.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" fill="${esc(edge.stroke)}"/>`;
}

function edgeSvg(edge: SvgEdge): string {
  const line = `<path d="${edgePath(edge.points)}" fill="none" stroke="${esc(edge.stroke)}" stroke-width="${n(edge.width)}"${edge.dashed ? ' stroke-dasharray="5 4"' : ''}/>`;
  const label = edge.label !== '' && edge.labelAt !== null
    ? `<text x="${n(edge.labelAt.x)}" y="${n(edge.labelAt.y)}" text-anchor="middle" dominant-baseline="central" font-size="${n(edge.fontSize)}" fill="#57606a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(edge.label)}</text>`
    : '';
  return line + arrowHead(edge) + label;
}

export function svgDocument(scene: SvgScene): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(scene.x)} ${n(scene.y)} ${n(scene.width)} ${n(scene.height)}" width="${n(scene.width)}" height="${n(scene.height)}" font-family="${esc(scene.fontFamily)}">`;
  const bg = `<rect x="${n(scene.x)}" y="${n(scene.y)}" width="${n(scene.width)}" height="${n(scene.height)}" fill="${esc(scene.background)}"/>`;
  // Scope boxes first (they are listed parents first), then edges over them, then op nodes over the edges.
  const boxes = scene.nodes.filter((x) => x.labelAbove);
  const leaves = scene.nodes.filter((x) => !x.labelAbove);
  const body = [...boxes.map((x) => shape(x) + text(x)), ...scene.edges.map(edgeSvg), ...leaves.map((x) => shape(x) + text(x))];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}${bg}${body.join('\n')}</svg>\n`;
}
