import { describe, expect, it } from 'vitest';
import type { GraphNodeLike } from '../../src/graph/scope-tree-data.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { MORE_REAL_GRAPHS, REAL_GRAPHS, realGraphSources } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });
/** `layer_k`: a variable, a MatMul reading the previous layer, and an activation (`act` by default). */
const layer = (k: number, act = 'Relu') => {
  const s = k === 0 ? 'layer' : `layer_${k}`;
  const prev = k === 0 ? 'x' : k === 1 ? 'layer/out' : `layer_${k - 1}/out`;
  return [node(`${s}/w`, 'VariableV2'), node(`${s}/mm`, 'MatMul', prev, `${s}/w`), node(`${s}/out`, act, `${s}/mm`)];
};

describe('series of scopes (option scopeSeries)', () => {
  it('groups 5 numbered sibling scopes of one structure; the edges go through the series', () => {
    const nodes = [node('x'), ...[0, 1, 2, 3, 4].flatMap((k) => layer(k)), node('loss', 'Op', 'layer_4/out')];
    const tree = ScopeTree.fromNodes(nodes, { series: true, scopeSeries: true });
    const series = tree.byPath('layer[0-4]')!;
    expect(tree.isSeries(series)).toBe(true);
    expect(tree.children(series).map((c) => tree.path(c))).toEqual(['layer', 'layer_1', 'layer_2', 'layer_3', 'layer_4']);
    expect(tree.children(0).map((c) => tree.path(c))).toEqual(['x', 'layer[0-4]', 'loss']);
    expect(tree.seriesAt(series)).toMatchObject({ op: '', first: 0, last: 4 });
    expect(tree.opCount(series)).toBe(15);
    expect(tree.metaEdges(0).map((m) => `${tree.path(m.source)}->${tree.path(m.target)}`).sort()).toEqual(['layer[0-4]->loss', 'x->layer[0-4]']);
    expect(tree.metaEdges(series)).toHaveLength(4);
    // Without the option, or with one layer built differently, nothing is grouped.
    expect(ScopeTree.fromNodes(nodes, { series: true }).byPath('layer[0-4]')).toBeUndefined();
    const odd = [node('x'), ...[0, 1, 2, 3].flatMap((k) => layer(k)), ...layer(4, 'Sigmoid')];
    expect(ScopeTree.fromNodes(odd, { series: true, scopeSeries: true }).byPath('layer[0-4]')).toBeUndefined();
    expect(ScopeTree.fromNodes(nodes, { series: true, scopeSeries: true, seriesGrouping: { 'layer[0-4]': 'ungroup' } }).byPath('layer[0-4]')).toBeUndefined();
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`series of scopes on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries({ ...REAL_GRAPHS, ...MORE_REAL_GRAPHS }))('%s: grouping scopes keeps every op and every edge', (_name, file) => {
    for (const { def } of realGraphSources(file)) {
      const plain = ScopeTree.fromNodes(def.node, { embed: true, series: true });
      const tree = ScopeTree.fromNodes(def.node, { embed: true, series: true, scopeSeries: true });
      expect(tree.opCount(0)).toBe(plain.opCount(0));
      expect(tree.edgeCount).toBe(plain.edgeCount);
      for (const s of tree.allSeries().filter((x) => x.op === '' && x.entry >= 0)) {
        expect(s.members.length).toBeGreaterThanOrEqual(5);
        for (const m of s.members) expect(tree.parent(m)).toBe(s.entry);
      }
    }
  });
});
