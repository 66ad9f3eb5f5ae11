/**
 * The graph worker reads GraphDefs with src/format/graph-def-lazy.ts (attrs decoded on
 * first read, output shapes from the bytes). What it answers must be what it answered
 * when it decoded everything with protobuf-es: the same hierarchy (edge sizes and shape
 * labels included), the same details, the same rebuild after Ungroup, on every real graph
 * TensorBoard's graph view shows (TF 1.x, TF 2.x function libraries, PyTorch).
 */
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { GraphDefSchema, type NodeDef } from '../../src/format/protos.ts';
import { graphNodesWithLibrary, nodeDetails, ScopeTree, VIEW_GROUPING } from '../../src/graph/index.ts';
import { GraphService } from '../../renderer/graph/graph-service.ts';
import type { LoadedGraph } from '../../renderer/graph/graph-protocol.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { lessonGraphDef } from './lesson-graph.ts';
import { MORE_REAL_GRAPHS, REAL_GRAPHS, realGraphSources } from './real-graphs.ts';

/** The worker's old load: protobuf-es' decode of everything, library body nodes given `device` and `attr`. */
function referenceNodes(bytes: Uint8Array): NodeDef[] {
  return graphNodesWithLibrary(fromBinary(GraphDefSchema, bytes))
    .map((n) => ({ ...n, device: n.device ?? '', attr: n.attr ?? {} }) as unknown as NodeDef);
}

async function expectSameAnswers(bytes: Uint8Array): Promise<void> {
  const service = new GraphService();
  const loaded = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
  const nodes = referenceNodes(bytes);
  const reference = ScopeTree.fromNodes(nodes, { ...VIEW_GROUPING, seriesGrouping: {} });
  expect(loaded.tree).toEqual(reference.data);
  // Details of every op (attrs decoded now) and of each top-level scope.
  const ids = [...Array(reference.size).keys()].filter((id) => !reference.isScope(id) || reference.parent(id) === 0);
  for (const id of ids.slice(0, 400)) {
    expect(await service.handle({ type: 'details', graph: loaded.graph, id })).toEqual(nodeDetails(reference, nodes, id));
  }
  const series = reference.data.series?.find((s) => s.entry >= 0);
  if (series !== undefined) {
    const grouping = { [series.name]: 'ungroup' as const };
    const regrouped = (await service.handle({ type: 'regroup', graph: loaded.graph, grouping })) as LoadedGraph;
    expect(regrouped.tree).toEqual(ScopeTree.fromNodes(nodes, { ...VIEW_GROUPING, seriesGrouping: grouping }).data);
  }
}

describe('GraphService with the lazy GraphDef reader', () => {
  it('answers as before for the lesson graph', async () => {
    await expectSameAnswers(toBinary(GraphDefSchema, lessonGraphDef()));
  });

  describe.skipIf(!HAVE_REAL_EVENTS)(`real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
    const files = Object.values({ ...REAL_GRAPHS, ...MORE_REAL_GRAPHS });
    const cases = HAVE_REAL_EVENTS
      ? files.flatMap((file) => realGraphSources(file).map((g, k) => [`${file} #${k} (${g.source})`, toBinary(GraphDefSchema, g.def)] as const))
      : [];

    it('includes TF 2.x graphs with function libraries', () => {
      expect(cases.some(([, bytes]) => (fromBinary(GraphDefSchema, bytes).library?.function.length ?? 0) > 0)).toBe(true);
    });

    it.each(cases)('%s', async (_name, bytes) => {
      await expectSameAnswers(bytes);
    }, 60_000);
  });
});
