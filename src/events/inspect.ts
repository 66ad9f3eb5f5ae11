/**
 * `keisan inspect`: what a log directory holds, as `tensorboard --inspect` tells it, but
 * with every problem the reader found (file, byte offset, what was wrong). Pure: runs
 * read by the caller go in, a plain report comes out, as JSON or as text
 * (./inspect-text.ts).
 *
 *     const report = inspectReport([inspectRun(readRun('.', [[name, bytes]]))]);
 *     formatInspectJson(report); // {"runs": [{"run": ".", "files": […], "tags": {…}, "graphs": […]}]}
 *     isCorrupt(report);         // true when a file is damaged (exit status 3)
 */
import type { ProblemKind } from './record-scanner.ts';
import type { EventFileData, GraphSource, GraphSourceKind, RunData, TagData, TagKind } from './run-data.ts';

/**
 * A number in JSON: NaN and ±Infinity, which JSON cannot hold, are written as the strings
 * "NaN", "Infinity", "-Infinity", as TensorBoard's JSON responses write them.
 */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export const jsonNumber = (x: number): JsonNumber => (Number.isFinite(x) ? x : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity');

/** An unset minimum or maximum (NaN in the reader: no event yet) is null in the report. */
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

export interface InspectProblem {
  readonly offset: number;
  readonly kind: ProblemKind;
  readonly message: string;
  /** Where reading went on after skipping damaged bytes (null: nothing valid followed). */
  readonly resumedAt: number | null;
}

export interface InspectFile {
  /** Relative to the path inspected (the file's name when a single file was given). */
  readonly path: string;
  /** Complete records with valid checksums. */
  readonly records: number;
  readonly problems: InspectProblem[];
  readonly bytes: number;
  readonly fileVersion: string | null;
  readonly writer: string | null;
  /** The incomplete last record: not damage, the file may still be growing. */
  readonly pending: { readonly offset: number; readonly length: number | null; readonly have: number } | null;
  readonly minStep: number | null;
  readonly maxStep: number | null;
  readonly minWallTime: number | null;
  readonly maxWallTime: number | null;
}

export interface InspectTag {
  readonly kind: TagKind;
  /** The plugin of the tag's metadata ('' when it has none). */
  readonly plugin: string;
  readonly count: number;
  readonly firstStep: number;
  readonly lastStep: number;
  readonly firstWallTime: number;
  readonly lastWallTime: number;
  /** The first and last values of a scalar series; null for other kinds. */
  readonly first: JsonNumber | null;
  readonly last: JsonNumber | null;
}

export interface InspectGraph {
  readonly source: GraphSourceKind;
  /** GraphDef nodes (Keras layers for a Keras model); null when the graph did not decode. */
  readonly nodes: number | null;
  readonly file: string;
  readonly offset: number;
  readonly step: number;
  readonly tag: string | null;
  readonly part: string | null;
  /** A Keras model config (its `nodes` are layers), not a GraphDef. */
  readonly keras: boolean;
  /** Why a GraphDef file could not be read; null otherwise. */
  readonly error: string | null;
}

export interface InspectRun {
  readonly run: string;
  readonly files: InspectFile[];
  readonly tags: Record<string, InspectTag>;
  readonly graphs: InspectGraph[];
  /** Over every event of every file; null when there is none. */
  readonly minStep: number | null;
  readonly maxStep: number | null;
  readonly minWallTime: number | null;
  readonly maxWallTime: number | null;
  readonly sessionLogs: number;
  readonly logMessages: number;
  readonly taggedRunMetadata: number;
}

export interface InspectReport {
  readonly runs: InspectRun[];
}

/** A GraphDef file beside a run's event files: its graph, or why it could not be read. */
export type GraphFileResult = { readonly file: string; readonly graph: GraphSource } | { readonly file: string; readonly error: string };

export interface InspectOptions {
  /** Only this tag (and graphs that came with it). */
  readonly tag?: string | undefined;
  readonly graphFiles?: readonly GraphFileResult[];
}

function inspectFile(f: EventFileData): InspectFile {
  return {
    path: f.path,
    records: f.records,
    problems: f.problems.map(({ offset, kind, message, resumedAt }) => ({ offset, kind, message, resumedAt })),
    bytes: f.bytesRead,
    fileVersion: f.fileVersion,
    writer: f.writer,
    pending: f.pending === null ? null : { offset: f.pending.offset, length: f.pending.length, have: f.pending.have },
    minStep: orNull(f.minStep),
    maxStep: orNull(f.maxStep),
    minWallTime: orNull(f.minWallTime),
    maxWallTime: orNull(f.maxWallTime),
  };
}

function inspectTag(t: TagData): InspectTag {
  const s = t.scalars;
  const n = s?.length ?? 0;
  return {
    kind: t.kind,
    plugin: t.plugin,
    count: t.count,
    firstStep: t.firstStep,
    lastStep: t.lastStep,
    firstWallTime: t.firstWallTime,
    lastWallTime: t.lastWallTime,
    first: s !== null && n > 0 ? jsonNumber(s.values[0]!) : null,
    last: s !== null && n > 0 ? jsonNumber(s.values[n - 1]!) : null,
  };
}

function inspectGraph(g: GraphSource): InspectGraph {
  return { source: g.source, nodes: g.nodes, file: g.file, offset: g.offset, step: g.step, tag: g.tag, part: g.part, keras: g.keras !== null, error: null };
}

function graphFile(r: GraphFileResult): InspectGraph {
  if ('graph' in r) return { ...inspectGraph(r.graph), file: r.file };
  return { source: 'file', nodes: null, file: r.file, offset: 0, step: 0, tag: null, part: null, keras: false, error: r.error };
}

const smallest = (xs: (number | null)[]): number | null => xs.reduce<number | null>((m, x) => (x !== null && (m === null || x < m) ? x : m), null);
const largest = (xs: (number | null)[]): number | null => xs.reduce<number | null>((m, x) => (x !== null && (m === null || x > m) ? x : m), null);

/** The report of one run (files, tags, graphs, problems), optionally limited to one tag. */
export function inspectRun(run: RunData, options: InspectOptions = {}): InspectRun {
  const files = run.files.map(inspectFile);
  const only = options.tag;
  const tags: [string, InspectTag][] = [];
  for (const t of run.tags.values()) if (only === undefined || t.tag === only) tags.push([t.tag, inspectTag(t)]);
  const graphs = [...run.graphs.map(inspectGraph), ...(options.graphFiles ?? []).map(graphFile)].filter((g) => only === undefined || g.tag === only);
  return {
    run: run.name,
    files,
    // fromEntries defines own properties, so a tag named `__proto__` is kept as a tag.
    tags: Object.fromEntries(tags),
    graphs,
    minStep: smallest(files.map((f) => f.minStep)),
    maxStep: largest(files.map((f) => f.maxStep)),
    minWallTime: smallest(files.map((f) => f.minWallTime)),
    maxWallTime: largest(files.map((f) => f.maxWallTime)),
    sessionLogs: run.sessionLogs.length,
    logMessages: run.logMessages.length,
    taggedRunMetadata: run.runMetadata.length,
  };
}

export function inspectReport(runs: readonly InspectRun[]): InspectReport {
  return { runs: [...runs] };
}

/** Every problem of the report with the file it is in (GraphDef files that did not parse included). */
export function reportProblems(report: InspectReport): { run: string; file: string; problem: InspectProblem }[] {
  const out: { run: string; file: string; problem: InspectProblem }[] = [];
  for (const r of report.runs) {
    for (const f of r.files) for (const problem of f.problems) out.push({ run: r.run, file: f.path, problem });
    for (const g of r.graphs) {
      if (g.error !== null) out.push({ run: r.run, file: g.file, problem: { offset: 0, kind: 'decode', message: g.error, resumedAt: null } });
    }
  }
  return out;
}

/** Damage was found (a pending last record is not damage): `keisan inspect` exits with 3. */
export function isCorrupt(report: InspectReport): boolean {
  return reportProblems(report).length > 0;
}

/** The report as `keisan inspect --json` prints it. */
export function formatInspectJson(report: InspectReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
