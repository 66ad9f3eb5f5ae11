/**
 * The view's split (viewSplit: TensorBoard's rules, but a child holding most of a scope
 * stays in the main graph), the per-scope key of the user's choices, and which drawn
 * edges become stubs.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_EXTRACTED_SHARE, scopeChoices, ScopeTree, splitScope, stubbedEdges, viewSplit, visibleGraph, VIEW_GROUPING, withInclusion,
  type GraphNodeLike,
} from '../../src/graph/index.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });
const paths = (tree: ScopeTree, ids: readonly number[]) => ids.map((id) => tree.path(id));

describe('viewSplit', () => {
  // `model` holds most ops and feeds 16 readers: TensorBoard's out-degree rule would move it out.
  const readers = [...Array(16).keys()].map((i) => node(`r${i}`, 'Op', 'model/out', ...(i > 0 ? [`r${i - 1}`] : [])));
  const tree = ScopeTree.fromNodes([
    node('model/in'), ...[...Array(40).keys()].map((i) => node(`model/l${i}`, 'Op', i === 0 ? 'model/in' : `model/l${i - 1}`)),
    node('model/out', 'Op', 'model/l39'), ...readers, node('init', 'NoOp', '^model/in'),
  ]);

  it('keeps a child holding more than a quarter of the scope in the main graph', () => {
    expect(paths(tree, splitScope(tree, ScopeTree.ROOT).outExtract)).toContain('model');
    expect(tree.opCount(tree.byPath('model')!)).toBeGreaterThan(MAX_EXTRACTED_SHARE * tree.opCount(ScopeTree.ROOT));
    const s = viewSplit(tree, ScopeTree.ROOT, {});
    expect(paths(tree, s.main)).toContain('model');
    expect(paths(tree, s.outExtract)).toEqual(['init']);
  });

  it('lets the user\'s choice win', () => {
    const s = viewSplit(tree, ScopeTree.ROOT, withInclusion({}, 'model', false));
    expect(paths(tree, s.outExtract)).toContain('model');
  });
});

describe('scopeChoices', () => {
  const tree = ScopeTree.fromNodes([node('a/x'), node('a/init', 'NoOp', '^a/x'), node('init', 'NoOp', '^a/x')]);

  it('names only the choices about the scope\'s own children, sorted', () => {
    const inclusion = { 'a/init': 'include', init: 'exclude', a: 'exclude', 'no/such': 'include' } as const;
    expect(scopeChoices(tree, ScopeTree.ROOT, inclusion)).toBe('a=exclude,init=exclude');
    expect(scopeChoices(tree, tree.byPath('a')!, inclusion)).toBe('a/init=include');
    expect(scopeChoices(tree, tree.byPath('a')!, {})).toBe('');
  });
});

describe('stubbedEdges', () => {
  const tree = ScopeTree.fromNodes([node('m/a'), node('m/b', 'Op', 'm/a'), node('c', 'Op', 'm/b'), node('init', 'NoOp', '^m/a', '^c')]);
  const init = tree.byPath('init')!;

  it('finds the drawn edges whose ends, lifted to the shared scope\'s children, were cut', () => {
    const split = splitScope(tree, ScopeTree.ROOT);
    expect(paths(tree, split.outExtract)).toEqual(['init']);
    const flat = split.stubs.flatMap((m) => [m.source, m.target]);
    const m = tree.byPath('m')!;
    // m closed: m→init and c→init are cut; m→c is not.
    const closed = visibleGraph(tree, new Set());
    const cutClosed = [...stubbedEdges(tree, closed.edges, flat)].map((e) => [tree.path(e.source), tree.path(e.target)]);
    expect(cutClosed.sort()).toEqual([['c', 'init'], ['m', 'init']]);
    expect(closed.edges).toHaveLength(3);
    // m open: the drawn edge m/a→init lifts to m→init, still cut.
    const open = visibleGraph(tree, new Set([m]));
    const cut = [...stubbedEdges(tree, open.edges, flat)];
    expect(cut.map((e) => [tree.path(e.source), tree.path(e.target)]).sort()).toEqual([['c', 'init'], ['m/a', 'init']]);
    expect(cut.every((e) => e.target === init)).toBe(true);
    expect(stubbedEdges(tree, open.edges, [])).toEqual(new Set());
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`viewSplit on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('tf1-slim-mobilenet-2018: MobilenetV1 stays in the top level\'s main graph, group_deps goes aside', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node, VIEW_GROUPING);
    expect(paths(tree, splitScope(tree, ScopeTree.ROOT).outExtract)).toContain('MobilenetV1');
    const s = viewSplit(tree, ScopeTree.ROOT, {});
    expect(paths(tree, s.main)).toContain('MobilenetV1');
    expect(paths(tree, s.outExtract)).toEqual(['group_deps']);
    expect(paths(tree, s.inExtract)).toEqual([]);
  });
});
