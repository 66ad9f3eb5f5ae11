/**
 * What Keisan knows about one run (a directory of event files), as TensorBoard's
 * EventAccumulator knows it, but without sampling or purging: every value is kept.
 * `RunAccumulator` fills it in as bytes arrive; everything here is plain data.
 */
import type { GraphDef, LogMessage_Level, SessionLog_SessionStatus, Summary_Value, SummaryMetadata } from '../format/protos.ts';
import type { PendingRecord, ReadProblem } from './record-scanner.ts';
import type { ScalarSeries } from './scalar-series.ts';

/**
 * What a tag holds. Known kinds are TensorBoard's dashboards; a tensor summary of a
 * plugin Keisan does not know keeps that plugin's name as its kind (e.g. `custom_scalars`,
 * `mesh`), so it is listed, never dropped. `tensor`: a tensor summary with no plugin.
 */
export type KnownTagKind = 'scalar' | 'histogram' | 'image' | 'audio' | 'text' | 'tensor' | 'graph' | 'hparams' | 'pr_curve';
export type TagKind = KnownTagKind | (string & {});

/** One summary value other than a point of a scalar series. */
export interface ValueEntry {
  readonly step: number;
  readonly wallTime: number;
  readonly value: Summary_Value;
  /** The file (as given to the accumulator) and byte offset of its record. */
  readonly file: string;
  readonly offset: number;
}

export interface TagData {
  readonly tag: string;
  kind: TagKind;
  /** The plugin of the tag's first metadata ('' when none came). */
  plugin: string;
  /** The first metadata seen for the tag: TF writes it only with a tag's first value. */
  metadata: SummaryMetadata | null;
  /** Values read, whatever their form (`scalars.length + values.length`). */
  count: number;
  firstStep: number;
  lastStep: number;
  firstWallTime: number;
  lastWallTime: number;
  /** Every scalar point, in read order (kind `scalar` only). */
  scalars: ScalarSeries | null;
  /** Every other value, in read order. */
  readonly values: ValueEntry[];
}

/**
 * A graph found in a run. `graph_def` / `meta_graph_def`: Event fields 4 and 9;
 * `tagged_run_metadata`: graphs inside a RunMetadata of Event field 8; `summary`: graph
 * summaries (Keras model JSON, or RunMetadata from `graph_run_metadata*`); `file`: a
 * GraphDef file (`.pb`, `.pbtxt`).
 */
export type GraphSourceKind = 'graph_def' | 'meta_graph_def' | 'summary' | 'tagged_run_metadata' | 'file';

export interface KerasModelInfo {
  /** The model config as Keras wrote it (`model.to_json()`). */
  readonly json: string;
  readonly className: string | null;
  readonly kerasVersion: string | null;
  /** The top-level layers, with their class names. */
  readonly layers: readonly { readonly name: string; readonly className: string }[];
}

export interface GraphSource {
  readonly source: GraphSourceKind;
  readonly file: string;
  /** Byte offset of the record (0 for a GraphDef file). */
  readonly offset: number;
  readonly step: number;
  readonly wallTime: number;
  /** The summary or run-metadata tag it came with, if any. */
  readonly tag: string | null;
  /** Where inside a RunMetadata, e.g. `function_graphs[0].pre_optimization_graph`. */
  readonly part: string | null;
  /** GraphDef nodes, Keras layers for a Keras model; null when the bytes are not a valid GraphDef. */
  readonly nodes: number | null;
  /** The GraphDef: serialized (decode it with `graphDefOf`), or already parsed (text files). */
  readonly graphDef: Uint8Array | GraphDef | null;
  /** Set for a Keras model summary (`graph_keras_model`), whose graph is a layer config, not a GraphDef. */
  readonly keras: KerasModelInfo | null;
}

export interface SessionLogEntry {
  readonly step: number;
  readonly wallTime: number;
  readonly status: SessionLog_SessionStatus;
  readonly checkpointPath: string;
  readonly msg: string;
  readonly file: string;
  readonly offset: number;
}

export interface LogMessageEntry {
  readonly step: number;
  readonly wallTime: number;
  readonly level: LogMessage_Level;
  readonly message: string;
  readonly file: string;
  readonly offset: number;
}

/** `Event.tagged_run_metadata`: a serialized RunMetadata (profile, partition graphs) under a tag. */
export interface RunMetadataEntry {
  readonly tag: string;
  readonly step: number;
  readonly wallTime: number;
  readonly runMetadata: Uint8Array;
  readonly file: string;
  readonly offset: number;
}

export interface EventFileData {
  /** The file's name as given to the accumulator (a path relative to the logdir, say). */
  readonly path: string;
  /** Bytes handed to the reader so far. */
  bytesRead: number;
  /** Complete records with valid checksums (including any whose payload did not decode). */
  records: number;
  /** Damage found, in file order. */
  readonly problems: ReadProblem[];
  /** The incomplete last record: the file may still be growing. */
  pending: PendingRecord | null;
  /** `file_version` of its first record ("brain.Event:2"); null when the file has none. */
  fileVersion: string | null;
  /** `source_metadata.writer`, when the writer set it. */
  writer: string | null;
  /** Over every event of the file; NaN before the first. */
  minStep: number;
  maxStep: number;
  minWallTime: number;
  maxWallTime: number;
}

export interface RunData {
  /** Relative path of the run's directory inside the logdir, `.` for the logdir itself. */
  readonly name: string;
  /** In the order read (TensorBoard's: file name order). */
  readonly files: EventFileData[];
  /** In order of first appearance. */
  readonly tags: Map<string, TagData>;
  readonly graphs: GraphSource[];
  readonly sessionLogs: SessionLogEntry[];
  readonly logMessages: LogMessageEntry[];
  readonly runMetadata: RunMetadataEntry[];
  /** Grows whenever anything above changes, so a viewer can tell cheaply that it must redraw. */
  version: number;
}
