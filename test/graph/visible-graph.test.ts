import { describe, expect, it } from 'vitest';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { collapsing, normalizeExpanded, revealing, visibleGraph, type VisibleGraph } from '../../src/graph/visible-graph.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { prng, REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string, ...input: string[]) => ({ name, op: 'Op', input });

function described(tree: ScopeTree, g: VisibleGraph) {
  return {
    nodes: g.nodes.map((id) => tree.path(id)),
    edges: g.edges.map((e) => `${tree.path(e.source)}->${tree.path(e.target)}${e.control ? ' ctl' : ''} x${e.count}`).sort(),
  };
}

/** Reference: a node is drawn as the first prefix of its path (by segments) that is not an expanded scope. */
function referenceEdges(tree: ScopeTree, expandedPaths: ReadonlySet<string>): string[] {
  const drawnAs = (path: string): string => {
    const parts = path.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      if (!expandedPaths.has(prefix)) return prefix;
    }
    return path;
  };
  const counts = new Map<string, number>();
  for (let e = 0; e < tree.edgeCount; e++) {
    const s = drawnAs(tree.path(tree.data.edgeSrc[e]!));
    const t = drawnAs(tree.path(tree.data.edgeDst[e]!));
    if (s === t) continue;
    const key = `${s}->${t}${tree.data.edgeControl[e] ? ' ctl' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} x${n}`).sort();
}

describe('visibleGraph on a hand-made graph', () => {
  const tree = ScopeTree.fromNodes([
    node('in/x'), node('in/y'), node('m/w/a'), node('m/w/b'), node('m/f/mul', 'm/w/a', 'in/x'), node('m/f/add', 'm/f/mul', 'm/w/b'),
    node('m/loss', 'in/y', 'm/f/add'), node('train', '^m/loss', 'm/f/add', 'm/w/a'),
  ]);
  const id = (p: string) => tree.byPath(p)!;

  it('draws the top level first, with edges lifted and counted', () => {
    expect(described(tree, visibleGraph(tree, new Set()))).toEqual({
      nodes: ['in', 'm', 'train'],
      edges: ['in->m x2', 'm->train ctl x1', 'm->train x2'],
    });
  });

  it('draws an expanded scope around its children and lifts edges to the lowest drawn node', () => {
    const g = visibleGraph(tree, new Set([id('m')]));
    expect(described(tree, g)).toEqual({
      nodes: ['in', 'm', 'm/w', 'm/f', 'm/loss', 'train'],
      edges: ['in->m/f x1', 'in->m/loss x1', 'm/f->m/loss x1', 'm/f->train x1', 'm/loss->train ctl x1', 'm/w->m/f x2', 'm/w->train x1'],
    });
    expect(tree.path(g.representative[id('m/w/a')]!)).toBe('m/w');
    expect(tree.path(g.representative[id('m/loss')]!)).toBe('m/loss');
  });

  it('ignores expanded scopes inside collapsed ones, and reveals or collapses subtrees', () => {
    expect([...normalizeExpanded(tree, [id('m/f'), id('in'), id('m/w/a')])].map((x) => tree.path(x))).toEqual(['in']);
    const shown = revealing(tree, new Set(), id('m/f/add'));
    expect([...shown].map((x) => tree.path(x)).sort()).toEqual(['m', 'm/f']);
    expect(visibleGraph(tree, shown).nodes.map((x) => tree.path(x))).toContain('m/f/add');
    expect([...collapsing(tree, shown, id('m'))]).toEqual([]);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`visibleGraph on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(REAL_GRAPHS))('%s: lifted edges equal the path-based reference for random expansions', (_name, file) => {
    const tree = ScopeTree.fromNodes(realGraph(file).node);
    const scopes = [...Array(tree.size).keys()].filter((x) => x > 0 && tree.isScope(x));
    const random = prng(7);
    for (let trial = 0; trial < 8; trial++) {
      const picked = scopes.filter(() => random() < trial / 8);
      const expanded = normalizeExpanded(tree, picked.flatMap((s) => [...tree.ancestors(s), s]));
      const g = visibleGraph(tree, expanded);
      const paths = new Set([...expanded].map((x) => tree.path(x)));
      expect(described(tree, g).edges).toEqual(referenceEdges(tree, paths));
      // Every op is represented by exactly one drawn, non-expanded node above it.
      const drawn = new Set(g.nodes);
      for (let x = 1; x < tree.size; x++) {
        const r = g.representative[x]!;
        expect(drawn.has(r) && tree.contains(r, x) && !expanded.has(r) || expanded.has(x)).toBe(true);
      }
    }
  });

  it('tf1-slim-mobilenet-2018: the top level is 70 nodes; everything expanded draws every entry', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node);
    expect(visibleGraph(tree, new Set()).nodes).toHaveLength(70);
    const all = new Set([...Array(tree.size).keys()].filter((x) => x > 0 && tree.isScope(x)));
    const g = visibleGraph(tree, all);
    expect(g.nodes).toHaveLength(tree.size - 1);
    expect(g.edges.reduce((n, e) => n + e.count, 0)).toBe(tree.edgeCount);
  });
});
