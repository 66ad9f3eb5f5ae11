import { describe, expect, it } from 'vitest';
import { layoutVisible, ScopeLayoutCache, type LayoutJob, type Layouter, type LayoutStyle, type Placed } from '../../src/graph/scope-layout.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { normalizeExpanded, visibleGraph } from '../../src/graph/visible-graph.ts';
import { layOutDagre } from '../../renderer/graph/dagre-layout.ts';
import { layOutLayered } from '../../renderer/graph/layered-layout.ts';
import { createPartLayouter } from '../../renderer/graph/part-layouter.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { lessonGraphDef } from './lesson-graph.ts';
import { prng, REAL_GRAPHS, realGraph } from './real-graphs.ts';

/** Lays nodes out in rows of three, 10 apart, from an arbitrary origin (the composer must normalise it). */
function gridLayouter(calls: LayoutJob[]): Layouter {
  return async (job) => {
    calls.push(job);
    let x = 500;
    let y = -300;
    let rowHeight = 0;
    return {
      positions: job.nodes.map((n, i) => {
        if (i % 3 === 0 && i > 0) {
          x = 500;
          y += rowHeight + 10;
          rowHeight = 0;
        }
        const p = { id: n.id, x, y };
        x += n.width + 10;
        rowHeight = Math.max(rowHeight, n.height);
        return p;
      }),
    };
  };
}

const style = (tree: ScopeTree): LayoutStyle => ({
  leafSize: (id) => (tree.isScope(id) ? { width: 90, height: 40 } : { width: 60, height: 30 }),
  padding: 12,
  labelHeight: 18,
});

const overlaps = (a: Placed, b: Placed) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width - 1e-6 && Math.abs(a.y - b.y) * 2 < a.height + b.height - 1e-6;

/** Siblings never overlap; children sit inside their open scope's box, inside its padding. */
function checkGeometry(tree: ScopeTree, expanded: ReadonlySet<number>, placed: ReadonlyMap<number, Placed>, s: LayoutStyle): void {
  const drawn = visibleGraph(tree, expanded).nodes;
  expect(new Set(placed.keys())).toEqual(new Set(drawn));
  for (const scope of [0, ...expanded]) {
    const kids = tree.children(scope).map((c) => placed.get(c)!);
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) expect(overlaps(kids[i]!, kids[j]!)).toBe(false);
    if (scope === 0) continue;
    const box = placed.get(scope)!;
    for (const k of kids) {
      expect(k.x - k.width / 2).toBeGreaterThanOrEqual(box.x - box.width / 2 + s.padding - 1e-6);
      expect(k.x + k.width / 2).toBeLessThanOrEqual(box.x + box.width / 2 - s.padding + 1e-6);
      expect(k.y - k.height / 2).toBeGreaterThanOrEqual(box.y - box.height / 2 + s.padding - 1e-6);
      expect(k.y + k.height / 2).toBeLessThanOrEqual(box.y + box.height / 2 - s.padding + 1e-6);
    }
  }
}

describe('layoutVisible with a stand-in layouter', () => {
  const tree = ScopeTree.fromNodes(lessonGraphDef().node);
  const id = (p: string) => tree.byPath(p)!;

  it('places every drawn node, siblings apart, children inside their scope', async () => {
    const expanded = normalizeExpanded(tree, [id('simple_model'), id('simple_model/weights'), id('simple_model/weights/a'), id('gradients')]);
    const placed = await layoutVisible(tree, expanded, style(tree), gridLayouter([]), new ScopeLayoutCache());
    checkGeometry(tree, expanded, placed, style(tree));
  });

  it('gives each layout job the scope\'s children and the edges between them', async () => {
    const calls: LayoutJob[] = [];
    await layoutVisible(tree, new Set([id('simple_model')]), style(tree), gridLayouter(calls), new ScopeLayoutCache());
    const job = calls.find((j) => j.scope === id('simple_model'))!;
    expect(job.nodes.map((n) => tree.path(n.id))).toEqual(tree.children(id('simple_model')).map((c) => tree.path(c)));
    expect(job.edges).toEqual(tree.metaEdges(id('simple_model')));
    // The open scope is as big as its laid-out children plus padding and label.
    const root = calls.find((j) => j.scope === 0)!;
    expect(root.nodes.find((n) => n.id === id('simple_model'))!.height).toBeGreaterThan(40);
  });

  it('lays out only the scopes whose children changed size, and reuses cached layouts', async () => {
    const calls: LayoutJob[] = [];
    const cache = new ScopeLayoutCache();
    const run = async (paths: string[]) => {
      calls.length = 0;
      await layoutVisible(tree, normalizeExpanded(tree, paths.map(id)), style(tree), gridLayouter(calls), cache);
      return calls.map((c) => tree.path(c.scope)).sort();
    };
    expect(await run([])).toEqual(['']);
    expect(await run(['simple_model'])).toEqual(['', 'simple_model']);
    expect(await run([])).toEqual([]);
    expect(await run(['simple_model', 'gradients'])).toEqual(['', 'gradients']);
    expect(await run(['simple_model', 'gradients', 'simple_model/formula'])).toEqual(['', 'simple_model', 'simple_model/formula']);
  });

  it('retries a layout that failed', async () => {
    const cache = new ScopeLayoutCache();
    let fail = true;
    const flaky: Layouter = async (job) => {
      if (fail) throw new Error('worker gone');
      return gridLayouter([])(job);
    };
    await expect(layoutVisible(tree, new Set(), style(tree), flaky, cache)).rejects.toThrow('worker gone');
    await Promise.resolve();
    fail = false;
    expect((await layoutVisible(tree, new Set(), style(tree), flaky, cache)).size).toBe(tree.children(0).length);
  });
});

describe.each([['layered-layout (the app\'s)', layOutLayered], ['dagre', layOutDagre]] as const)('layoutVisible with %s', (_name, layOutPart) => {
  it('the lesson graph, fully expanded: no overlaps at any level', async () => {
    const tree = ScopeTree.fromNodes(lessonGraphDef().node);
    const all = new Set([...Array(tree.size).keys()].filter((x) => x > 0 && tree.isScope(x)));
    const placed = await layoutVisible(tree, all, style(tree), createPartLayouter(layOutPart), new ScopeLayoutCache());
    checkGeometry(tree, all, placed, style(tree));
  });

  it.skipIf(!HAVE_REAL_EVENTS)(`tf1-morvan-tensorboard-2017, random expansions (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, async () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node);
    const scopes = [...Array(tree.size).keys()].filter((x) => x > 0 && tree.isScope(x));
    const random = prng(3);
    const layouter = createPartLayouter(layOutPart);
    const cache = new ScopeLayoutCache();
    for (let trial = 0; trial < 4; trial++) {
      const expanded = normalizeExpanded(tree, scopes.filter(() => random() < 0.6).flatMap((s) => [...tree.ancestors(s), s]));
      checkGeometry(tree, expanded, await layoutVisible(tree, expanded, style(tree), layouter, cache), style(tree));
    }
  });
});
