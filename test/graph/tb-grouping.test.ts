import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { AttrValueSchema, AttrValue_ListValueSchema, TensorShapeProtoSchema, type AttrValue } from '../../src/format/protos.ts';
import type { GraphNodeLike } from '../../src/graph/scope-tree-data.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { detectSeries } from '../../src/graph/series.ts';
import { normalizeDevice } from '../../src/graph/tb-rules.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph, referenceTbHierarchy } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });
const TB = { embed: true, series: true } as const;

function shapes(...list: (number[] | null)[]): { [key: string]: AttrValue } {
  const shape = list.map((dims) => create(TensorShapeProtoSchema, dims === null ? { unknownRank: true } : { dim: dims.map((size) => ({ size: BigInt(size) })) }));
  return { _output_shapes: create(AttrValueSchema, { value: { case: 'list', value: create(AttrValue_ListValueSchema, { shape }) } }) };
}

describe('series detection (TensorBoard detectSeries, numeric suffixes)', () => {
  const leaves = (...names: [string, string][]) => names.map(([leaf, op]) => ({ leaf, op }));

  it('groups consecutive numbers per op type and prefix; a bare name is number 0', () => {
    const found = detectSeries('s', leaves(['add', 'Add'], ['add_1', 'Add'], ['add_2', 'Add'], ['add_4', 'Add'], ['add_5', 'Add'], ['add_3', 'Mul']));
    expect(found.map((s) => [s.name, s.members])).toEqual([['s/add[0-2]', [0, 1, 2]], ['s/add[4-5]', [3, 4]]]);
  });

  it('needs a digit-free prefix before `_<n>` (conv2d_1 is not numbered) and two members', () => {
    expect(detectSeries('', leaves(['conv2d_1', 'Conv2D'], ['conv2d_2', 'Conv2D'], ['x_1', 'Op']))).toEqual([]);
    expect(detectSeries('', leaves(['a_1', 'Op'], ['a_2', 'Op']))[0]!.name).toBe('a[1-2]');
  });
});

describe('ScopeTree with TensorBoard options on hand-made graphs', () => {
  const adds = ['add', 'add_1', 'add_2', 'add_3', 'add_4'].map((n, i) => node(`s/${n}`, 'Add', i === 0 ? 'x' : `s/add${i === 1 ? '' : `_${i - 1}`}`));

  it('groups a series of 5 under one entry whose children are the members; 4 stay ungrouped', () => {
    const tree = ScopeTree.fromNodes([node('x'), ...adds, node('s/out', 'Op', 's/add_4'), node('s/mul_1', 'Mul'), node('s/mul_2', 'Mul')], TB);
    const series = tree.byPath('s/add[0-4]')!;
    expect(tree.isSeries(series) && tree.isScope(series)).toBe(true);
    expect(tree.children(series).map((c) => tree.leaf(c))).toEqual(['add', 'add_1', 'add_2', 'add_3', 'add_4']);
    expect(tree.opCount(series)).toBe(5);
    expect(tree.children(tree.byPath('s')!).map((c) => tree.leaf(c))).toEqual(['add[0-4]', 'out', 'mul_1', 'mul_2']);
    const mul = tree.allSeries().find((s) => s.name === 's/mul[1-2]')!;
    expect(mul.entry).toBe(-1);
    expect(mul.members.map((m) => tree.name(m))).toEqual(['s/mul_1', 's/mul_2']);
    // Edges bundle through the series entry: inside it, and from it to its sibling.
    const meta = (id: number) => tree.metaEdges(id).map((m) => `${tree.leaf(m.source)}->${tree.leaf(m.target)} x${m.count}`);
    expect(meta(series)).toEqual(['add->add_1 x1', 'add_1->add_2 x1', 'add_2->add_3 x1', 'add_3->add_4 x1']);
    expect(meta(tree.byPath('s')!)).toEqual(['add[0-4]->out x1']);
    expect(meta(0)).toEqual(['x->s x1']);
    // Off by default: the same nodes build today's tree.
    expect(ScopeTree.fromNodes([node('x'), ...adds]).byPath('s/add[0-4]')).toBeUndefined();
  });

  it('lets the user ungroup a series or group a small one (seriesGrouping)', () => {
    const nodes = [node('x'), ...adds, node('s/mul_1', 'Mul'), node('s/mul_2', 'Mul')];
    const tree = ScopeTree.fromNodes(nodes, { ...TB, seriesGrouping: { 's/add[0-4]': 'ungroup', 's/mul[1-2]': 'group' } });
    expect(tree.byPath('s/add[0-4]')).toBeUndefined();
    expect(tree.parent(tree.byNodeName('s/add_2')!)).toBe(tree.byPath('s'));
    expect(tree.children(tree.byPath('s/mul[1-2]')!)).toHaveLength(2);
    expect(ScopeTree.fromNodes(nodes, { ...TB, seriesMinSize: 6 }).byPath('s/add[0-4]')).toBeUndefined();
  });

  it('embeds Consts in their readers and summaries in what they read, moving a Const\'s control inputs', () => {
    const tree = ScopeTree.fromNodes([
      node('init', 'NoOp'), node('w', 'VariableV2'), node('w/initial_value', 'Const'), node('c', 'Const', '^init'),
      node('m', 'MatMul', 'w', 'c'), node('n', 'Add', 'c', 'm'), node('s', 'ScalarSummary', 'm'), node('all', 'MergeSummary', 's'),
    ], TB);
    // `w` is not a scope: the only name under it is an embedded Const.
    expect(tree.path(tree.byNodeName('w')!)).toBe('w');
    expect(tree.byNodeName('c')).toBeUndefined();
    const m = tree.byNodeName('m')!;
    expect(tree.embeddings(m)).toEqual({ in: [3], out: [6] });
    expect(tree.embeddings(tree.byNodeName('n')!)).toEqual({ in: [3], out: [] });
    const edges = [...Array(tree.edgeCount).keys()].map((e) =>
      `${tree.name(tree.data.edgeSrc[e]!)}->${tree.name(tree.data.edgeDst[e]!)}${tree.data.edgeControl[e] ? ' ctl' : ''}`);
    expect(edges).toEqual(['w->m', 'init->m ctl', 'init->n ctl', 'm->n']);
    expect(tree.opCount(0)).toBe(4); // init, w, m, n
  });

  it('a name with kept ops under it is still a scope when embedding', () => {
    const tree = ScopeTree.fromNodes([node('w', 'VariableV2'), node('w/Assign', 'Assign', 'w', 'w/initial_value'), node('w/initial_value', 'Const')], TB);
    expect(tree.path(tree.byNodeName('w')!)).toBe('w/(w)');
  });

  it('flags reference edges, labels shapes and sizes edges as TensorBoard does', () => {
    const tree = ScopeTree.fromNodes([
      { ...node('v', 'VariableV2'), attr: shapes([784, 10]) },
      { ...node('x', 'Placeholder'), attr: shapes([-1, 784]) },
      { ...node('s', 'Split'), attr: shapes([], null) },
      node('a', 'Assign', 'v', 'x'), node('r', 'Op', 's:1', 's', '^x'), node('q', 'Op', 'a'),
    ]);
    const info = [...Array(tree.edgeCount).keys()].map((e) =>
      [tree.name(tree.data.edgeSrc[e]!), tree.name(tree.data.edgeDst[e]!), tree.data.edgeRef![e], tree.data.edgeShape![e], tree.data.edgeSize![e]]);
    expect(info).toEqual([
      ['v', 'a', true, '784×10', 7840], ['x', 'a', false, '?×784', 784],
      ['s', 'r', false, null, 2], ['x', 'r', false, null, 784], ['a', 'q', false, null, 1],
    ]);
    const root = tree.metaEdges(0).find((m) => tree.name(m.source) === 'v')!;
    expect([root.count, root.size, root.refCount]).toEqual([1, 7840, 1]);
  });

  it('normalizes devices as TensorBoard lists them and counts them per scope', () => {
    expect(normalizeDevice('/job:localhost/replica:0/task:0/device:GPU:0')).toBe('GPU:0');
    expect(normalizeDevice('/job:worker/task:1/gpu:1')).toBe('GPU:1');
    expect(normalizeDevice('/cpu:0')).toBe('CPU:0');
    expect(normalizeDevice('')).toBe('');
    const tree = ScopeTree.fromNodes([
      { ...node('a/x'), device: '/device:GPU:0' }, { ...node('a/y'), device: '/gpu:0' }, { ...node('a/z'), device: '/cpu:0' }, node('b'),
    ]);
    expect(tree.device(tree.byNodeName('a/x')!)).toBe('GPU:0');
    expect(tree.deviceHistogram(tree.byPath('a')!)).toEqual([['GPU:0', 2], ['CPU:0', 1]]);
    expect(tree.device(tree.byPath('a')!)).toBe('');
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`TensorBoard grouping on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(REAL_GRAPHS))('%s: display names and grouped series match the string reference', (_name, file) => {
    const g = realGraph(file);
    const tree = ScopeTree.fromNodes(g.node, TB);
    const ref = referenceTbHierarchy(g.node);
    const ops = [...Array(tree.size).keys()].filter((id) => !tree.isScope(id));
    expect(new Map(ops.map((id) => [tree.name(id), tree.path(id)]))).toEqual(ref.display);
    const grouped = tree.allSeries().filter((s) => s.entry >= 0);
    expect(new Map(grouped.map((s) => [s.name, s.members.map((m) => tree.path(m)).sort()]))).toEqual(ref.series);
    for (const s of grouped) expect(tree.children(s.entry)).toEqual(s.members.slice().sort((a, b) => a - b));
    // Bundling, by TensorBoard's getHierarchicalPath with series names: each prefix of the
    // display path, the series name inserted before a member; the first differing level is
    // where the edge is bundled.
    const seriesOfPath = new Map<string, string>();
    for (const [name, members] of ref.series) for (const m of members) seriesOfPath.set(m, name);
    const ancestry = (path: string): string[] => {
      const parts = path.split('/');
      const out = parts.map((_, k) => parts.slice(0, k + 1).join('/'));
      const s = seriesOfPath.get(path);
      if (s !== undefined) out.splice(out.length - 1, 0, s);
      return out;
    };
    const want = new Map<string, number>();
    for (let e = 0; e < tree.edgeCount; e++) {
      const a = ancestry(tree.path(tree.data.edgeSrc[e]!));
      const b = ancestry(tree.path(tree.data.edgeDst[e]!));
      let k = 0;
      while (a[k] === b[k]) k++;
      const key = `${a[k]} -> ${b[k]} ${tree.data.edgeControl[e] ? 'ctl' : 'data'}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (let id = 0; id < tree.size; id++) {
      for (const m of tree.metaEdges(id)) got.set(`${tree.path(m.source)} -> ${tree.path(m.target)} ${m.control ? 'ctl' : 'data'}`, m.count);
    }
    expect(got).toEqual(want);
  });

  it('tf1-slim-mobilenet-2018: gradients/zeros_like[0-108], GPU and CPU ops, Assign ref edges', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node, TB);
    expect(tree.opCount(tree.byPath('gradients/zeros_like[0-108]')!)).toBe(109);
    expect(tree.deviceHistogram(0)).toEqual([['CPU:0', 2427], ['GPU:0', 883]]);
    const refs = [...Array(tree.edgeCount).keys()].filter((e) => tree.data.edgeRef![e]);
    expect(refs.length).toBeGreaterThan(0);
    for (const e of refs) expect(['Assign', 'AssignAdd', 'AssignSub']).toContain(tree.op(tree.data.edgeDst[e]!));
  });
});
