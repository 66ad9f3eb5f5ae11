/**
 * The scope hierarchy of a graph: scopes (metanodes) and ops, their children and counts,
 * and the edges between them. Built once per graph; everything the view asks is answered
 * from precomputed arrays.
 *
 *     const tree = ScopeTree.fromNodes(decodeGraphDef(bytes).node);
 *     const formula = tree.byPath('simple_model/formula')!;
 *     tree.children(formula).map((c) => tree.leaf(c)); // ['mul', 'add']
 */
import { planScopeSeries } from './scope-series.ts';
import { detectTemplates } from './templates.ts';
import { buildScopeTreeData, type GraphNodeLike, type ScopeTreeData, type ScopeTreeOptions, type SeriesRecord } from './scope-tree-data.ts';

export type EntryKind = 'scope' | 'op';

/** Edges between two children of one scope, bundled as TensorBoard's metaedges are. */
export interface MetaEdge {
  readonly source: number;
  readonly target: number;
  readonly control: boolean;
  /** How many op-level edges it stands for. */
  readonly count: number;
  /** TensorBoard's total size of those edges (sum of `data.edgeSize`; the count when sizes are absent), for width. */
  readonly size: number;
  /** How many of them are reference edges: TensorBoard draws the bundle as one when any is. */
  readonly refCount: number;
}

/** The small icons on an op (option `embed`): `GraphDef.node` indices of embedded Consts and summaries. */
export interface Embeddings {
  readonly in: readonly number[];
  readonly out: readonly number[];
}

const NO_EMBEDDINGS: Embeddings = { in: [], out: [] };

export class ScopeTree {
  static readonly ROOT = 0;
  readonly data: ScopeTreeData;
  private readonly kids: number[][];
  private readonly depths: Int32Array;
  private readonly ops: Int32Array;
  /** Built on the first lookup: the page and the worker each build a tree, and most trees are never searched by name. */
  private pathIndex: Map<string, number> | null = null;
  private nameIndex: Map<string, number> | null = null;
  private readonly ins: number[][];
  private readonly outs: number[][];
  private meta: Map<number, MetaEdge[]> | null = null;
  private seriesByEntry: Map<number, SeriesRecord> | null = null;
  private embedded: Map<number, Embeddings> | null = null;

  /**
   * Options (TensorBoard's embeddings and series) are off by default: see scope-tree-data.ts.
   * `scopeSeries` builds twice: once to find scope structures (templates.ts), once to group them.
   */
  static fromNodes(nodes: readonly GraphNodeLike[], options: ScopeTreeOptions = {}): ScopeTree {
    const tree = new ScopeTree(buildScopeTreeData(nodes, options));
    if (options.scopeSeries !== true) return tree;
    const plan = planScopeSeries(tree, detectTemplates(tree), options);
    return plan.length === 0 ? tree : new ScopeTree(buildScopeTreeData(nodes, options, plan));
  }

  constructor(data: ScopeTreeData) {
    this.data = data;
    const n = data.paths.length;
    this.kids = Array.from({ length: n }, () => []);
    this.depths = new Int32Array(n);
    this.ops = new Int32Array(n);
    this.ins = Array.from({ length: n }, () => []);
    this.outs = Array.from({ length: n }, () => []);
    for (let id = 0; id < n; id++) {
      const p = data.parents[id]!;
      if (p < 0) continue;
      this.kids[p]!.push(id);
      this.depths[id] = this.depths[p]! + 1; // parents come first
    }
    // Op counts (TensorBoard's cardinality), children before parents: walk ids backwards.
    for (let id = n - 1; id >= 0; id--) {
      if (data.nodeIndex[id]! >= 0) this.ops[id] = 1;
      const p = data.parents[id]!;
      if (p >= 0) this.ops[p]! += this.ops[id]!;
    }
    for (let e = 0; e < data.edgeSrc.length; e++) {
      this.outs[data.edgeSrc[e]!]!.push(e);
      this.ins[data.edgeDst[e]!]!.push(e);
    }
  }

  /** Number of entries, the root included. */
  get size(): number {
    return this.data.paths.length;
  }

  get edgeCount(): number {
    return this.data.edgeSrc.length;
  }

  kind(id: number): EntryKind {
    return this.data.nodeIndex[id]! < 0 ? 'scope' : 'op';
  }

  isScope(id: number): boolean {
    return this.data.nodeIndex[id]! < 0;
  }

  /** The display path (`loss/(loss)` for an op that is also a scope). */
  path(id: number): string {
    return this.data.paths[id]!;
  }

  /** The name as the GraphDef gives it: the op's NodeDef name, or the scope's path. */
  name(id: number): string {
    const path = this.data.paths[id]!;
    if (!this.isScope(id) && path.endsWith(')')) {
      const parent = this.data.paths[this.data.parents[id]!]!;
      const leaf = parent.slice(parent.lastIndexOf('/') + 1);
      if (path === `${parent}/(${leaf})`) return parent;
    }
    return path;
  }

  /** The last segment of the display path (`(loss)`, `formula`). */
  leaf(id: number): string {
    const path = this.data.paths[id]!;
    return path.slice(path.lastIndexOf('/') + 1);
  }

  op(id: number): string {
    return this.data.opTypes[id]!;
  }

  nodeIndex(id: number): number {
    return this.data.nodeIndex[id]!;
  }

  parent(id: number): number {
    return this.data.parents[id]!;
  }

  children(id: number): readonly number[] {
    return this.kids[id]!;
  }

  /** 0 for the root, 1 for top-level entries. */
  depth(id: number): number {
    return this.depths[id]!;
  }

  /** Ops at or under this entry (1 for an op). */
  opCount(id: number): number {
    return this.ops[id]!;
  }

  byPath(path: string): number | undefined {
    if (this.pathIndex === null) {
      this.pathIndex = new Map();
      for (let id = 0; id < this.size; id++) this.pathIndex.set(this.data.paths[id]!, id);
    }
    return this.pathIndex.get(path);
  }

  /** The op with this NodeDef name (the first such entry). */
  byNodeName(name: string): number | undefined {
    if (this.nameIndex === null) {
      this.nameIndex = new Map();
      for (let id = this.size - 1; id >= 0; id--) if (this.data.nodeIndex[id]! >= 0) this.nameIndex.set(this.name(id), id);
    }
    return this.nameIndex.get(name);
  }

  /** The scopes above an entry, outermost first, without the root. */
  ancestors(id: number): number[] {
    const out: number[] = [];
    for (let p = this.parent(id); p > 0; p = this.parent(p)) out.push(p);
    return out.reverse();
  }

  /** Whether `a` is `b` or one of its ancestors. */
  contains(a: number, b: number): boolean {
    for (let x = b; x >= 0; x = this.parent(x)) if (x === a) return true;
    return false;
  }

  /** Edge ids into an op (edge ids index `data.edgeSrc` etc.). */
  inEdges(id: number): readonly number[] {
    return this.ins[id]!;
  }

  outEdges(id: number): readonly number[] {
    return this.outs[id]!;
  }

  /** How many ops of each type are at or under an entry, most common first. */
  opHistogram(id: number): [op: string, count: number][] {
    const counts = new Map<string, number>();
    const walk = (x: number): void => {
      if (!this.isScope(x)) counts.set(this.op(x), (counts.get(this.op(x)) ?? 0) + 1);
      for (const c of this.children(x)) walk(c);
    };
    walk(id);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** Whether the entry is a grouped series (it is also a scope: `isScope` is true, its children are the members). */
  isSeries(id: number): boolean {
    return this.seriesIndex().has(id);
  }

  /** The grouped series at this entry, or undefined. */
  seriesAt(id: number): SeriesRecord | undefined {
    return this.seriesIndex().get(id);
  }

  /** Every series found, grouped or not (empty unless built with `series: true`). */
  allSeries(): readonly SeriesRecord[] {
    return this.data.series ?? [];
  }

  private seriesIndex(): Map<number, SeriesRecord> {
    if (this.seriesByEntry === null) {
      this.seriesByEntry = new Map();
      for (const s of this.allSeries()) if (s.entry >= 0) this.seriesByEntry.set(s.entry, s);
    }
    return this.seriesByEntry;
  }

  /** The Consts and summaries embedded in an op (empty unless built with `embed: true`). */
  embeddings(id: number): Embeddings {
    if (this.embedded === null) {
      const m = new Map<number, { in: number[]; out: number[] }>();
      const { embedHost = [], embedNode = [], embedOut = [] } = this.data;
      for (let k = 0; k < embedHost.length; k++) {
        let e = m.get(embedHost[k]!);
        if (e === undefined) m.set(embedHost[k]!, (e = { in: [], out: [] }));
        (embedOut[k] ? e.out : e.in).push(embedNode[k]!);
      }
      this.embedded = m;
    }
    return this.embedded.get(id) ?? NO_EMBEDDINGS;
  }

  /** The op's device as TensorBoard names it (`GPU:0`); '' for a scope or an unset device. */
  device(id: number): string {
    return this.data.devices?.[id] ?? '';
  }

  /** How many ops at or under an entry run on each device (ops without a device are left out), most first. */
  deviceHistogram(id: number): [device: string, count: number][] {
    const counts = new Map<string, number>();
    const walk = (x: number): void => {
      const d = this.device(x);
      if (d !== '') counts.set(d, (counts.get(d) ?? 0) + 1);
      for (const c of this.children(x)) walk(c);
    };
    walk(id);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /**
   * Edges between the children of a scope: every op-level edge whose two ends lie under
   * different children of `scope`, counted, with data and control kept apart (TensorBoard
   * bundles each edge into the metagraph of its ends' lowest common ancestor).
   */
  metaEdges(scope: number): readonly MetaEdge[] {
    this.meta ??= this.bundleEdges();
    return this.meta.get(scope) ?? [];
  }

  private bundleEdges(): Map<number, MetaEdge[]> {
    // One number per (source child, target child, control): exact in a double for any real graph size.
    const n = this.size;
    const bundleOf = new Map<number, Map<number, number>>(); // lca → key → bundle index
    const count: number[] = [];
    const size: number[] = [];
    const refs: number[] = [];
    const { edgeSrc, edgeDst, edgeControl, edgeSize, edgeRef } = this.data;
    for (let e = 0; e < edgeSrc.length; e++) {
      let a = edgeSrc[e]!;
      let b = edgeDst[e]!;
      while (this.depths[a]! > this.depths[b]!) a = this.parent(a);
      while (this.depths[b]! > this.depths[a]!) b = this.parent(b);
      // Ops are leaves, so a !== b here; climb until they are siblings under the common ancestor.
      while (this.parent(a) !== this.parent(b)) {
        a = this.parent(a);
        b = this.parent(b);
      }
      const lca = this.parent(a);
      const key = (a * n + b) * 2 + (edgeControl[e] ? 1 : 0);
      let m = bundleOf.get(lca);
      if (m === undefined) bundleOf.set(lca, (m = new Map()));
      let k = m.get(key);
      if (k === undefined) {
        m.set(key, (k = count.length));
        count.push(0);
        size.push(0);
        refs.push(0);
      }
      count[k]!++;
      size[k]! += edgeSize === undefined ? 1 : edgeSize[e]!;
      if (edgeRef !== undefined && edgeRef[e]) refs[k]!++;
    }
    const out = new Map<number, MetaEdge[]>();
    for (const [lca, m] of bundleOf) {
      out.set(lca, [...m].map(([key, k]) => {
        const pair = Math.floor(key / 2);
        return { source: Math.floor(pair / n), target: pair % n, control: key % 2 === 1, count: count[k]!, size: size[k]!, refCount: refs[k]! };
      }));
    }
    return out;
  }
}
