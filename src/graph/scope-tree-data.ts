/**
 * GraphDef → the scope hierarchy (TensorBoard's metanodes), as plain arrays so it can be
 * built in a worker and posted to the page. `ScopeTree` (scope-tree.ts) answers questions
 * about it.
 *
 * TensorBoard's rules (tf_graph_common/graph.ts, hierarchy.ts): a name's `/`-separated
 * prefixes are scopes; an op whose name is also a scope (TF 1.x `tf.square(x, name='loss')`
 * beside `loss/…` ops) becomes the child `loss/(loss)` of that scope; an edge goes from
 * each input's source to the node, control inputs (`^name`) included, self-loops dropped.
 * Options turn on the rest of TensorBoard's build, each off by default so the plain tree
 * stays as it was:
 * - `embed`: `Const` ops become in-embeddings of each op that reads them and `*Summary`
 *   ops out-embeddings of each op they read (small icons, not entries); a Const's own
 *   inputs (its control dependencies) move to its readers. Only non-embedded ops make a
 *   name a scope, so `w` beside only `w/initial_value` (a Const) stays the op `w`.
 * - `series`: ops of one type numbered `add`, `add_1`, … in one scope group under a series
 *   entry `add[0-9]` (series.ts) once there are `seriesMinSize` (5) of them, unless
 *   `seriesGrouping` says otherwise for that series name (TensorBoard's `seriesMap`).
 *
 *     const data = buildScopeTreeData(def.node, { embed: true, series: true });
 *     data.series![0]   // { name: 'train/gradients/add[1-9]', entry: 17, members: [...], ... }
 */
import type { AttrValue } from '../format/protos.ts';
import type { PlannedScopeSeries } from './scope-series.ts';
import { buildEdges, NodeRole } from './scope-tree-edges.ts';
import { detectSeries, SERIES_MIN_SIZE, type SeriesCandidate } from './series.ts';
import { IN_EMBED_TYPES, matchesAny, normalizeDevice, OUT_EMBED_TYPES } from './tb-rules.ts';
import type { TensorShape } from './tensor-shapes.ts';

/** What the builder reads of a NodeDef (a decoded `NodeDef` is one). */
export interface GraphNodeLike {
  readonly name: string;
  readonly op: string;
  readonly input: readonly string[];
  /** `NodeDef.device`; colours by device. */
  readonly device?: string;
  /** `NodeDef.attr`; `_output_shapes` gives edge sizes and shape labels. */
  readonly attr?: { readonly [key: string]: AttrValue };
}

export interface ScopeTreeOptions {
  /** TensorBoard's in/out embeddings of `Const` and `*Summary` ops (default off). */
  readonly embed?: boolean;
  /** TensorBoard's series grouping (default off). */
  readonly series?: boolean;
  /** Series with at least this many ops are grouped unless `seriesGrouping` says otherwise (TensorBoard: 5). */
  readonly seriesMinSize?: number;
  /** Per series name, the user's choice: group a small series or ungroup a big one. */
  readonly seriesGrouping?: { readonly [seriesName: string]: 'group' | 'ungroup' };
  /** Also group numbered sibling scopes of one structure (scope-series.ts; not TensorBoard's; `ScopeTree.fromNodes` only). */
  readonly scopeSeries?: boolean;
  /**
   * Node `i`'s output shapes, for a caller that has them without decoding `attr` (the graph
   * worker reads them from the GraphDef bytes: src/format/graph-def-lazy.ts); by default
   * tensor-shapes.ts `outputShapes(nodes[i].attr)`, and it must give the same.
   */
  readonly outputShapes?: (node: number) => readonly (TensorShape | null)[] | null;
}

/** A series found in a scope: grouped under its own entry, or left as it was. */
export interface SeriesRecord {
  /** `scope/add[1-9]`: the series entry's path, and the key for `seriesGrouping`. */
  readonly name: string;
  /** The members' op type; '' for a series of scopes. */
  readonly op: string;
  readonly first: number;
  readonly last: number;
  /** The scope entry it lies in. */
  readonly scope: number;
  /** The series entry; -1 when not grouped. */
  readonly entry: number;
  /** Its member entries (ops, or scopes for a series of scopes), in number order. */
  readonly members: readonly number[];
}

export interface ScopeTreeData {
  /** Display path of each entry. Entry 0 is the root (`''`). An op that is also a scope is `A/(A)`; a series entry is `A/add[1-9]`, its members keep their paths. */
  readonly paths: readonly string[];
  /** For an op, its index in `GraphDef.node`; -1 for a scope or series. */
  readonly nodeIndex: readonly number[];
  /** The op type (`MatMul`); `''` for a scope or series. */
  readonly opTypes: readonly string[];
  /** The parent entry; -1 for the root. Parents come before their children. */
  readonly parents: readonly number[];
  /** Edges between op entries, one per kept input (see node-input.ts `edgeInputs`). */
  readonly edgeSrc: readonly number[];
  readonly edgeDst: readonly number[];
  readonly edgeControl: readonly boolean[];
  /** Which output of the source (`0`, `1`, `out:0`). */
  readonly edgeOutput: readonly string[];
  /** Node names given more than once in the GraphDef (invalid; the first is kept). */
  readonly duplicates: readonly string[];
  /** Inputs naming a node the GraphDef does not hold (no edge is drawn for them). */
  readonly missingInputs: readonly string[];
  /** Per edge: a reference edge (TensorBoard's `refEdges`: Assign's input 0 and friends). */
  readonly edgeRef?: readonly boolean[];
  /** Per edge: TensorBoard's size for its width (tensor-shapes.ts `sizeOfOutputs` of the source). */
  readonly edgeSize?: readonly number[];
  /** Per edge: the tensor's shape label (`?×784`, `scalar`); null when unknown. */
  readonly edgeShape?: readonly (string | null)[];
  /** Per entry: the op's device as TensorBoard names it (`GPU:0`); '' for scopes and unset devices. */
  readonly devices?: readonly string[];
  /** Every series found (option `series`), grouped or not. */
  readonly series?: readonly SeriesRecord[];
  /** Embedded nodes (option `embed`): the host op entry, the embedded node's `GraphDef.node` index, and whether it is an out-embedding (a summary). */
  readonly embedHost?: readonly number[];
  readonly embedNode?: readonly number[];
  readonly embedOut?: readonly boolean[];
}

const DELIM = '/';

/** TensorBoard's `getStrictName`: `a/b` → `a/b/(b)`. */
export function strictName(name: string): string {
  return `${name}${DELIM}(${name.slice(name.lastIndexOf(DELIM) + 1)})`;
}

const parentPath = (path: string): string => {
  const cut = path.lastIndexOf(DELIM);
  return cut < 0 ? '' : path.slice(0, cut);
};

/** A series found before entries exist: its members as `GraphDef.node` indices. */
interface PendingSeries {
  readonly name: string;
  readonly parent: string;
  readonly op: string;
  readonly first: number;
  readonly last: number;
  readonly nodes: readonly number[];
  readonly grouped: boolean;
}

/** Each kept node's `GraphDef.node` index → the series it groups under, per TensorBoard's `groupSeries`. */
function findSeries(
  nodes: readonly GraphNodeLike[], display: readonly string[], kept: readonly number[], taken: (path: string) => boolean, options: ScopeTreeOptions,
): { pending: PendingSeries[]; seriesOf: Int32Array } {
  const seriesOf = new Int32Array(nodes.length).fill(-1);
  const pending: PendingSeries[] = [];
  if (options.series !== true) return { pending, seriesOf };
  const minSize = options.seriesMinSize ?? SERIES_MIN_SIZE;
  const grouping = options.seriesGrouping ?? {};
  const byParent = new Map<string, number[]>();
  for (const i of kept) {
    const p = parentPath(display[i]!);
    let list = byParent.get(p);
    if (list === undefined) byParent.set(p, (list = []));
    list.push(i);
  }
  for (const [parent, list] of byParent) {
    if (list.length < 2) continue;
    const skip = parent === '' ? 0 : parent.length + 1;
    const candidates: SeriesCandidate[] = list.map((i) => ({ leaf: display[i]!.slice(skip), op: nodes[i]!.op }));
    for (const s of detectSeries(parent, candidates)) {
      const members = s.members.map((k) => list[k]!);
      const choice = grouping[s.name];
      // A name TF could not give an op (`[` is not allowed) may still come from another producer: never shadow it.
      const grouped = (choice === 'group' || (choice !== 'ungroup' && members.length >= minSize)) && !taken(s.name);
      if (grouped) for (const m of members) seriesOf[m] = pending.length;
      pending.push({ name: s.name, parent, op: s.op, first: s.first, last: s.last, nodes: members, grouped });
    }
  }
  return { pending, seriesOf };
}

/** `scopePlan`: series of scopes to group (scope-series.ts `planScopeSeries`); `ScopeTree.fromNodes` makes it. */
export function buildScopeTreeData(
  nodes: readonly GraphNodeLike[], options: ScopeTreeOptions = {}, scopePlan: readonly PlannedScopeSeries[] = [],
): ScopeTreeData {
  const embed = options.embed === true;
  const role = new Uint8Array(nodes.length);
  const indexOf = new Map<string, number>();
  const duplicates: string[] = [];
  const kept: number[] = [];
  nodes.forEach((n, i) => {
    if (indexOf.has(n.name)) {
      role[i] = NodeRole.Duplicate;
      duplicates.push(n.name);
      return;
    }
    indexOf.set(n.name, i);
    if (embed && matchesAny(n.op, IN_EMBED_TYPES)) role[i] = NodeRole.InEmbed;
    else if (embed && matchesAny(n.op, OUT_EMBED_TYPES)) role[i] = NodeRole.OutEmbed;
    else kept.push(i);
  });

  // Every proper `/` prefix of a kept name is a scope.
  const namespaces = new Set<string>();
  for (const i of kept) {
    const name = nodes[i]!.name;
    for (let c = name.indexOf(DELIM); c >= 0; c = name.indexOf(DELIM, c + 1)) namespaces.add(name.slice(0, c));
  }
  const display: string[] = new Array<string>(nodes.length).fill('');
  for (const i of kept) display[i] = namespaces.has(nodes[i]!.name) ? strictName(nodes[i]!.name) : nodes[i]!.name;
  const taken = (p: string): boolean => namespaces.has(p) || indexOf.has(p);
  const { pending, seriesOf } = findSeries(nodes, display, kept, taken, options);

  const paths: string[] = [''];
  const nodeIndex: number[] = [-1];
  const opTypes: string[] = [''];
  const parents: number[] = [-1];
  const devices: string[] = [''];
  const byPath = new Map<string, number>([['', 0]]);
  const add = (path: string, index: number, op: string, parent: number, device: string): number => {
    const id = paths.length;
    paths.push(path);
    nodeIndex.push(index);
    opTypes.push(op);
    parents.push(parent);
    devices.push(device);
    byPath.set(path, id);
    return id;
  };
  const scopeSeriesOf = new Map<string, number>();
  scopePlan.forEach((p, k) => {
    if (p.grouped && !taken(p.name)) for (const m of p.members) scopeSeriesOf.set(m, k);
  });
  const planEntry = new Int32Array(scopePlan.length).fill(-1);
  const scopeOf = (path: string): number => {
    const known = byPath.get(path);
    if (known !== undefined) return known;
    const k = scopeSeriesOf.get(path);
    if (k === undefined) return add(path, -1, '', scopeOf(parentPath(path)), '');
    if (planEntry[k]! < 0) planEntry[k] = add(scopePlan[k]!.name, -1, '', scopeOf(scopePlan[k]!.parent), '');
    return add(path, -1, '', planEntry[k]!, '');
  };

  const deviceNames = new Map<string, string>(); // a graph names few devices: normalize each once
  const deviceOf = (raw: string): string => {
    let d = deviceNames.get(raw);
    if (d === undefined) deviceNames.set(raw, (d = normalizeDevice(raw)));
    return d;
  };
  const entryOf = new Int32Array(nodes.length).fill(-1);
  const seriesEntry = new Int32Array(pending.length).fill(-1);
  for (const i of kept) {
    const s = seriesOf[i]!;
    let parent: number;
    if (s < 0) parent = scopeOf(parentPath(display[i]!));
    else {
      if (seriesEntry[s]! < 0) seriesEntry[s] = add(pending[s]!.name, -1, '', scopeOf(pending[s]!.parent), '');
      parent = seriesEntry[s]!;
    }
    entryOf[i] = add(display[i]!, i, nodes[i]!.op, parent, deviceOf(nodes[i]!.device ?? ''));
  }

  const edges = buildEdges(nodes, role, indexOf, entryOf, kept, options.outputShapes);
  const series: SeriesRecord[] = pending.map((p, s) => ({
    name: p.name, op: p.op, first: p.first, last: p.last, scope: byPath.get(p.parent) ?? 0, entry: seriesEntry[s]!,
    members: p.nodes.map((i) => entryOf[i]!),
  }));
  scopePlan.forEach((p, k) => series.push({
    name: p.name, op: '', first: p.first, last: p.last, scope: byPath.get(p.parent) ?? 0, entry: planEntry[k]!,
    members: p.members.map((m) => byPath.get(m)!),
  }));
  return { paths, nodeIndex, opTypes, parents, duplicates, devices, series, ...edges };
}
