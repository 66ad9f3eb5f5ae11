/**
 * What the view draws for a set of expanded scopes: the top level, plus the children of
 * every expanded scope (an expanded scope is drawn as a box around its children), and the
 * graph's edges lifted to the lowest drawn node on each side, counted.
 *
 *     const g = visibleGraph(tree, new Set([tree.byPath('simple_model')!]));
 *     g.nodes.map((id) => tree.path(id)); // ['inputs', 'simple_model', 'simple_model/weights', …]
 *     stubbedEdges(tree, g.edges, layout.aux.stubs)   // the edges drawn as stubs (auxiliary nodes)
 */
import { ScopeTree } from './scope-tree.ts';

export interface VisibleEdge {
  readonly source: number;
  readonly target: number;
  readonly control: boolean;
  /** Op-level edges drawn as this one. */
  readonly count: number;
}

export interface VisibleGraph {
  /** Drawn entries, parents before children. */
  readonly nodes: readonly number[];
  /** For every entry, the drawn entry that stands for it (itself when drawn). */
  readonly representative: Int32Array;
  readonly edges: readonly VisibleEdge[];
}

/** The expanded scopes that count: scopes whose enclosing scopes are all expanded too. */
export function normalizeExpanded(tree: ScopeTree, expanded: Iterable<number>): Set<number> {
  const want = new Set(expanded);
  const out = new Set<number>();
  for (const id of want) {
    if (id <= 0 || id >= tree.size || !tree.isScope(id)) continue;
    if (tree.ancestors(id).every((a) => want.has(a))) out.add(id);
  }
  return out;
}

/** The expanded set with every scope above `id` expanded, so `id` is drawn. */
export function revealing(tree: ScopeTree, expanded: ReadonlySet<number>, id: number): Set<number> {
  const out = new Set(expanded);
  for (const a of tree.ancestors(id)) out.add(a);
  return out;
}

/**
 * The drawn edges TensorBoard draws only as stubs at both ends: those whose ends, lifted
 * to children of the scope that holds both, form a bundled edge cut by the scope's split
 * (auxiliary.ts `ScopeSplit.stubs`). `stubs` lists those cut edges as flat (source, target)
 * pairs of entries, for any number of open scopes.
 */
export function stubbedEdges(tree: ScopeTree, edges: readonly VisibleEdge[], stubs: ArrayLike<number>): Set<VisibleEdge> {
  const out = new Set<VisibleEdge>();
  if (stubs.length === 0) return out;
  const n = tree.size;
  const cut = new Set<number>();
  for (let i = 0; i + 1 < stubs.length; i += 2) cut.add(stubs[i]! * n + stubs[i + 1]!);
  for (const e of edges) {
    let a = e.source;
    let b = e.target;
    while (tree.depth(a) > tree.depth(b)) a = tree.parent(a);
    while (tree.depth(b) > tree.depth(a)) b = tree.parent(b);
    while (a !== b && tree.parent(a) !== tree.parent(b)) {
      a = tree.parent(a);
      b = tree.parent(b);
    }
    if (a !== b && cut.has(a * n + b)) out.add(e);
  }
  return out;
}

/** The expanded set without `scope` and the scopes inside it. */
export function collapsing(tree: ScopeTree, expanded: ReadonlySet<number>, scope: number): Set<number> {
  return new Set([...expanded].filter((id) => !tree.contains(scope, id)));
}

export function visibleGraph(tree: ScopeTree, expanded: ReadonlySet<number>): VisibleGraph {
  const n = tree.size;
  const rep = new Int32Array(n);
  const nodes: number[] = [];
  rep[ScopeTree.ROOT] = ScopeTree.ROOT;
  for (let id = 1; id < n; id++) {
    const p = tree.parent(id);
    // Drawn when the parent is the root, or is itself drawn and expanded (ids list parents first).
    const drawn = p === ScopeTree.ROOT || (rep[p] === p && expanded.has(p));
    rep[id] = drawn ? id : rep[p]!;
    if (drawn) nodes.push(id);
  }

  // One number per (source, target, control), exact in a double for any real graph size.
  const counts = new Map<number, number>();
  const { edgeSrc, edgeDst, edgeControl } = tree.data;
  for (let e = 0; e < edgeSrc.length; e++) {
    const s = rep[edgeSrc[e]!]!;
    const t = rep[edgeDst[e]!]!;
    if (s === t) continue;
    const key = (s * n + t) * 2 + (edgeControl[e] ? 1 : 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const edges = [...counts].map(([key, count]): VisibleEdge => {
    const pair = Math.floor(key / 2);
    return { source: Math.floor(pair / n), target: pair % n, control: key % 2 === 1, count };
  });
  return { nodes, representative: rep, edges };
}
