/**
 * applyScene on a headless Cytoscape: what is drawn for an expansion, at the layout's
 * boxes, with expanded scopes as plain boxes under their children (no compound nodes),
 * and elements that stay drawn keeping their identity across expand and collapse.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutVisible, ScopeLayoutCache, ScopeTree, visibleGraph, type Placed } from '../../../src/graph/index.ts';
import { applyScene, nodeKey, sharedPairs } from '../../../renderer/graph/cy-scene.ts';
import { layOutLayered } from '../../../renderer/graph/layered-layout.ts';
import { NodeLook, stylesheet } from '../../../renderer/graph/node-style.ts';
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

describe('edge curves', () => {
  it('finds the node pairs joined by more than one edge, in either direction', () => {
    expect(sharedPairs([{ source: 'n1', target: 'n2' }, { source: 'n2', target: 'n1' }, { source: 'n2', target: 'n3' }])).toEqual(new Set(['n1 n2']));
    expect(sharedPairs([{ source: 'n1', target: 'n2' }, { source: 'n1', target: 'n3' }]).size).toBe(0);
  });

  it('curves apart two edges between one pair of nodes, and draws every other edge straight', async () => {
    // Collapsed, scope s sends to t and t sends back to s: two drawn edges s ⇄ t; t → c: one.
    const t = ScopeTree.fromNodes([
      { name: 's/x', op: 'Const', input: [] }, { name: 't/y', op: 'Identity', input: ['s/x'] },
      { name: 's/w', op: 'Identity', input: ['t/y'] }, { name: 'c', op: 'Identity', input: ['t/y'] },
    ]);
    const l = new NodeLook(t, 'en');
    const placed = await layoutVisible(t, new Set(), l, layouter, new ScopeLayoutCache());
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
    applyScene(cy, { tree: t, visible: visibleGraph(t, new Set()), expanded: new Set(), placed, look: l });
    const [sc, tc, c] = [t.byPath('s')!, t.byPath('t')!, t.byNodeName('c')!].map(nodeKey);
    const curve = (from: string, to: string): string[] => cy.edges().filter((e) => e.source().id() === from && e.target().id() === to).map((e) => String(e.style('curve-style')));
    expect([...curve(sc!, tc!), ...curve(tc!, sc!)]).toEqual(['bezier', 'bezier']);
    expect(curve(tc!, c!)).toEqual(['straight']);
    cy.destroy();
  });
});
