/**
 * The worker's layout request with TensorBoard's auxiliary nodes: the split of the top
 * level and every open scope comes back with the boxes (side columns and stubs), and the
 * user's inclusion map, sent with the request, moves a node back into the main graph;
 * going back to an earlier map gives the earlier layout again (from the cache).
 */
import { toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { ScopeTree, withInclusion, type InclusionMap } from '../../src/graph/index.ts';
import { GraphService } from '../../renderer/graph/graph-service.ts';
import type { LoadedGraph, PlacedBoxes } from '../../renderer/graph/graph-protocol.ts';
import { lessonGraphDef } from './lesson-graph.ts';

describe('GraphService layout with auxiliary nodes', () => {
  const bytes = toBinary(GraphDefSchema, lessonGraphDef());

  it('answers the split with the boxes and follows the inclusion map', async () => {
    const service = new GraphService();
    const loaded = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
    const tree = new ScopeTree(loaded.tree);
    const gd = tree.byPath('GradientDescent')!;
    const layout = async (inclusion?: InclusionMap): Promise<PlacedBoxes> =>
      (await service.handle({ type: 'layout', graph: loaded.graph, expanded: [], lang: 'en', ...(inclusion ? { inclusion } : {}) })) as PlacedBoxes;
    const boxOf = (p: PlacedBoxes, id: number): number[] => {
      for (let i = 0; i < p.boxes.length; i += 5) if (p.boxes[i] === id) return [...p.boxes.subarray(i + 1, i + 5)];
      throw new Error(`no box for ${id}`);
    };

    // The training op, a NoOp sink, goes to the right of the top level's main graph; its edges become stubs.
    const first = await layout();
    expect(first.aux.outExtract).toEqual([gd]);
    expect(first.aux.inExtract).toEqual([]);
    const pairs = [...first.aux.stubs];
    expect(pairs.length).toBeGreaterThan(0);
    for (let i = 0; i < pairs.length; i += 2) expect(pairs[i + 1]).toBe(gd);
    const others = tree.children(ScopeTree.ROOT).filter((c) => c !== gd).map((c) => boxOf(first, c));
    const [x, , w] = boxOf(first, gd);
    expect(x! - w! / 2).toBeGreaterThan(Math.max(...others.map(([cx, , cw]) => cx! + cw! / 2)));

    const back = await layout(withInclusion({}, 'GradientDescent', true));
    expect(back.aux.outExtract).toEqual([]);
    expect(back.aux.stubs).toHaveLength(0);

    // The default again: the same boxes as the first time.
    expect([...(await layout({})).boxes]).toEqual([...first.boxes]);
  });

  it('splits every open scope too', async () => {
    const service = new GraphService();
    const loaded = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
    const tree = new ScopeTree(loaded.tree);
    const all = [...Array(tree.size).keys()].filter((id) => id > 0 && tree.isScope(id));
    const placed = (await service.handle({ type: 'layout', graph: loaded.graph, expanded: all, lang: 'ja', inclusion: {} })) as PlacedBoxes;
    const aux = new Set([...placed.aux.inExtract, ...placed.aux.outExtract]);
    const drawn = new Set<number>();
    for (let i = 0; i < placed.boxes.length; i += 5) drawn.add(placed.boxes[i]!);
    for (const id of aux) expect(drawn.has(id), tree.path(id)).toBe(true);
    expect(aux.has(tree.byPath('GradientDescent')!)).toBe(true);
  });
});
