/**
 * Puts what is drawn (visible-graph.ts) at the places the layout gave (scope-layout.ts)
 * into Cytoscape, changing only what changed: nodes keep their identity across expand
 * and collapse, so selection and styles survive. Expanded scopes are compound nodes;
 * their boxes follow their children.
 */
import type cytoscape from 'cytoscape';
import type { Placed, ScopeTree, VisibleGraph } from '../../src/graph/index.ts';
import { edgeWidth, type NodeLook } from './node-style.ts';

export const nodeKey = (id: number): string => `n${id}`;
export const entryOf = (el: cytoscape.SingularElementArgument): number => el.data('entry') as number;

export interface SceneInput {
  readonly tree: ScopeTree;
  readonly visible: VisibleGraph;
  readonly expanded: ReadonlySet<number>;
  readonly placed: ReadonlyMap<number, Placed>;
  readonly look: NodeLook;
}

export function applyScene(cy: cytoscape.Core, { tree, visible, expanded, placed, look }: SceneInput): void {
  cy.batch(() => {
    const want = new Set(visible.nodes.map(nodeKey));
    // Removing a compound removes its children too; remove from the top so each goes once.
    cy.nodes().filter((n) => {
      const parent = n.parent();
      return !want.has(n.id()) && (parent.empty() || want.has(parent.first().id()));
    }).remove();

    const additions: cytoscape.ElementDefinition[] = [];
    for (const id of visible.nodes) {
      const open = expanded.has(id);
      const kind = open ? 'expanded' : tree.isScope(id) ? 'scope' : 'op';
      const size = placed.get(id);
      const data = {
        id: nodeKey(id), entry: id, kind, category: look.category(id), label: look.label(id, open),
        width: size?.width ?? 40, height: size?.height ?? 20,
      };
      const existing = cy.getElementById(data.id);
      if (existing.nonempty()) {
        existing.data(data);
        continue;
      }
      const parent = tree.parent(id);
      additions.push({ group: 'nodes', data: parent > 0 ? { ...data, parent: nodeKey(parent) } : data });
    }
    cy.add(additions);
    for (const id of visible.nodes) {
      if (expanded.has(id)) continue;
      const p = placed.get(id);
      if (p !== undefined) cy.getElementById(nodeKey(id)).position({ x: p.x, y: p.y });
    }

    const edges = visible.edges.map((e) => ({
      id: `e${e.source}_${e.target}${e.control ? 'c' : ''}`, source: nodeKey(e.source), target: nodeKey(e.target),
      control: e.control, count: e.count, label: e.count > 1 ? `×${e.count}` : '', width: edgeWidth(e.count) * (e.control ? 0.8 : 1),
    }));
    const wantEdges = new Set(edges.map((e) => e.id));
    cy.edges().filter((e) => !wantEdges.has(e.id())).remove();
    const newEdges: cytoscape.ElementDefinition[] = [];
    for (const data of edges) {
      const existing = cy.getElementById(data.id);
      if (existing.nonempty()) existing.data(data);
      else newEdges.push({ group: 'edges', data });
    }
    cy.add(newEdges);
  });
}
