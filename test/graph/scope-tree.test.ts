import { describe, expect, it } from 'vitest';
import { edgeInputs, parseInput } from '../../src/graph/node-input.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph, referencePaths, referenceScopes } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]) => ({ name, op, input });
const paths = (tree: ScopeTree, ids: readonly number[]) => ids.map((id) => tree.path(id));

describe('inputs as TensorBoard reads them', () => {
  it('parses control inputs, output indices and function outputs', () => {
    expect(parseInput('x')).toEqual({ name: 'x', output: '0', control: false });
    expect(parseInput('^init')).toEqual({ name: 'init', output: '0', control: true });
    expect(parseInput('split:1')).toEqual({ name: 'split', output: '1', control: false });
    expect(parseInput('f/call:out:2')).toEqual({ name: 'f/call', output: 'out:2', control: false });
  });

  it('keeps only the first of consecutive inputs from one node', () => {
    expect(edgeInputs(['x', 'x:1', 'y', 'x']).map((i) => `${i.name}:${i.output}`)).toEqual(['x:0', 'y:0', 'x:0']);
  });
});

describe('ScopeTree on hand-made graphs', () => {
  it('turns an op whose name is also a scope into A/(A)', () => {
    const tree = ScopeTree.fromNodes([node('x', 'Placeholder'), node('loss', 'Square', 'x'), node('loss/grad/y', 'Mul', 'loss')]);
    expect(paths(tree, [...Array(tree.size).keys()])).toEqual(['', 'x', 'loss', 'loss/(loss)', 'loss/grad', 'loss/grad/y']);
    const op = tree.byNodeName('loss')!;
    expect([tree.path(op), tree.name(op), tree.leaf(op), tree.kind(op), tree.op(op)]).toEqual(['loss/(loss)', 'loss', '(loss)', 'op', 'Square']);
    const scope = tree.byPath('loss')!;
    expect(tree.kind(scope)).toBe('scope');
    expect(tree.children(scope).map((c) => tree.leaf(c))).toEqual(['(loss)', 'grad']);
    expect(tree.depth(op)).toBe(2);
    // The edge from the op keeps pointing at it under its new path.
    expect(tree.outEdges(op).map((e) => tree.path(tree.data.edgeDst[e]!))).toEqual(['loss/grad/y']);
  });

  it('renames nested ops and ops that are scopes only through deeper names, and nothing else', () => {
    const tree = ScopeTree.fromNodes([node('a'), node('a/b'), node('a/b/c/d'), node('ab'), node('a_1')]);
    expect(tree.byNodeName('a') && tree.path(tree.byNodeName('a')!)).toBe('a/(a)');
    expect(tree.path(tree.byNodeName('a/b')!)).toBe('a/b/(b)');
    expect(tree.path(tree.byNodeName('ab')!)).toBe('ab');
    expect(tree.path(tree.byNodeName('a_1')!)).toBe('a_1');
    expect(tree.isScope(tree.byPath('a/b/c')!)).toBe(true);
  });

  it('counts ops under each scope', () => {
    const tree = ScopeTree.fromNodes([node('s/a'), node('s/t/b'), node('s/t/c'), node('u'), node('s')]);
    expect(tree.opCount(0)).toBe(5);
    expect(tree.opCount(tree.byPath('s')!)).toBe(4); // a, t/b, t/c and (s)
    expect(tree.opCount(tree.byPath('s/t')!)).toBe(2);
    expect(tree.opCount(tree.byPath('u')!)).toBe(1);
    expect(tree.ancestors(tree.byPath('s/t/c')!).map((a) => tree.path(a))).toEqual(['s', 's/t']);
    expect(tree.opHistogram(tree.byPath('s')!)).toEqual([['Op', 4]]);
  });

  it('makes edges of data and control inputs, dropping self-loops and reporting missing inputs and duplicate names', () => {
    const tree = ScopeTree.fromNodes([
      node('x'), node('y', 'Op', 'x', 'x:1', '^z', 'y', 'nowhere:0'), node('z'), node('x', 'Dup'),
    ]);
    const edges = [...Array(tree.edgeCount).keys()].map((e) =>
      [tree.path(tree.data.edgeSrc[e]!), tree.path(tree.data.edgeDst[e]!), tree.data.edgeControl[e], tree.data.edgeOutput[e]]);
    expect(edges).toEqual([['x', 'y', false, '0'], ['z', 'y', true, '0']]);
    expect(tree.data.missingInputs).toEqual(['nowhere']);
    expect(tree.data.duplicates).toEqual(['x']);
    expect(tree.op(tree.byNodeName('x')!)).toBe('Op');
  });

  it('bundles edges between the children of their lowest common ancestor, counting data and control apart', () => {
    const tree = ScopeTree.fromNodes([
      node('a/x'), node('a/w'), node('b/y', 'Op', 'a/x', '^a/w'), node('b/z', 'Op', 'a/x', 'b/y'), node('b/q/r', 'Op', 'b/z'),
    ]);
    const meta = (scope: string) => tree.metaEdges(tree.byPath(scope) ?? 0)
      .map((m) => `${tree.path(m.source)}->${tree.path(m.target)}${m.control ? ' ctl' : ''} x${m.count}`).sort();
    expect(meta('')).toEqual(['a->b ctl x1', 'a->b x2']);
    expect(meta('b')).toEqual(['b/y->b/z x1', 'b/z->b/q x1']);
    expect(meta('a')).toEqual([]);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`ScopeTree on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(REAL_GRAPHS))('%s: paths, scopes and op counts match the reference', (_name, file) => {
    const g = realGraph(file);
    const tree = ScopeTree.fromNodes(g.node);
    const ops = [...Array(tree.size).keys()].filter((id) => !tree.isScope(id));
    expect(ops.map((id) => tree.path(id))).toEqual(referencePaths(g.node.map((n) => n.name)));
    expect(ops.map((id) => tree.nodeIndex(id))).toEqual(g.node.map((_, i) => i));
    const scopes = referenceScopes(referencePaths(g.node.map((n) => n.name)));
    const ours = [...Array(tree.size).keys()].filter((id) => id > 0 && tree.isScope(id));
    expect(new Map(ours.map((id) => [tree.path(id), tree.opCount(id)]))).toEqual(scopes);
    expect(tree.opCount(0)).toBe(g.node.length);
    for (const id of ours) expect(tree.children(id).length).toBeGreaterThan(0);
  });

  it('tf1-morvan-tensorboard-2017: top-level scopes and counts as SOURCES.md lists them', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node);
    const top = tree.children(0).map((id) => [tree.path(id), tree.opCount(id)]);
    expect(top).toEqual([['inputs', 2], ['layer1', 24], ['layer2', 23], ['loss', 8], ['train', 85], ['Merge', 1]]);
    // `layer1/weights/W` is a variable and also the scope of its Assign and read ops.
    expect(tree.path(tree.byNodeName('layer1/weights/W')!)).toBe('layer1/weights/W/(W)');
  });

  it('tf1-slim-mobilenet-2018: 5,362 ops, the model under MobilenetV1', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node);
    expect(tree.opCount(0)).toBe(5362);
    expect(tree.children(0)).toHaveLength(70);
    expect(tree.opCount(tree.byPath('MobilenetV1')!)).toBe(2111);
    expect(tree.children(tree.byPath('save')!)).toHaveLength(612);
  });

  it.each(Object.entries(REAL_GRAPHS))('%s: every kept input is an edge; metaedges equal a path-based bundling', (_name, file) => {
    const g = realGraph(file);
    const tree = ScopeTree.fromNodes(g.node);
    const names = new Set(g.node.map((n) => n.name));
    let expected = 0;
    for (const n of g.node) expected += edgeInputs(n.input).filter((i) => names.has(i.name) && i.name !== n.name).length;
    expect(tree.edgeCount).toBe(expected);

    // Reference: split both display paths, the common prefix is the LCA, the next segments the children.
    const want = new Map<string, number>();
    for (let e = 0; e < tree.edgeCount; e++) {
      const a = tree.path(tree.data.edgeSrc[e]!).split('/');
      const b = tree.path(tree.data.edgeDst[e]!).split('/');
      let k = 0;
      while (a[k] === b[k]) k++;
      const key = `${a.slice(0, k + 1).join('/')} -> ${b.slice(0, k + 1).join('/')} ${tree.data.edgeControl[e] ? 'ctl' : 'data'}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (let id = 0; id < tree.size; id++) {
      for (const m of tree.metaEdges(id)) got.set(`${tree.path(m.source)} -> ${tree.path(m.target)} ${m.control ? 'ctl' : 'data'}`, m.count);
    }
    expect(got).toEqual(want);
  });
});
