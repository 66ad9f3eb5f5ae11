/**
 * Auxiliary nodes on a headless Cytoscape (applyScene with the worker's split): the side
 * column's entries are marked, a band lies behind the column, and each cut edge is drawn
 * as two short stubs ending in helper dots — helpers that are not entries and go away
 * when the node is put back into the main graph.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutVisible, ScopeLayoutCache, ScopeTree, visibleGraph, withInclusion, type InclusionMap } from '../../../src/graph/index.ts';
import { drawnEdgeKey } from '../../../src/graph/drawn-edges.ts';
import { createAuxLayouter } from '../../../renderer/graph/aux-layouter.ts';
import { applyScene, nodeKey } from '../../../renderer/graph/cy-scene.ts';
import type { AuxiliaryLayout } from '../../../renderer/graph/graph-protocol.ts';
import { layOutLayered } from '../../../renderer/graph/layered-layout.ts';
import { NodeLook } from '../../../renderer/graph/node-style.ts';
import { createPartLayouter } from '../../../renderer/graph/part-layouter.ts';
import { lessonGraphDef } from '../../graph/lesson-graph.ts';

const tree = ScopeTree.fromNodes(lessonGraphDef().node);
const look = new NodeLook(tree, 'en');
const cache = new ScopeLayoutCache();
const gd = tree.byPath('GradientDescent')!;

async function draw(cy: cytoscape.Core, expanded: Set<number>, inclusion: InclusionMap): Promise<void> {
  const layouter = createAuxLayouter(tree, inclusion, createPartLayouter(layOutLayered));
  const placed = await layoutVisible(tree, expanded, look, layouter, cache);
  const splits = [ScopeTree.ROOT, ...expanded].map((s) => layouter.split(s));
  const aux: AuxiliaryLayout = {
    inExtract: splits.flatMap((s) => s.inExtract), outExtract: splits.flatMap((s) => s.outExtract),
    stubs: Int32Array.from(splits.flatMap((s) => s.stubs.flatMap((m) => [m.source, m.target]))),
  };
  applyScene(cy, { tree, visible: visibleGraph(tree, expanded), expanded, placed, look, aux });
}

describe('applyScene with auxiliary nodes', () => {
  it('marks the side column, draws its edges as stubs, and counts no helper as an entry', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    await draw(cy, new Set(), {});
    const visible = visibleGraph(tree, new Set());
    expect(cy.getElementById(nodeKey(gd)).data('aux')).toBe('out');
    const entries = cy.nodes().filter((n) => n.data('helper') !== true);
    expect(entries.length).toBe(visible.nodes.length);
    expect(cy.nodes('[kind = "band"]').length).toBe(1);

    const cut = visible.edges.filter((e) => e.target === gd || e.source === gd);
    expect(cut.length).toBeGreaterThan(0);
    for (const e of cut) {
      const key = drawnEdgeKey(e.source, e.target, e.control);
      expect(cy.getElementById(key).empty()).toBe(true); // no long edge across the top level
      const out = cy.getElementById(`${key}:out`);
      const into = cy.getElementById(`${key}:in`);
      expect(out.source().id()).toBe(nodeKey(e.source));
      expect(into.target().id()).toBe(nodeKey(e.target));
      // Each stub is short, and its dot stands for the node at the other end.
      for (const [stub, dot, other] of [[out, out.target(), e.target], [into, into.source(), e.source]] as const) {
        expect(dot.data('kind')).toBe('stub');
        expect(dot.data('entry')).toBe(other);
        expect(stub.data('key')).toBe(key);
        const owner = stub.source().same(dot) ? stub.target() : stub.source();
        expect(Math.abs(dot.position().x - owner.position().x)).toBeLessThan((owner.data('width') as number) / 2 + 40);
      }
    }
    cy.destroy();
  });

  it('draws the long edges again once the node is back in the main graph', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    await draw(cy, new Set(), {});
    await draw(cy, new Set(), withInclusion({}, 'GradientDescent', true));
    expect(cy.nodes('[?helper]').length).toBe(0);
    expect(cy.getElementById(nodeKey(gd)).data('aux')).toBe('');
    const visible = visibleGraph(tree, new Set());
    expect(cy.edges().length).toBe(visible.edges.length);
    cy.destroy();
  });
});
