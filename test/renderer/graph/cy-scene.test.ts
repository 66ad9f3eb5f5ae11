/**
 * applyScene on a headless Cytoscape: what is drawn for an expansion, at the layout's
 * boxes, with expanded scopes as plain boxes under their children (no compound nodes),
 * and elements that stay drawn keeping their identity across expand and collapse.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutVisible, ScopeLayoutCache, ScopeTree, visibleGraph, type Placed } from '../../../src/graph/index.ts';
import { applyScene, nodeKey } from '../../../renderer/graph/cy-scene.ts';
import { layOutLayered } from '../../../renderer/graph/layered-layout.ts';
import { NodeLook } from '../../../renderer/graph/node-style.ts';
import { createPartLayouter } from '../../../renderer/graph/part-layouter.ts';
import { lessonGraphDef } from '../../graph/lesson-graph.ts';

const tree = ScopeTree.fromNodes(lessonGraphDef().node);
const look = new NodeLook(tree, 'en');
const layouter = createPartLayouter(layOutLayered);
const cache = new ScopeLayoutCache();

async function draw(cy: cytoscape.Core, expanded: Set<number>): Promise<Map<number, Placed>> {
  const placed = await layoutVisible(tree, expanded, look, layouter, cache);
  applyScene(cy, { tree, visible: visibleGraph(tree, expanded), expanded, placed, look });
  return placed;
}

describe('applyScene', () => {
  const model = tree.byPath('simple_model')!;

  it('draws the top level at the layout\'s boxes, edges lifted to drawn nodes', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const placed = await draw(cy, new Set());
    const top = tree.children(ScopeTree.ROOT);
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(top.map(nodeKey).sort());
    for (const id of top) {
      const n = cy.getElementById(nodeKey(id));
      expect(n.position()).toEqual({ x: placed.get(id)!.x, y: placed.get(id)!.y });
      expect(n.data()).toMatchObject({ width: placed.get(id)!.width, height: placed.get(id)!.height, kind: tree.isScope(id) ? 'scope' : 'op' });
    }
    expect(cy.edges().length).toBe(visibleGraph(tree, new Set()).edges.length);
    cy.destroy();
  });

  it('draws an expanded scope as a plain box under its children, and keeps the other nodes on collapse', async () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    await draw(cy, new Set());
    const before = cy.getElementById(nodeKey(model));
    const placed = await draw(cy, new Set([model]));
    const box = cy.getElementById(nodeKey(model));
    expect(box.same(before)).toBe(true); // the same element: selection and styles survive
    expect(cy.nodes().filter((n) => n.isParent() || n.isChild()).length).toBe(0);
    expect(box.data()).toMatchObject({ kind: 'expanded', width: placed.get(model)!.width, height: placed.get(model)!.height });
    for (const child of tree.children(model)) {
      const n = cy.getElementById(nodeKey(child));
      expect(n.nonempty(), tree.path(child)).toBe(true);
      expect(n.data('z')).toBeGreaterThan(box.data('z') as number);
    }
    for (const e of cy.edges().toArray()) {
      const ends = [e.source(), e.target()];
      // Edges lie over the boxes they run in and under the nodes they join.
      expect(e.data('z')).toBeLessThan(Math.min(...ends.map((n) => n.data('z') as number)));
    }
    await draw(cy, new Set());
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(tree.children(ScopeTree.ROOT).map(nodeKey).sort());
    expect(cy.getElementById(nodeKey(model)).same(before)).toBe(true);
    expect(cy.getElementById(nodeKey(model)).data('kind')).toBe('scope');
    cy.destroy();
  });
});
