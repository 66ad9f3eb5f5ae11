/**
 * What the host API hands out about a run, taken from the reader's RunData: plain JSON
 * values (no typed arrays, no NaN — unknown is `null`).
 */
import { toBinary } from '@bufbuild/protobuf';
import { viewableGraphDef } from '../../src/events/graphs.ts';
import type { GraphSource, RunData } from '../../src/events/run-data.ts';
import { GraphDefSchema } from '../../src/format/protos.ts';
import type { GraphInfo, Problem, RunInfo, ScalarSeries, TagInfo } from '../../src/host-api.ts';
import { HostError } from './host-error.ts';

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function runInfo(id: string, projectId: string, name: string, run: RunData): RunInfo {
  let records = 0;
  let last = -Infinity;
  const problems: Problem[] = [];
  for (const f of run.files) {
    records += f.records;
    if (f.maxWallTime > last) last = f.maxWallTime;
    for (const p of f.problems) problems.push({ file: f.path, offset: p.offset, kind: p.kind, message: p.message });
  }
  return { id, projectId, name, files: run.files.length, records, lastWallTime: orNull(last), problems };
}

export function tagInfos(run: RunData): TagInfo[] {
  return [...run.tags.values()].map((t) => ({ tag: t.tag, kind: t.kind, count: t.count, firstStep: orNull(t.firstStep), lastStep: orNull(t.lastStep) }));
}

export function scalarSeries(runId: string, run: RunData, tag: string): ScalarSeries {
  const t = run.tags.get(tag);
  if (t === undefined) throw new HostError(`run has no tag '${tag}'`, 404);
  if (t.scalars === null) throw new HostError(`tag '${tag}' holds ${t.kind} values, not scalars`, 409);
  return { runId, tag, steps: Array.from(t.scalars.steps), wallTimes: Array.from(t.scalars.wallTimes), values: Array.from(t.scalars.values) };
}

/** How a graph is named in the graph picker: where it came from, and when. */
function graphLabel(g: GraphSource): string {
  const file = g.file.split(/[\\/]/).pop() ?? g.file;
  switch (g.source) {
    case 'file': return file;
    case 'graph_def': return `graph (step ${g.step})`;
    case 'meta_graph_def': return `meta graph (step ${g.step})`;
    default: return [g.tag, g.part, `step ${g.step}`].filter((s) => s !== null && s !== '').join(' · ');
  }
}

export function graphInfos(graphs: readonly GraphSource[]): GraphInfo[] {
  return graphs.map((g, index) => ({ index, source: g.source, label: graphLabel(g), nodes: g.nodes ?? 0 }));
}

/**
 * A graph as binary GraphDef bytes: serialized ones as stored, parsed text files re-encoded,
 * a Keras model config converted to its layer graph as TensorBoard does (keras-graph.ts).
 */
export function graphBytes(g: GraphSource): Uint8Array {
  if (g.graphDef instanceof Uint8Array) return g.graphDef;
  let def;
  try {
    def = viewableGraphDef(g);
  } catch (e) {
    throw new HostError(`this graph cannot be shown: ${e instanceof Error ? e.message : String(e)}`, 409);
  }
  return toBinary(GraphDefSchema, def);
}
