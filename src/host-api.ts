/**
 * The one interface between the renderer and its host, declared once. `main/` implements
 * it twice — Electron IPC (through the preload) and the `keisan board` HTTP server — and
 * the renderer only ever talks to an object of this type (see renderer/host/).
 * Every argument crosses a process or network boundary: hosts validate them all.
 * Values are plain JSON plus `Uint8Array` (see host-api-wire.ts).
 */

export type TagKind = 'scalar' | 'histogram' | 'image' | 'audio' | 'text' | 'tensor' | 'graph' | 'hparams' | 'pr_curve' | (string & {});
export type ProblemKind = 'crc' | 'truncated' | 'decode';
export type ExportFormat = 'tfevents' | 'csv' | 'json';
export type GraphSourceKind = 'graph_def' | 'meta_graph_def' | 'summary' | 'tagged_run_metadata' | 'file';

export interface HostInfo {
  readonly host: 'electron' | 'board';
  readonly version: string;
  /** The OS language (`ja`, `en`, …) the UI follows until the user switches. */
  readonly language: string;
}

/** A project: a folder (model scripts + log directories), or a single event file opened as a saved experiment. */
export interface ProjectInfo {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly kind: 'folder' | 'event-file';
  /** The built-in lesson this project was created from, if any. */
  readonly lesson: string | null;
}

export interface LessonInfo {
  readonly id: string;
  readonly title: { readonly ja: string; readonly en: string };
}

export interface LessonContent {
  readonly projectId: string;
  readonly lesson: string;
  /** The script's file name in the project (`sgd_function.ts`): compiled under it, and named in error locations. */
  readonly scriptName: string;
  /** The script as saved in the project (the user may have edited it). */
  readonly script: string;
  /** The lesson text (Markdown) in both languages. */
  readonly text: { readonly ja: string; readonly en: string };
  /** Where the script's FileWriter writes, relative to the project (`tmp/sgd`). */
  readonly logdir: string;
}

export interface Problem {
  readonly file: string;
  readonly offset: number;
  readonly kind: ProblemKind;
  readonly message: string;
}

/** A run: a directory that directly holds event files (named by its path relative to the project, `.` for the root). */
export interface RunInfo {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly files: number;
  readonly records: number;
  readonly lastWallTime: number | null;
  readonly problems: readonly Problem[];
}

export interface TagInfo {
  readonly tag: string;
  readonly kind: TagKind;
  readonly count: number;
  readonly firstStep: number | null;
  readonly lastStep: number | null;
}

/** Every point of one scalar tag of one run (never a sample). */
export interface ScalarSeries {
  readonly runId: string;
  readonly tag: string;
  readonly steps: readonly number[];
  readonly wallTimes: readonly number[];
  readonly values: readonly number[];
}

export interface GraphInfo {
  readonly index: number;
  readonly source: GraphSourceKind;
  readonly label: string;
  readonly nodes: number;
}

export interface ExportedFile {
  /** A plain file name (no directories). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A user script compiled for the renderer's worker: CommonJS that `require`s 'keisan', with an inline source map. */
export type CompiledScript =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string; readonly file: string; readonly line: number; readonly column: number };

export type HostEvent =
  | { readonly type: 'projects-changed' }
  | { readonly type: 'runs-changed'; readonly projectId: string }
  | { readonly type: 'run-updated'; readonly runId: string };

export interface HostApi {
  info(): Promise<HostInfo>;

  listRecentProjects(): Promise<ProjectInfo[]>;
  listOpenProjects(): Promise<ProjectInfo[]>;
  /** Open a folder or a single event file. `path` omitted: ask the user (a native dialog; not available in board). */
  openProject(path?: string): Promise<ProjectInfo | null>;
  closeProject(projectId: string): Promise<void>;

  listLessons(): Promise<LessonInfo[]>;
  /** Create a project from a built-in lesson (script + text) and open it. */
  createLessonProject(lessonId: string): Promise<ProjectInfo>;
  readLesson(projectId: string): Promise<LessonContent>;
  saveLessonScript(projectId: string, script: string): Promise<void>;
  /**
   * Append event-file bytes written by a script running in the renderer's worker.
   * `relativePath` is inside the project (`tmp/sgd/events.out.tfevents.…`).
   */
  appendEventBytes(projectId: string, relativePath: string, bytes: Uint8Array): Promise<void>;
  /** Compile a TypeScript/JavaScript lesson script for the worker (the host has esbuild; the page stays light). */
  compileScript(source: string, fileName: string): Promise<CompiledScript>;

  listRuns(): Promise<RunInfo[]>;
  listTags(runId: string): Promise<TagInfo[]>;
  readScalars(runId: string, tag: string): Promise<ScalarSeries>;
  listGraphs(runId: string): Promise<GraphInfo[]>;
  /** A graph as binary GraphDef bytes (tensorflow.GraphDef). */
  readGraph(runId: string, index: number): Promise<Uint8Array>;
  renameRun(runId: string, newName: string): Promise<void>;
  /** Delete a run's directory (to the OS trash where there is one). */
  deleteRun(runId: string): Promise<void>;
  /** A run exported as files (`keisan export`'s formats). */
  exportRun(runId: string, format: ExportFormat): Promise<ExportedFile[]>;
  /** Save exported files where the user chooses (desktop: a folder dialog; board: browser downloads). Returns where, or null if cancelled. */
  saveFiles(files: readonly ExportedFile[]): Promise<string | null>;

  /** Live changes (new runs, new events) as they happen; returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
}

/** The request/response methods (everything but `subscribe`), for the IPC and HTTP transports. */
export type HostMethod = Exclude<keyof HostApi, 'subscribe'>;

export const HOST_METHODS: readonly HostMethod[] = [
  'info', 'listRecentProjects', 'listOpenProjects', 'openProject', 'closeProject', 'listLessons', 'createLessonProject',
  'readLesson', 'saveLessonScript', 'appendEventBytes', 'compileScript', 'listRuns', 'listTags', 'readScalars', 'listGraphs', 'readGraph',
  'renameRun', 'deleteRun', 'exportRun', 'saveFiles',
];
