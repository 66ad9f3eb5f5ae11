/**
 * What TensorBoard shows on a drawn edge beyond its count (edge.ts, render.ts): the total
 * size of the tensors it carries (for its width), whether it is a reference edge (drawn
 * orange with a marker at its source), and the tensor's shape when it stands for exactly
 * one op-level edge (`?×784`). Needs a tree built with shapes and refs (`ScopeTree.fromNodes`
 * fills `edgeSize`/`edgeRef`/`edgeShape`); without them sizes are counts and nothing is a ref.
 *
 *     const g = visibleGraph(tree, expanded);
 *     const facts = drawnEdgeFacts(tree, g);
 *     facts.get(drawnEdgeKey(e.source, e.target, e.control))   // { size: 7840, refCount: 0, shape: null }
 */
import type { ScopeTree } from './scope-tree.ts';
import type { VisibleGraph } from './visible-graph.ts';

export interface DrawnEdgeFacts {
  /** Sum of the op-level edges' sizes (TensorBoard's `totalSize`). */
  readonly size: number;
  /** How many of them are reference edges. */
  readonly refCount: number;
  /** The shape label when the drawn edge stands for one op-level edge with a known shape, else null. */
  readonly shape: string | null;
}

/** The key of a drawn edge, the same as the view's Cytoscape edge id. */
export const drawnEdgeKey = (source: number, target: number, control: boolean): string => `e${source}_${target}${control ? 'c' : ''}`;

export function drawnEdgeFacts(tree: ScopeTree, visible: VisibleGraph): Map<string, DrawnEdgeFacts> {
  const { edgeSrc, edgeDst, edgeControl, edgeSize, edgeRef, edgeShape } = tree.data;
  const rep = visible.representative;
  const acc = new Map<string, { size: number; refCount: number; count: number; shape: string | null }>();
  for (let e = 0; e < edgeSrc.length; e++) {
    const s = rep[edgeSrc[e]!]!;
    const t = rep[edgeDst[e]!]!;
    if (s === t) continue;
    const key = drawnEdgeKey(s, t, edgeControl[e]!);
    let a = acc.get(key);
    if (a === undefined) acc.set(key, (a = { size: 0, refCount: 0, count: 0, shape: edgeShape?.[e] ?? null }));
    a.count++;
    a.size += edgeSize?.[e] ?? 1;
    if (edgeRef?.[e] === true) a.refCount++;
  }
  const out = new Map<string, DrawnEdgeFacts>();
  for (const [key, a] of acc) out.set(key, { size: a.size, refCount: a.refCount, shape: a.count === 1 && !key.endsWith('c') ? a.shape : null });
  return out;
}

/** TensorBoard's edge width: a log scale of the size, clamped (`MIN_EDGE_WIDTH` 0.75 … here 6 px, not 12: our nodes are smaller). */
export function edgeWidthOfSize(size: number): number {
  return Math.min(6, Math.max(0.75, 0.75 + Math.log10(Math.max(1, size)) * 0.9));
}
