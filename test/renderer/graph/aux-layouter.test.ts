/**
 * The auxiliary-node layouter: a scope's main graph laid out by the inner layouter on
 * the edges still drawn, the children TensorBoard's rules move out stacked in a column
 * left (inputs side) and right (outputs side) of it; the user's choices move a node back,
 * and the per-scope layout cache re-lays out only the scopes a choice is about.
 */
import { describe, expect, it } from 'vitest';
import {
  layoutVisible, ScopeLayoutCache, ScopeTree, withInclusion, type GraphNodeLike, type LayoutJob, type Layouter, type LayoutStyle,
} from '../../../src/graph/index.ts';
import { createAuxLayouter } from '../../../renderer/graph/aux-layouter.ts';
import { layOutLayered } from '../../../renderer/graph/layered-layout.ts';
import { createPartLayouter } from '../../../renderer/graph/part-layouter.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });

/** A chain of 16 ops each reading `v`, all summed by `hub`, and an `init` NoOp: hub moves left, v and init right. */
function hubGraph(): GraphNodeLike[] {
  const chain = [...Array(16).keys()].map((i) => node(`op${i}`, 'Op', 'v', ...(i > 0 ? [`op${i - 1}`] : [])));
  return [node('v', 'VariableV2'), ...chain, node('hub', 'AddN', ...chain.map((c) => c.name)), node('init', 'NoOp', '^v')];
}

const inner = createPartLayouter(layOutLayered);
const sizes = (tree: ScopeTree, scope: number): LayoutJob => ({
  scope, nodes: tree.children(scope).map((id) => ({ id, width: 60, height: 30 })), edges: tree.metaEdges(scope),
});

describe('createAuxLayouter', () => {
  const tree = ScopeTree.fromNodes(hubGraph());
  const id = (p: string): number => tree.byPath(p)!;

  it('stacks in-extracted nodes left of the main graph and out-extracted ones right of it', async () => {
    const layouter = createAuxLayouter(tree, {}, inner);
    const { positions } = await layouter(sizes(tree, ScopeTree.ROOT));
    const at = new Map(positions.map((p) => [p.id, p]));
    const split = layouter.split(ScopeTree.ROOT);
    expect(split.inExtract.map((x) => tree.path(x))).toEqual(['hub']);
    expect(split.outExtract.map((x) => tree.path(x)).sort()).toEqual(['init', 'v']);
    const main = split.main.map((x) => at.get(x)!);
    const left = Math.min(...main.map((p) => p.x));
    const right = Math.max(...main.map((p) => p.x + 60));
    expect(at.get(id('hub'))!.x + 60).toBeLessThan(left);
    for (const p of ['init', 'v']) expect(at.get(id(p))!.x).toBeGreaterThan(right);
    // One column: the same x, stacked downwards from the main graph's top without overlapping.
    expect(at.get(id('init'))!.x).toBe(at.get(id('v'))!.x);
    expect(Math.abs(at.get(id('init'))!.y - at.get(id('v'))!.y)).toBeGreaterThanOrEqual(30);
    expect(Math.min(at.get(id('init'))!.y, at.get(id('v'))!.y)).toBe(Math.min(...main.map((p) => p.y)));
  });

  it('lays out the main graph without the cut edges (they are drawn as stubs)', async () => {
    const jobs: LayoutJob[] = [];
    const spy: Layouter = async (job) => (jobs.push(job), inner(job));
    const layouter = createAuxLayouter(tree, {}, spy);
    await layouter(sizes(tree, ScopeTree.ROOT));
    const split = layouter.split(ScopeTree.ROOT);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual([...split.main].sort((a, b) => a - b));
    expect(jobs[0]!.edges).toHaveLength(split.edges.length);
    expect(split.stubs.length).toBeGreaterThan(0);
    const out = new Set([...split.inExtract, ...split.outExtract]);
    for (const e of jobs[0]!.edges) expect(out.has(e.source) || out.has(e.target)).toBe(false);
  });

  it('puts a node the user includes back into the main graph', async () => {
    const layouter = createAuxLayouter(tree, withInclusion({}, 'init', true), inner);
    const { positions } = await layouter(sizes(tree, ScopeTree.ROOT));
    const split = layouter.split(ScopeTree.ROOT);
    expect(split.main).toContain(id('init'));
    expect(split.outExtract.map((x) => tree.path(x))).toEqual(['v']);
    // init now lies among the main graph's nodes, left of the side column.
    const at = new Map(positions.map((p) => [p.id, p]));
    expect(at.get(id('init'))!.x + 60).toBeLessThan(at.get(id('v'))!.x);
  });

  it('leaves a scope with nothing to move out to the inner layouter as it is', async () => {
    const plain = ScopeTree.fromNodes([node('a'), node('b', 'Op', 'a'), node('c', 'Op', 'b')]);
    const job = sizes(plain, ScopeTree.ROOT);
    expect(await createAuxLayouter(plain, {}, inner)(job)).toEqual(await inner(job));
  });

  it('wraps a side column taller than the main graph into further columns, outwards', async () => {
    // Twelve NoOps, each with a control input from the one op: all go right, in several columns.
    const many = ScopeTree.fromNodes([node('a'), node('b', 'Op', 'a'), ...[...Array(12).keys()].map((i) => node(`n${i}`, 'NoOp', '^b'))]);
    const layouter = createAuxLayouter(many, {}, inner);
    const { positions } = await layouter(sizes(many, ScopeTree.ROOT));
    const outs = new Set(layouter.split(ScopeTree.ROOT).outExtract);
    expect(outs.size).toBe(12);
    const xs = [...new Set(positions.filter((p) => outs.has(p.id)).map((p) => p.x))].sort((a, b) => a - b);
    expect(xs.length).toBeGreaterThan(1);
    const mainRight = Math.max(...positions.filter((p) => !outs.has(p.id)).map((p) => p.x + 60));
    expect(xs[0]).toBeGreaterThan(mainRight);
    const ys = positions.filter((p) => outs.has(p.id)).map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThanOrEqual(240);
  });
});

describe('auxiliary nodes and the per-scope layout cache', () => {
  // Two scopes with a NoOp each: a choice about one of them re-lays out that scope (and the
  // top level if that scope's box changed size), never the other.
  const tree = ScopeTree.fromNodes([
    node('a/x'), node('a/y', 'Op', 'a/x'), node('a/init', 'NoOp', '^a/x'),
    node('b/x'), node('b/y', 'Op', 'b/x'), node('b/init', 'NoOp', '^b/x'),
    node('c', 'Op', 'a/y', 'b/y'),
  ]);
  const style: LayoutStyle = { leafSize: () => ({ width: 60, height: 30 }), padding: 10, labelHeight: 16 };
  const a = tree.byPath('a')!;
  const b = tree.byPath('b')!;

  it('keys each scope by the choices about its own children', async () => {
    const cache = new ScopeLayoutCache();
    const laidOut: number[] = [];
    const counting: Layouter = async (job) => (laidOut.push(job.scope), inner(job));
    const open = new Set([a, b]);
    await layoutVisible(tree, open, style, createAuxLayouter(tree, {}, counting), cache);
    expect(laidOut.sort()).toEqual([ScopeTree.ROOT, a, b].sort());

    laidOut.length = 0;
    const included = withInclusion({}, 'a/init', true);
    const placed = await layoutVisible(tree, open, style, createAuxLayouter(tree, included, counting), cache);
    // The top level again only if a's box changed size (here it need not).
    expect(laidOut).toContain(a);
    expect(laidOut).not.toContain(b);
    expect(placed.size).toBe(tree.size - 1);

    // Back to no choice: every layout is in the cache already.
    laidOut.length = 0;
    await layoutVisible(tree, open, style, createAuxLayouter(tree, {}, counting), cache);
    expect(laidOut).toEqual([]);
    // A choice about a closed scope's child changes nothing drawn.
    await layoutVisible(tree, new Set([b]), style, createAuxLayouter(tree, {}, counting), cache);
    laidOut.length = 0;
    await layoutVisible(tree, new Set([b]), style, createAuxLayouter(tree, included, counting), cache);
    expect(laidOut).toEqual([]);
  });
});
