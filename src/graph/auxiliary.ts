/**
 * TensorBoard's auxiliary nodes (tf_graph_common/render.ts `extractHighDegrees`): when a
 * scope is opened, some of its children leave the main graph for a side area, their edges
 * cut into short stubs at both ends, so hubs do not tangle the layout. In TensorBoard's
 * order, on the children of one scope (not a series) and the bundled edges between them:
 * 1. children the user excluded (out-extract if they have more out- than in-edges);
 * 2. `NoOp` sinks (`init`, `train`'s update op; a scope counts by its `(scope)` op);
 * 3. with 15 or more candidates: in-degree above Q3 + (Q3 − Q1), then out-degree above
 *    Q3 + 4·(Q3 − Q1), both at least 5 — degrees count data neighbours, or control ones
 *    for a node with only control edges;
 * 4. control edges of a node with more than 4 of them become stubs (the node stays);
 * 5. children left with no edge but stubs or embeddings on one side only.
 * Children the user included never move.
 *
 *     const split = splitScope(tree, ScopeTree.ROOT);
 *     split.outExtract.map((id) => tree.path(id))   // ['init', 'save/restore_all', …]
 *     splitScope(tree, ScopeTree.ROOT, withInclusion({}, 'init', true)).main   // init is back
 */
import type { MetaEdge, ScopeTree } from './scope-tree.ts';
import { EXTRACTION } from './tb-rules.ts';

/**
 * The user's choice for an entry, by its display path (`tree.path`, unique, unlike a
 * scope's name and its own op's, `loss` and `loss/(loss)`): keep it in the main graph, or move it out.
 */
export type Inclusion = 'include' | 'exclude';
export type InclusionMap = { readonly [path: string]: Inclusion };

export interface ScopeSplit {
  /** Children drawn in the scope's main graph. */
  readonly main: readonly number[];
  /** Children moved to the side area on the input side (sources, high in-degree). */
  readonly inExtract: readonly number[];
  /** Children moved to the side area on the output side (sinks, high out-degree). */
  readonly outExtract: readonly number[];
  /** The scope's bundled edges still drawn between children in the main graph. */
  readonly edges: readonly MetaEdge[];
  /** Bundled edges cut into stubs (TensorBoard's shortcuts): drawn only as short ends at each node. */
  readonly stubs: readonly MetaEdge[];
}

/** A new inclusion map with the entry at `path` put into (`inMain` true) or out of the main graph. */
export function withInclusion(inclusion: InclusionMap, path: string, inMain: boolean): InclusionMap {
  return { ...inclusion, [path]: inMain ? 'include' : 'exclude' };
}

interface Pair {
  readonly a: number;
  readonly b: number;
  regular: boolean;
  alive: boolean;
  readonly metas: MetaEdge[];
}

export function splitScope(tree: ScopeTree, scope: number, inclusion: InclusionMap = {}): ScopeSplit {
  const kids = tree.children(scope);
  const metas = tree.metaEdges(scope);
  if (tree.isSeries(scope)) return { main: kids, inExtract: [], outExtract: [], edges: metas, stubs: [] };

  // TensorBoard's core graph: one edge per ordered pair of children, control and data together.
  const pairs = new Map<number, Pair>();
  const ins = new Map<number, Pair[]>();
  const outs = new Map<number, Pair[]>();
  const n = tree.size;
  for (const m of metas) {
    const key = m.source * n + m.target;
    let p = pairs.get(key);
    if (p === undefined) {
      pairs.set(key, (p = { a: m.source, b: m.target, regular: false, alive: true, metas: [] }));
      (outs.get(p.a) ?? outs.set(p.a, []).get(p.a)!).push(p);
      (ins.get(p.b) ?? ins.set(p.b, []).get(p.b)!).push(p);
    }
    p.regular ||= !m.control;
    p.metas.push(m);
  }
  const hasIn = new Set<number>();
  const hasOut = new Set<number>();
  for (const k of kids) {
    if (tree.isScope(k)) continue;
    const e = tree.embeddings(k);
    if (e.in.length > 0) hasIn.add(k);
    if (e.out.length > 0) hasOut.add(k);
  }
  const liveIn = (x: number): Pair[] => (ins.get(x) ?? []).filter((p) => p.alive);
  const liveOut = (x: number): Pair[] => (outs.get(x) ?? []).filter((p) => p.alive);
  const cut = (p: Pair): void => {
    p.alive = false;
    hasOut.add(p.a);
    hasIn.add(p.b);
  };
  const inExtract: number[] = [];
  const outExtract: number[] = [];
  const moved = new Set<number>();
  const choice = (x: number): Inclusion | undefined => inclusion[tree.path(x)];
  const extract = (x: number, side: number[]): void => {
    for (const p of liveIn(x)) cut(p);
    for (const p of liveOut(x)) cut(p);
    moved.add(x);
    side.push(x);
  };
  const open = (x: number): boolean => !moved.has(x) && choice(x) === undefined;

  for (const x of kids) {
    if (choice(x) === 'exclude') extract(x, liveOut(x).length > liveIn(x).length ? outExtract : inExtract);
  }
  for (const x of kids) if (open(x) && hasType(tree, x, EXTRACTION.outExtractTypes)) extract(x, outExtract);
  for (const x of kids) if (open(x) && hasType(tree, x, EXTRACTION.inExtractTypes)) extract(x, inExtract);
  extractHighDegrees(kids.filter(open), liveIn, liveOut, (x) => extract(x, inExtract), (x) => {
    if (!moved.has(x)) extract(x, outExtract);
  });
  removeBusyControlEdges(pairs, cut);
  for (const x of kids) {
    if (!open(x) || liveIn(x).length + liveOut(x).length > 0) continue;
    if (hasOut.has(x) && !hasIn.has(x)) extract(x, inExtract);
    else if (hasIn.has(x) && !hasOut.has(x)) extract(x, outExtract);
  }

  const edges: MetaEdge[] = [];
  const stubs: MetaEdge[] = [];
  for (const p of pairs.values()) (p.alive ? edges : stubs).push(...p.metas);
  return { main: kids.filter((x) => !moved.has(x)), inExtract, outExtract, edges, stubs };
}

/** An op of one of the types, or a scope whose own op (`scope/(scope)`) is. */
function hasType(tree: ScopeTree, x: number, types: readonly string[]): boolean {
  if (types.length === 0) return false;
  if (!tree.isScope(x)) return types.includes(tree.op(x));
  if (tree.isSeries(x)) return false;
  const own = tree.byPath(`${tree.path(x)}/(${tree.leaf(x)})`);
  return own !== undefined && !tree.isScope(own) && types.includes(tree.op(own));
}

function extractHighDegrees(
  valid: readonly number[], liveIn: (x: number) => Pair[], liveOut: (x: number) => Pair[],
  toIn: (x: number) => void, toOut: (x: number) => void,
): void {
  if (valid.length < EXTRACTION.minNodeCountForExtraction) return;
  const degree = (pairs: Pair[]): number => pairs.filter((p) => p.regular).length || pairs.length;
  const inDeg = new Map(valid.map((x) => [x, degree(liveIn(x))]));
  const outDeg = new Map(valid.map((x) => [x, degree(liveOut(x))]));
  const minBound = EXTRACTION.minDegreeForExtraction - 1;
  const q3 = Math.round(valid.length * 0.75);
  const q1 = Math.round(valid.length * 0.25);
  const byIn = [...valid].sort((a, b) => inDeg.get(a)! - inDeg.get(b)!);
  const inQ3 = inDeg.get(byIn[q3]!)!;
  const inBound = Math.max(inQ3 + inQ3 - inDeg.get(byIn[q1]!)!, minBound);
  for (let i = byIn.length - 1; i >= 0 && inDeg.get(byIn[i]!)! > inBound; i--) toIn(byIn[i]!);
  const byOut = [...valid].sort((a, b) => outDeg.get(a)! - outDeg.get(b)!);
  const outQ3 = outDeg.get(byOut[q3]!)!;
  const outBound = Math.max(outQ3 + (outQ3 - outDeg.get(byOut[q1]!)!) * 4, minBound);
  for (let i = byOut.length - 1; i >= 0 && outDeg.get(byOut[i]!)! > outBound; i--) toOut(byOut[i]!);
}

/** TensorBoard's `removeControlEdges`: a node with more than `maxControlDegree` control-only edges loses them all to stubs. */
function removeBusyControlEdges(pairs: ReadonlyMap<number, Pair>, cut: (p: Pair) => void): void {
  const byNode = new Map<number, Pair[]>();
  for (const p of pairs.values()) {
    if (!p.alive || p.regular) continue;
    (byNode.get(p.a) ?? byNode.set(p.a, []).get(p.a)!).push(p);
    (byNode.get(p.b) ?? byNode.set(p.b, []).get(p.b)!).push(p);
  }
  for (const list of byNode.values()) if (list.length > EXTRACTION.maxControlDegree) for (const p of list) cut(p);
}
