/**
 * The graph worker builds with TensorBoard's grouping on: Consts embedded in their readers,
 * numbered ops grouped into series, and "Ungroup"/"Group" rebuilding with the user's choice
 * (src/graph/series-choice.ts, GraphService `regroup`). Checked on a small GraphDef written
 * here and on TF-Slim MobileNet, whose `save` scope holds hundreds of `Assign_N`.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { GraphDefSchema, NodeDefSchema } from '../../../src/format/protos.ts';
import { ScopeTree, visibleGraph } from '../../../src/graph/index.ts';
import { seriesOffer, withSeriesChoice } from '../../../src/graph/series-choice.ts';
import { GraphService } from '../../../renderer/graph/graph-service.ts';
import type { LoadedGraph, PlacedBoxes } from '../../../renderer/graph/graph-protocol.ts';
import { NodeLook } from '../../../renderer/graph/node-style.ts';
import { REAL_GRAPHS, realGraph } from '../../graph/real-graphs.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../../support/real-events.ts';

/** `s/x` (Placeholder), `s/c` (Const), six `s/add…` reading both, three `s/mul…` (too few for a series). */
function smallGraph(): Uint8Array {
  const specs: [string, string, string[]][] = [['s/x', 'Placeholder', []], ['s/c', 'Const', []]];
  for (let i = 0; i < 6; i++) specs.push([i === 0 ? 's/add' : `s/add_${i}`, 'Add', ['s/x', 's/c']]);
  for (let i = 0; i < 3; i++) specs.push([i === 0 ? 's/mul' : `s/mul_${i}`, 'Mul', ['s/x', 's/x']]);
  const node = specs.map(([name, op, input]) => create(NodeDefSchema, { name, op, input }));
  return toBinary(GraphDefSchema, create(GraphDefSchema, { node }));
}

async function load(service: GraphService, bytes: Uint8Array): Promise<[LoadedGraph, ScopeTree]> {
  const loaded = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
  return [loaded, new ScopeTree(loaded.tree)];
}

describe('series and embeddings in the graph worker', () => {
  it('groups six numbered Adds into one series node, embeds the Const, leaves three Muls alone', async () => {
    const [, tree] = await load(new GraphService(), smallGraph());
    const series = tree.byPath('s/add[0-5]')!;
    expect(tree.isSeries(series)).toBe(true);
    expect(tree.children(series).map((c) => tree.leaf(c))).toEqual(['add', 'add_1', 'add_2', 'add_3', 'add_4', 'add_5']);
    expect(tree.byNodeName('s/c')).toBeUndefined(); // embedded, not an entry
    expect(tree.embeddings(tree.byNodeName('s/add_3')!).in).toHaveLength(1);
    expect(tree.children(tree.byPath('s')!).map((c) => tree.leaf(c)).sort()).toEqual(['add[0-5]', 'mul', 'mul_1', 'mul_2', 'x']);
    const look = new NodeLook(tree, 'en');
    expect(look.label(series, false)).toBe('add[0-5]\n×6 Add');
    expect(look.category(series)).toBe('series');
    expect(look.label(tree.byNodeName('s/add')!, false)).toBe('add\nAdd ◆1');
  });

  it('offers Ungroup on a series and on its members, Group on a member of a small series', async () => {
    const [, tree] = await load(new GraphService(), smallGraph());
    const series = tree.byPath('s/add[0-5]')!;
    expect(seriesOffer(tree, series)).toMatchObject({ series: 's/add[0-5]', action: 'ungroup', size: 6, op: 'Add', entry: series });
    expect(seriesOffer(tree, tree.byNodeName('s/add_2')!)).toMatchObject({ series: 's/add[0-5]', action: 'ungroup' });
    expect(seriesOffer(tree, tree.byNodeName('s/mul_1')!)).toMatchObject({ series: 's/mul[0-2]', action: 'group', entry: -1, size: 3 });
    expect(seriesOffer(tree, tree.byNodeName('s/x')!)).toBeNull();
    expect(seriesOffer(tree, tree.byPath('s')!)).toBeNull();
  });

  it('rebuilds with the user\'s choice: ungrouped ops drawn one by one, a small series grouped', async () => {
    const service = new GraphService();
    const [first, tree] = await load(service, smallGraph());
    let grouping = withSeriesChoice({}, seriesOffer(tree, tree.byPath('s/add[0-5]')!)!);
    grouping = withSeriesChoice(grouping, seriesOffer(tree, tree.byNodeName('s/mul')!)!);
    expect(grouping).toEqual({ 's/add[0-5]': 'ungroup', 's/mul[0-2]': 'group' });
    const again = (await service.handle({ type: 'regroup', graph: first.graph, grouping })) as LoadedGraph;
    expect(again.graph).not.toBe(first.graph);
    const next = new ScopeTree(again.tree);
    expect(next.byPath('s/add[0-5]')).toBeUndefined();
    expect(next.isSeries(next.byPath('s/mul[0-2]')!)).toBe(true);
    expect(next.children(next.byPath('s')!).map((c) => next.leaf(c)).sort())
      .toEqual(['add', 'add_1', 'add_2', 'add_3', 'add_4', 'add_5', 'mul[0-2]', 'x']);
    // The rebuilt graph is the one laid out now; the old handle is refused.
    const s = next.byPath('s')!;
    const placed = (await service.handle({ type: 'layout', graph: again.graph, expanded: [s], lang: 'en' })) as PlacedBoxes;
    expect(placed.boxes.length / 5).toBe(visibleGraph(next, new Set([s])).nodes.length);
    await expect(service.handle({ type: 'details', graph: first.graph, id: s })).rejects.toThrow('the graph changed');
    expect(await service.handle({ type: 'details', graph: again.graph, id: next.byNodeName('s/add_4')! })).toMatchObject({ kind: 'op', op: 'Add' });
  });

  it.skipIf(!HAVE_REAL_EVENTS)(`MobileNet's save scope draws its Assign ops as one series (${HAVE_REAL_EVENTS ? 'real events' : NO_REAL_EVENTS_REASON})`, async () => {
    const service = new GraphService();
    const [loaded, tree] = await load(service, toBinary(GraphDefSchema, realGraph(REAL_GRAPHS.mobilenet)));
    const save = tree.byPath('save')!;
    const assigns = tree.allSeries().find((s) => s.scope === save && s.op === 'Assign')!;
    expect(assigns.entry).toBeGreaterThan(0);
    expect(assigns.members.length).toBeGreaterThan(100);
    const plain = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node);
    const drawn = visibleGraph(tree, new Set([save])).nodes.length;
    expect(drawn).toBeLessThan(visibleGraph(plain, new Set([plain.byPath('save')!])).nodes.length - 100);
    const placed = (await service.handle({ type: 'layout', graph: loaded.graph, expanded: [save], lang: 'en' })) as PlacedBoxes;
    expect(placed.boxes.length / 5).toBe(drawn);
  });
});
