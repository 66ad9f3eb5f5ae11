import { describe, expect, it } from 'vitest';
import { edgePath, svgDocument, type SvgEdge, type SvgNode, type SvgScene } from '../../renderer/graph/svg-export.ts';

const node = (over: Partial<SvgNode>): SvgNode => ({
  shape: 'ellipse', x: 0, y: 0, width: 80, height: 40, fill: '#ffffff', fillOpacity: 1, stroke: '#8c959f', strokeWidth: 1,
  dashed: false, label: 'mul\nMul', labelAbove: false, fontSize: 11, bold: false, color: '#1f2328', ...over,
});
const edge = (over: Partial<SvgEdge>): SvgEdge => ({
  points: [{ x: 0, y: 100 }, { x: 0, y: 20 }], stroke: '#6e7781', width: 1.5, dashed: false, arrow: true, label: '', labelAt: null, fontSize: 9, ...over,
});
const scene = (nodes: SvgNode[], edges: SvgEdge[] = []): SvgScene => ({
  x: -50, y: -40, width: 300, height: 200, background: '#ffffff', fontFamily: 'Noto Sans JP', nodes, edges,
});

describe('SVG export', () => {
  it('draws ops as ellipses and scopes as rounded boxes, labels line by line, escaped', () => {
    const svg = svgDocument(scene([
      node({ shape: 'round-rectangle', x: 100, y: 50, width: 200, height: 120, label: 'a<b>&"c"', labelAbove: true, bold: true }),
      node({ x: 10, y: 20 }),
    ]));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="-50 -40 300 200"')).toBe(true);
    expect(svg).toContain('<ellipse cx="10" cy="20" rx="40" ry="20"');
    expect(svg).toContain('<rect x="0" y="-10" width="200" height="120" rx="8"');
    expect(svg).toContain('>a&lt;b&gt;&amp;&quot;c&quot;</tspan>');
    expect(svg).not.toMatch(/<[^>]*<[^!?/a-z]/); // no raw `<` inside a tag
    expect((svg.match(/<tspan /g) ?? []).length).toBe(3);
    // Scope boxes come before the ops drawn on them.
    expect(svg.indexOf('<rect x="0"')).toBeLessThan(svg.indexOf('<ellipse'));
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws control edges dashed, with the count label and an arrow head at the target', () => {
    const svg = svgDocument(scene([], [edge({ dashed: true, label: '×3', labelAt: { x: 0, y: 60 } })]));
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toContain('>×3</text>');
    const pts = /<polygon points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number));
    expect(pts[0]).toEqual([0, 20]); // the tip is the target endpoint
    expect(pts[1]![1]).toBeGreaterThan(20); // the base lies back along the edge
  });

  it('follows Cytoscape\'s bezier: quadratic pieces through the control points', () => {
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 10 }])).toBe('M0,0 L10,10');
    expect(edgePath([{ x: 0, y: 0 }, { x: 5, y: 8 }, { x: 10, y: 0 }])).toBe('M0,0 Q5,8 10,0');
    expect(edgePath([{ x: 0, y: 0 }, { x: 2, y: 4 }, { x: 6, y: 4 }, { x: 8, y: 0 }])).toBe('M0,0 Q2,4 4,4 Q6,4 8,0');
  });
});
