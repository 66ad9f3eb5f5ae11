/**
 * What each kind of Event adds to a run: the generic path of `RunAccumulator`, for
 * everything the scalar fast path declines.
 */
import type { Event, Summary_Value } from '../format/protos.ts';
import { pluginKind, scalarOf, valueKind } from './classify.ts';
import { graphDefSource, type GraphOrigin, kerasModelSource, metaGraphSources, runMetadataSources } from './graphs.ts';
import type { RunAccumulator } from './run-accumulator.ts';
import type { EventFileData, GraphSource } from './run-data.ts';
import { ScalarSeries } from './scalar-series.ts';

const utf8 = new TextDecoder('utf-8');

function decodeProblem(file: EventFileData, offset: number, message: string): void {
  file.problems.push({ offset, kind: 'decode', message: `record at offset ${offset}: ${message}`, resumedAt: null });
}

/** Add graphs found in a record, or report that its graph bytes did not decode. */
function addGraphs(acc: RunAccumulator, file: EventFileData, offset: number, graphs: GraphSource[] | null, what: string): void {
  if (graphs === null) {
    decodeProblem(file, offset, `${what} is not valid`);
    return;
  }
  for (const g of graphs) {
    if (g.nodes === null) decodeProblem(file, offset, `${what} holds bytes that are not a valid GraphDef`);
    acc.run.graphs.push(g);
  }
}

/** Widen a file's step and wall-time ranges to cover one event. */
export function noteEvent(file: EventFileData, step: number, wallTime: number): void {
  if (!(step >= file.minStep)) file.minStep = step;
  if (!(step <= file.maxStep)) file.maxStep = step;
  if (!(wallTime >= file.minWallTime)) file.minWallTime = wallTime;
  if (!(wallTime <= file.maxWallTime)) file.maxWallTime = wallTime;
}

export function addEvent(acc: RunAccumulator, file: EventFileData, event: Event, offset: number): void {
  const step = Number(event.step);
  const wallTime = event.wallTime;
  noteEvent(file, step, wallTime);
  if (event.sourceMetadata !== undefined && event.sourceMetadata.writer !== '') file.writer = event.sourceMetadata.writer;
  const run = acc.run;
  const origin = (source: GraphOrigin['source'], tag: string | null): GraphOrigin => ({ source, file: file.path, offset, step, wallTime, tag });
  const what = event.what;
  switch (what.case) {
    case 'fileVersion':
      file.fileVersion = what.value;
      break;
    case 'graphDef':
      addGraphs(acc, file, offset, [graphDefSource(origin('graph_def', null), what.value)], 'graph_def');
      break;
    case 'metaGraphDef':
      addGraphs(acc, file, offset, metaGraphSources(origin('meta_graph_def', null), what.value), 'meta_graph_def');
      break;
    case 'summary':
      for (const v of what.value.value) addValue(acc, file, offset, step, wallTime, v);
      break;
    case 'logMessage':
      run.logMessages.push({ step, wallTime, level: what.value.level, message: what.value.message, file: file.path, offset });
      break;
    case 'sessionLog': {
      const s = what.value;
      run.sessionLogs.push({ step, wallTime, status: s.status, checkpointPath: s.checkpointPath, msg: s.msg, file: file.path, offset });
      break;
    }
    case 'taggedRunMetadata': {
      const { tag, runMetadata } = what.value;
      run.runMetadata.push({ tag, step, wallTime, runMetadata, file: file.path, offset });
      addGraphs(acc, file, offset, runMetadataSources(origin('tagged_run_metadata', tag), runMetadata), `tagged_run_metadata '${tag}'`);
      break;
    }
    default:
      // An Event with only wall_time and step (or fields from a newer TF): counted, nothing to add.
      break;
  }
}

function addValue(acc: RunAccumulator, file: EventFileData, offset: number, step: number, wallTime: number, v: Summary_Value): void {
  const tag = acc.tag(v.tag);
  // TensorBoard keeps the first metadata of a tag and ignores later ones (event_accumulator.py).
  if (v.metadata !== undefined && tag.metadata === null) {
    tag.metadata = v.metadata;
    tag.plugin = v.metadata.pluginData?.pluginName ?? '';
  }
  const kind = valueKind(v, tag.plugin);
  if (tag.count === 0) {
    tag.kind = kind;
    tag.firstStep = step;
    tag.firstWallTime = wallTime;
  } else if (tag.kind === 'tensor' && kind !== 'tensor') {
    // The tag's plugin became known only after its first value (metadata written late).
    tag.kind = kind;
  }
  tag.count++;
  tag.lastStep = step;
  tag.lastWallTime = wallTime;
  if (kind === 'scalar' && tag.kind === 'scalar') {
    const x = scalarOf(v);
    if (x !== null) {
      (tag.scalars ??= new ScalarSeries()).push(step, wallTime, x);
      return;
    }
  }
  tag.values.push({ step, wallTime, value: v, file: file.path, offset });
  if (kind === 'graph') addSummaryGraph(acc, file, offset, step, wallTime, v, tag.plugin);
}

/**
 * The graph plugin's summaries: a Keras model config (`graph_keras_model`) or a
 * serialized RunMetadata (`graph_run_metadata`, `graph_run_metadata_graph`), each as
 * the first string of a string tensor.
 */
function addSummaryGraph(acc: RunAccumulator, file: EventFileData, offset: number, step: number, wallTime: number, v: Summary_Value, plugin: string): void {
  const payload = v.value.case === 'tensor' ? v.value.value.stringVal[0] : undefined;
  if (payload === undefined) return;
  const origin: GraphOrigin = { source: 'summary', file: file.path, offset, step, wallTime, tag: v.tag };
  if (pluginKind(plugin) !== 'graph') return;
  if (plugin === 'graph_keras_model') {
    const g = kerasModelSource(origin, utf8.decode(payload));
    if (g === null) decodeProblem(file, offset, `the Keras model config of tag '${v.tag}' is not JSON`);
    else acc.run.graphs.push(g);
    return;
  }
  addGraphs(acc, file, offset, runMetadataSources(origin, payload), `the RunMetadata of tag '${v.tag}'`);
}
