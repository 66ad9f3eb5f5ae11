/**
 * Trace inputs on screen (TensorBoard's toggle): every drawn node that is, or holds, a
 * transitive input of the selected op gets the class `traced`, every drawn edge walked
 * `traced`, the rest `dimmed`. Off (null trace): both classes removed.
 *
 *     applyTrace(cy, traceInputs(tree, op), visibleGraph(tree, expanded));
 */
import type cytoscape from 'cytoscape';
import type { TracedInputs, VisibleGraph } from '../../src/graph/index.ts';
import type { ScopeTree } from '../../src/graph/index.ts';
import { drawnEdgeKey } from '../../src/graph/drawn-edges.ts';
import { nodeKey } from './cy-scene.ts';

export function applyTrace(cy: cytoscape.Core, tree: ScopeTree, trace: TracedInputs | null, visible: VisibleGraph): void {
  cy.batch(() => {
    // Only where set: Cytoscape 3.35 counts removing an absent class as a change and
    // restyles the element, so clearing every element restyled the whole scene on each draw.
    cy.elements('.traced, .dimmed').removeClass('traced dimmed');
    if (trace === null) return;
    const nodes = new Set<string>();
    for (const id of trace.ops) nodes.add(nodeKey(visible.representative[id]!));
    for (const id of trace.groups) if (visible.representative[id] === id) nodes.add(nodeKey(id));
    const edges = new Set<string>();
    const { edgeSrc, edgeDst, edgeControl } = tree.data;
    for (const e of trace.edges) {
      const s = visible.representative[edgeSrc[e]!]!;
      const t = visible.representative[edgeDst[e]!]!;
      if (s !== t) edges.add(drawnEdgeKey(s, t, edgeControl[e]!));
    }
    cy.nodes().forEach((n) => void n.addClass(nodes.has(n.id()) ? 'traced' : 'dimmed'));
    // A stub (aux-scene.ts) is traced as the drawn edge it stands for, whose id it keeps as `key`.
    cy.edges().forEach((e) => void e.addClass(edges.has((e.data('key') as string | undefined) ?? e.id()) ? 'traced' : 'dimmed'));
  });
}
