/**
 * Puts what is drawn (visible-graph.ts) at the places the layout gave (scope-layout.ts)
 * into Cytoscape, changing only what changed: nodes keep their identity across expand
 * and collapse, so selection and styles survive.
 *
 * An expanded scope is drawn as a plain node the size of its box, under its children
 * (z-index by depth), not as a Cytoscape compound node: the layout already knows every
 * box, and Cytoscape recomputes a compound's bounds through its whole style system
 * whenever a child changes — on TF-Slim MobileNet that made the first frame after an
 * expand take 0.3–0.6 s for a few dozen nodes.
 *
 * TensorBoard's auxiliary nodes (the worker's split, `aux`) get `data(aux)` 'in' or 'out',
 * and the edges cut to them are drawn as stubs with a band behind each side column
 * (aux-scene.ts); those helper elements are not entries.
 */
import type cytoscape from 'cytoscape';
import { stubbedEdges, type Placed, type ScopeTree, type VisibleGraph } from '../../src/graph/index.ts';
import { drawnEdgeFacts, drawnEdgeKey, edgeWidthOfSize } from '../../src/graph/drawn-edges.ts';
import { auxElements, type StubbedEdge } from './aux-scene.ts';
import { syncElements } from './cy-update.ts';
import type { AuxiliaryLayout } from './graph-protocol.ts';
import type { NodeLook } from './node-style.ts';

export const nodeKey = (id: number): string => `n${id}`;
export const entryOf = (el: cytoscape.SingularElementArgument): number => el.data('entry') as number;

/** Draw order: an expanded scope's box, then edges whose shallower end is its sibling or child, then the nodes. */
const boxZ = (depth: number): number => 3 * depth;
const edgeZ = (depth: number): number => 3 * depth + 1;
const nodeZ = (depth: number): number => 3 * depth + 2;

export interface SceneInput {
  readonly tree: ScopeTree;
  readonly visible: VisibleGraph;
  readonly expanded: ReadonlySet<number>;
  readonly placed: ReadonlyMap<number, Placed>;
  readonly look: NodeLook;
  /** Side columns and stubs from the layout; null or absent: none. */
  readonly aux?: AuxiliaryLayout | null;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The node pairs joined by more than one drawn edge (data and control, or both ways).
 * Only those are drawn as Cytoscape's bundled beziers, curving apart; every other edge is
 * 'straight', which a lone bezier looks like anyway, and which spares Cytoscape its search
 * for each bezier's parallel edges when it styles and places it (node-style.ts).
 *
 *     sharedPairs([{ source: 'n1', target: 'n2' }, { source: 'n2', target: 'n1' }])   // Set { 'n1 n2' }
 */
export function sharedPairs(edges: readonly { readonly source: string; readonly target: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const e of edges) {
    const key = pairKey(e.source, e.target);
    if (seen.has(key)) shared.add(key);
    else seen.add(key);
  }
  return shared;
}

export function applyScene(cy: cytoscape.Core, { tree, visible, expanded, placed, look, aux = null }: SceneInput): void {
  const side = new Map<number, 'in' | 'out'>();
  for (const id of aux?.inExtract ?? []) side.set(id, 'in');
  for (const id of aux?.outExtract ?? []) side.set(id, 'out');
  const nodes: cytoscape.ElementDefinition[] = visible.nodes.map((id) => {
    const open = expanded.has(id);
    const depth = tree.depth(id);
    const box = placed.get(id);
    const data = {
      id: nodeKey(id), entry: id, kind: open ? 'expanded' : tree.isScope(id) ? 'scope' : 'op', category: look.category(id),
      label: look.label(id, open), width: box?.width ?? 40, height: box?.height ?? 20, depth, z: open ? boxZ(depth) : nodeZ(depth),
      aux: side.get(id) ?? '',
    };
    return { group: 'nodes', data, position: { x: box?.x ?? 0, y: box?.y ?? 0 } };
  });

  // Width by the tensors' total size (TensorBoard's rule); label: the count when bundled, else the shape.
  const facts = drawnEdgeFacts(tree, visible);
  const stubbed = stubbedEdges(tree, visible.edges, aux?.stubs ?? []);
  const stubs: StubbedEdge[] = [];
  const edges = visible.edges.map((e) => {
    const id = drawnEdgeKey(e.source, e.target, e.control);
    const f = facts.get(id);
    const label = e.count > 1 ? `×${e.count}` : f?.shape ?? '';
    return {
      id, source: nodeKey(e.source), target: nodeKey(e.target), control: e.control, count: e.count, ref: (f?.refCount ?? 0) > 0, parallel: false,
      size: f?.size ?? e.count, label, width: e.control ? 0.9 : edgeWidthOfSize(f?.size ?? e.count),
      z: edgeZ(Math.min(tree.depth(e.source), tree.depth(e.target))),
    };
  });
  const drawn = edges.filter((data, i) => {
    const e = visible.edges[i]!;
    if (!stubbed.has(e)) return true;
    stubs.push({ data, from: e.source, to: e.target });
    return false;
  });
  const shared = sharedPairs(drawn);
  for (const data of drawn) data.parallel = shared.has(pairKey(data.source, data.target));
  // The stubs and bands keep their ids (edge and scope) from draw to draw, so they are kept too.
  cy.batch(() => syncElements(cy, [...nodes, ...drawn.map((data) => ({ group: 'edges' as const, data })), ...auxElements(tree, placed, aux, stubs)]));
}
