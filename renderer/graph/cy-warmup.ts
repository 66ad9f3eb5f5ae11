/**
 * Runs Cytoscape's style and measuring code once on a small sample scene while the view
 * waits for its graph, so that the first real draw does not pay for it cold.
 *
 * Drawing MobileNet's top level (141 elements) costs the first frame 110–145 ms of CPU, the
 * same scene drawn again 20–45 ms (bench, 2026-11-28): most of the first frame is V8
 * compiling and first running Cytoscape's style application (per property, with its change
 * triggers), label measuring and edge placement. `boundingBox()` on the sample makes
 * Cytoscape do all of that at once, in a task of our choosing, for elements that are
 * removed before any frame draws them (no canvas or GPU work: a throwaway instance that
 * drew made the GPU process stall the first render, RESULTS.md "Third round").
 *
 *     const cancel = warmUpStyle(cy); // in the mount; the sample is gone before the next frame
 */
import type cytoscape from 'cytoscape';

/** One of each kind of element cy-scene.ts and aux-scene.ts draw, with the data fields they write. */
export function sampleScene(): cytoscape.ElementDefinition[] {
  const at = (i: number): cytoscape.Position => ({ x: -1e6 + 120 * i, y: -1e6 });
  const node = (i: number, kind: string, category: string, label: string, extra: Record<string, unknown> = {}): cytoscape.ElementDefinition => ({
    group: 'nodes', position: at(i),
    data: { id: `warm${i}`, entry: -1, kind, category, label, width: 90, height: 40, depth: 1, z: 5, aux: '', tint: '', ...extra },
  });
  const edge = (s: number, t: number, extra: Record<string, unknown>): cytoscape.ElementDefinition => ({
    group: 'edges',
    data: {
      id: `warm${s}-${t}-${String(extra['control'] ?? false)}`, source: `warm${s}`, target: `warm${t}`, control: false, count: 1, ref: false,
      parallel: false, size: 1, label: '', width: 1, z: 4, ...extra,
    },
  });
  return [
    node(0, 'expanded', 'scope', 'Conv2d_1', { width: 600, height: 300, z: 3 }),
    node(1, 'scope', 'scope', 'Conv2d_0\n12 ops'),
    node(2, 'scope', 'series', 'add[1-9]\n×9 Add'),
    node(3, 'op', 'op', 'Conv2D\nConv2D ◆2 Σ1'),
    node(4, 'op', 'variable', 'weights\nVariableV2'),
    node(5, 'op', 'const', 'Const\nConst'),
    node(6, 'op', 'control', 'init\nNoOp'),
    node(7, 'op', 'train', 'Assign\nAssign', { tint: '#c9e2f5' }),
    node(8, 'op', 'input', 'input\nPlaceholder', { aux: 'in' }),
    node(9, 'band', '', '', { helper: true }),
    node(10, 'stub', '', 'weights', { helper: true, stubEnd: 'out', width: 5, height: 5 }),
    node(11, 'stub', '', 'save', { helper: true, stubEnd: 'in', width: 5, height: 5 }),
    node(12, 'op', 'summary', 'loss\nScalarSummary'),
    edge(1, 3, { label: '[?,112,112,32]', width: 2.5 }),
    edge(3, 2, { label: '×3', count: 3 }),
    edge(4, 7, { ref: true, label: '[3,3,3,32]' }),
    edge(5, 3, { parallel: true, label: '[]' }),
    edge(5, 3, { parallel: true, control: true, width: 0.9 }),
    edge(6, 8, { control: true, width: 0.9 }),
    edge(4, 10, { helper: true, stub: true }),
    edge(11, 8, { helper: true, stub: true }),
  ];
}

/**
 * Adds the sample, has Cytoscape style and measure it, and removes it, in a task after the
 * current one (the mount's is long enough). Returns a cancel for a view disposed first.
 */
export function warmUpStyle(cy: cytoscape.Core): () => void {
  const timer = setTimeout(() => {
    if (cy.destroyed()) return;
    const added = cy.add(sampleScene());
    added.boundingBox(); // style, label sizes, edge end points: Cytoscape's first-draw work short of drawing
    added.remove();
  }, 0);
  return () => clearTimeout(timer);
}
