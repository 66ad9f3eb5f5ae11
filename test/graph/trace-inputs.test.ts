import { describe, expect, it } from 'vitest';
import type { GraphNodeLike } from '../../src/graph/scope-tree-data.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { traceInputs } from '../../src/graph/trace-inputs.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });

describe('trace inputs', () => {
  const tree = ScopeTree.fromNodes([
    node('x'), node('c'), node('a/m', 'MatMul', 'x'), node('a/b/n', 'Add', 'a/m', '^c'), node('other', 'Op', 'x'), node('loop', 'Op', 'a/b/n', 'loop2'), node('loop2', 'Op', 'loop'),
  ]);
  const names = (ids: Iterable<number>) => [...ids].map((id) => tree.path(id)).sort();

  it('collects every transitive input, control ones too, and the scopes holding them', () => {
    const t = traceInputs(tree, tree.byNodeName('a/b/n')!);
    expect(names(t.ops)).toEqual(['a/b/n', 'a/m', 'c', 'x']);
    expect(names(t.groups)).toEqual(['a', 'a/b']);
    expect(t.edges).toHaveLength(3);
    expect(names(traceInputs(tree, tree.byNodeName('a/b/n')!, { control: false }).ops)).toEqual(['a/b/n', 'a/m', 'x']);
  });

  it('stops at cycles and refuses a scope', () => {
    expect(names(traceInputs(tree, tree.byNodeName('loop')!).ops)).toEqual(['a/b/n', 'a/m', 'c', 'loop', 'loop2', 'x']);
    expect(() => traceInputs(tree, tree.byPath('a')!)).toThrow(/starts from an op; 'a' is a scope/);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`trace inputs on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('tf1-morvan-tensorboard-2017: the loss depends on the inputs and both layers, not on the optimizer', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node);
    const t = traceInputs(tree, tree.byNodeName('loss/Mean')!);
    const groups = new Set([...t.groups].map((g) => tree.path(g)));
    for (const g of ['inputs', 'layer1', 'layer2', 'loss']) expect(groups.has(g)).toBe(true);
    expect(groups.has('train')).toBe(false);
    // Reference: a plain recursive walk over NodeDef inputs by name.
    const def = new Map(realGraph(REAL_GRAPHS.morvan).node.map((n) => [n.name, n.input]));
    const want = new Set<string>();
    const walk = (name: string): void => {
      if (want.has(name)) return;
      want.add(name);
      for (const i of def.get(name) ?? []) walk(i.replace(/^\^/, '').replace(/:\d+$/, ''));
    };
    walk('loss/Mean');
    expect(new Set(t.ops.map((id) => tree.name(id)))).toEqual(want);
  });
});
