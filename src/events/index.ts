/**
 * Reading event files: the tolerant TFRecord scanner, the run data model and the
 * accumulator that fills it, graph sources, and value helpers. Pure: callers bring bytes
 * (main/logdir/ finds runs and tails files on Node).
 *
 *     const run = readRun('.', [['events.out.tfevents.1494075549.Morvan', bytes]]);
 *     run.tags.get('loss/loss')?.scalars?.values; // Float64Array of every loss
 */
import { RunAccumulator, type RunAccumulatorOptions } from './run-accumulator.ts';
import type { RunData } from './run-data.ts';

export { RecordScanner, type PendingRecord, type ProblemKind, type ReadProblem, type RecordSink } from './record-scanner.ts';
export { EventStreamReader, readEventFile, type EventFileReadResult, type EventRecord } from './event-stream.ts';
export { EventFileReader, RunAccumulator, type RunAccumulatorOptions } from './run-accumulator.ts';
export { ScalarSeries } from './scalar-series.ts';
export { pluginKind, scalarOf, tensorScalar, valueKind } from './classify.ts';
export { graphDefOf, graphDefSource, graphFileSource, kerasModelSource, metaGraphSources, runMetadataSources, viewableGraphDef, type GraphOrigin } from './graphs.ts';
export { kerasModelGraphDef } from './keras-graph.ts';
export type {
  EventFileData, GraphSource, GraphSourceKind, KerasModelInfo, KnownTagKind, LogMessageEntry, RunData, RunMetadataEntry,
  SessionLogEntry, TagData, TagKind, ValueEntry,
} from './run-data.ts';

/** A run read from whole files, given in reading order (TensorBoard's: by file name). */
export function readRun(name: string, files: Iterable<readonly [path: string, bytes: Uint8Array]>, options?: RunAccumulatorOptions): RunData {
  const acc = new RunAccumulator(name, options);
  for (const [path, bytes] of files) acc.file(path).push(bytes);
  return acc.run;
}
