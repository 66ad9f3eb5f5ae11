import { describe, expect, it } from 'vitest';
import { splitScope, withInclusion } from '../../src/graph/auxiliary.ts';
import type { GraphNodeLike } from '../../src/graph/scope-tree-data.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });
const names = (tree: ScopeTree, ids: readonly number[]) => ids.map((id) => tree.name(id));

/** A chain of `n` ops, each also read by `hub`, and a variable `v` read by all of them. */
function hubGraph(n: number): GraphNodeLike[] {
  const chain = [...Array(n).keys()].map((i) => node(`op${i}`, 'Op', 'v', ...(i > 0 ? [`op${i - 1}`] : [])));
  return [node('v', 'VariableV2'), ...chain, node('hub', 'AddN', ...chain.map((c) => c.name)), node('init', 'NoOp', '^v')];
}

describe('auxiliary nodes (TensorBoard extractHighDegrees)', () => {
  it('moves a NoOp sink out, its edge kept as a stub, even in a small scope', () => {
    const tree = ScopeTree.fromNodes([node('a'), node('b', 'Op', 'a'), node('init', 'NoOp', '^a', '^b')]);
    const split = splitScope(tree, ScopeTree.ROOT);
    expect(names(tree, split.outExtract)).toEqual(['init']);
    expect(names(tree, split.main)).toEqual(['a', 'b']);
    expect(split.stubs.map((m) => `${tree.name(m.source)}->${tree.name(m.target)}`)).toEqual(['a->init', 'b->init']);
    expect(split.edges).toHaveLength(1);
  });

  it('moves high in- and out-degree nodes by the quartile rule once there are 15 candidates', () => {
    const tree = ScopeTree.fromNodes(hubGraph(16));
    const split = splitScope(tree, ScopeTree.ROOT);
    // Q1 = Q3 = 2 in-degree (v and the previous op): hub's 16 inputs exceed max(2, 4); v's 17 outputs exceed max(0·4 + 1, 4).
    expect(names(tree, split.inExtract)).toEqual(['hub']);
    expect(names(tree, split.outExtract)).toEqual(['init', 'v']);
    expect(split.main).toHaveLength(16);
    // Fewer than 15 candidates: only the NoOp moves.
    const small = ScopeTree.fromNodes(hubGraph(12));
    expect(names(small, splitScope(small, ScopeTree.ROOT).outExtract)).toEqual(['init']);
  });

  it('turns the control edges of a node with more than 4 into stubs without moving it', () => {
    const tree = ScopeTree.fromNodes([node('c'), ...[1, 2, 3, 4, 5].map((i) => node(`x${i}`, 'Op', '^c')), node('y', 'Op', 'x1')]);
    const split = splitScope(tree, ScopeTree.ROOT);
    expect(split.stubs.filter((m) => m.control)).toHaveLength(5);
    // c has only stubs now, all outgoing: it goes to the input side; x2..x5 keep only stubs coming in.
    expect(names(tree, split.inExtract)).toEqual(['c']);
    expect(names(tree, split.outExtract)).toEqual(['x2', 'x3', 'x4', 'x5']);
    expect(names(tree, split.main)).toEqual(['x1', 'y']);
  });

  it('lets the user move a node into or out of the main graph', () => {
    const tree = ScopeTree.fromNodes([node('a'), node('b', 'Op', 'a'), node('c', 'Op', 'b'), node('init', 'NoOp', '^a')]);
    const back = splitScope(tree, ScopeTree.ROOT, withInclusion({}, 'init', true));
    expect(names(tree, back.main)).toEqual(['a', 'b', 'c', 'init']);
    expect(back.stubs).toEqual([]);
    const out = splitScope(tree, ScopeTree.ROOT, withInclusion({}, 'c', false));
    expect(names(tree, out.outExtract)).toEqual(['init']);
    expect(names(tree, out.inExtract)).toEqual(['c']); // no more out- than in-edges: the input side
  });

  it('leaves a series as it is', () => {
    const tree = ScopeTree.fromNodes([...[0, 1, 2, 3, 4].map((i) => node(`n_${i + 1}`, 'NoOp'))], { series: true });
    const series = tree.byPath('n[1-5]')!;
    expect(splitScope(tree, series).main).toHaveLength(5);
    expect(names(tree, splitScope(tree, ScopeTree.ROOT).main)).toEqual(['n[1-5]']);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`auxiliary nodes on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(REAL_GRAPHS))('%s: every scope splits its children and its edges exactly once', (_name, file) => {
    const tree = ScopeTree.fromNodes(realGraph(file).node, { embed: true, series: true });
    for (let id = 0; id < tree.size; id++) {
      if (!tree.isScope(id)) continue;
      const s = splitScope(tree, id);
      expect([...s.main, ...s.inExtract, ...s.outExtract].sort((a, b) => a - b)).toEqual([...tree.children(id)].sort((a, b) => a - b));
      expect(s.edges.length + s.stubs.length).toBe(tree.metaEdges(id).length);
      const out = new Set([...s.inExtract, ...s.outExtract]);
      for (const e of s.edges) expect(out.has(e.source) || out.has(e.target)).toBe(false);
    }
  });

  it('tf1-morvan-tensorboard-2017: train/GradientDescent (a NoOp) leaves train\'s main graph', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node, { embed: true, series: true });
    expect(names(tree, splitScope(tree, tree.byPath('train')!).outExtract)).toEqual(['train/GradientDescent']);
  });
});
