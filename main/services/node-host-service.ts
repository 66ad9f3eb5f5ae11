/**
 * The host API on Node, shared by both hosts (Electron's IPC handlers and `keisan board`'s
 * HTTP server call this one object). It keeps the open projects, follows their log
 * directories, and checks every id and path it is handed: ids are ours (opaque), and
 * paths must resolve inside a folder the user opened.
 *
 *     const host = new NodeHostService({ host: 'board', lessonsDir, allowedRoots: ['/data/logs'] });
 *     await host.openTrusted('/data/logs');
 *     host.subscribe((e) => console.log(e)); // { type: 'run-updated', runId: 'r1' } …
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  CompiledScript, ExportFormat, ExportedFile, GraphInfo, HostApi, HostEvent, HostInfo, LessonContent, LessonInfo, ProjectInfo, RunInfo, ScalarSeries, TagInfo,
} from '../../src/host-api.ts';
import { compileScript } from './compile-script.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { HostError, outsideError } from './host-error.ts';
import { LessonCatalog, type LessonLayout, projectLesson } from './lessons.ts';
import { checkPathString, defaultProjectsDir, isInside, resolveExistingInside, resolveInside, userConfigDir } from './paths.ts';
import { type LogsChange, ProjectLogs, type ProjectLogsOptions } from './project-logs.ts';
import { type Project, ProjectRegistry, type RunRef } from './project-registry.ts';
import { RecentProjects } from './recent-projects.ts';
import { exportRunFiles, renameRunDir, trashRunDir, writeFilesInto } from './run-files.ts';
import { RunGraphs } from './run-graphs.ts';
import { graphBytes, graphInfos, runInfo, scalarSeries, tagInfos } from './run-views.ts';
import type { TrashFn } from './trash.ts';

export interface NodeHostServiceOptions extends ProjectLogsOptions {
  readonly host: 'electron' | 'board';
  /** `resources/lessons`. */
  readonly lessonsDir: string;
  readonly version?: string;
  readonly language?: string;
  /** Settings folder (recent projects); default `userConfigDir()`. */
  readonly configDir?: string;
  /** Where new lesson projects are made; default `defaultProjectsDir()`. Null: this host makes none (board with no folder). */
  readonly projectsDir?: string | null;
  /** Board: `openProject(path)` accepts only paths inside these. Null (desktop): recent projects and open folders. */
  readonly allowedRoots?: readonly string[] | null;
  /** Electron's `shell.trashItem`; otherwise the system's trash command (see trash.ts). */
  readonly trash?: TrashFn | null;
  /** Electron: the native Open dialog. Absent (board): `openProject()` without a path is refused. */
  readonly pickProjectPath?: () => Promise<string | null>;
  /** Electron: the native folder dialog for `saveFiles`. Absent (board): the browser downloads instead. */
  readonly chooseSaveDir?: () => Promise<string | null>;
}

const isEventFile = (p: string): boolean => path.basename(p).includes('tfevents');

function osLanguage(): string {
  const env = process.env;
  const raw = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  return /^[a-z]{2}/i.exec(raw)?.[0]?.toLowerCase() ?? 'en';
}

export class NodeHostService implements HostApi {
  /** Open projects, and ids for projects and runs that stay fixed for the session. */
  private readonly projects = new ProjectRegistry();
  private readonly listeners = new Set<(e: HostEvent) => void>();
  private readonly recent: RecentProjects;
  private readonly lessons: LessonCatalog;
  private readonly graphs = new RunGraphs();
  /** Appends to one (project, file) run in call order: see appendEventBytes. */
  private readonly appends = new KeyedQueue();
  private roots: string[] | null = null;

  constructor(private readonly options: NodeHostServiceOptions) {
    this.recent = new RecentProjects(options.configDir ?? userConfigDir());
    this.lessons = new LessonCatalog(options.lessonsDir);
  }

  // ——— events ———

  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: HostEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken listener (a closed connection) must not stop the others.
      }
    }
  }

  private onLogs(projectId: string, change: LogsChange): void {
    if (change.runsChanged) this.emit({ type: 'runs-changed', projectId });
    for (const name of change.updated) this.emit({ type: 'run-updated', runId: this.projects.runId(projectId, name) });
  }

  // ——— projects ———

  async info(): Promise<HostInfo> {
    return { host: this.options.host, version: this.options.version ?? (await packageVersion()), language: this.options.language ?? osLanguage() };
  }

  /** Realpaths of the allowed roots (board), computed once. */
  private async allowedRoots(): Promise<string[] | null> {
    if (this.options.allowedRoots == null) return null;
    this.roots ??= await Promise.all(this.options.allowedRoots.map((r) => fs.realpath(r)));
    return this.roots;
  }

  async listRecentProjects(): Promise<ProjectInfo[]> {
    const roots = await this.allowedRoots();
    const out: ProjectInfo[] = [];
    for (const e of await this.recent.list()) {
      if (roots !== null && !roots.some((r) => isInside(r, e.path))) continue;
      if (!(await fs.access(e.path).then(() => true, () => false))) continue;
      out.push({ id: this.projects.projectId(e.path), name: path.basename(e.path), path: e.path, kind: e.kind, lesson: e.lesson });
    }
    return out;
  }

  async listOpenProjects(): Promise<ProjectInfo[]> {
    return [...this.projects.all()].map((p) => p.info);
  }

  async openProject(given?: string): Promise<ProjectInfo | null> {
    if (given === undefined) {
      if (this.options.pickProjectPath === undefined) throw new HostError('this host has no file dialog: give the path of a folder inside the served log directories', 501);
      const picked = await this.options.pickProjectPath();
      return picked === null ? null : this.openTrusted(picked);
    }
    checkPathString('path', given);
    const roots = await this.allowedRoots();
    if (roots !== null) return this.openTrusted(await resolveExistingInside(roots, given));
    // Desktop: a path the renderer names must be one the user already chose: a recent
    // project, or something inside a project that is open now.
    const open = [...this.projects.all()].filter((p) => p.info.kind === 'folder').map((p) => p.real);
    let real: string;
    try {
      real = await resolveExistingInside(open, given);
    } catch (e) {
      const recent = (await this.recent.list()).map((r) => r.path);
      real = await fs.realpath(given).catch(() => '');
      if (!recent.includes(real)) throw e instanceof HostError && e.status === 404 ? e : outsideError('path', given);
    }
    return this.openTrusted(real);
  }

  /** Open a path the user chose themselves (a dialog, a command-line `--logdir`), without the inside-check. */
  async openTrusted(given: string): Promise<ProjectInfo> {
    const real = await fs.realpath(path.resolve(given)).catch(() => {
      throw new HostError(`'${given}' does not exist`, 404);
    });
    const st = await fs.stat(real);
    if (!st.isDirectory() && !(st.isFile() && isEventFile(real))) throw new HostError(`'${given}' is neither a folder nor an event file (events.out.tfevents.*)`);
    const id = this.projects.projectId(real);
    let project = this.projects.get(id);
    const kind = st.isDirectory() ? 'folder' : 'event-file';
    const lesson = project === undefined && kind === 'folder' ? await projectLesson(real) : null;
    // Looked up again after the await: a second open of the same path may have won meanwhile.
    project ??= this.projects.get(id);
    if (project === undefined) {
      const logs = new ProjectLogs(real, (c) => this.onLogs(id, c), this.options);
      project = { info: { id, name: path.basename(real), path: real, kind, lesson: lesson?.lesson ?? null }, real, logs, lesson };
      this.projects.add(project);
      try {
        await logs.start();
      } catch (e) {
        logs.close();
        this.projects.delete(id);
        throw e;
      }
      this.emit({ type: 'projects-changed' });
      this.emit({ type: 'runs-changed', projectId: id });
    }
    await this.recent.touch({ path: real, kind: project.info.kind, lesson: project.info.lesson }).catch(() => undefined);
    return project.info;
  }

  async closeProject(projectId: string): Promise<void> {
    const p = this.projects.project(projectId);
    p.logs.close();
    this.projects.delete(projectId);
    this.emit({ type: 'projects-changed' });
    this.emit({ type: 'runs-changed', projectId });
  }

  // ——— lessons ———

  listLessons(): Promise<LessonInfo[]> {
    return this.lessons.list();
  }

  async createLessonProject(lessonId: string): Promise<ProjectInfo> {
    const parent = this.options.projectsDir === undefined ? defaultProjectsDir() : this.options.projectsDir;
    if (parent === null) throw new HostError('no folder to make a lesson project in: start board with a --logdir that is a folder', 409);
    return this.openTrusted(await this.lessons.createProject(lessonId, parent));
  }

  private lessonOf(projectId: string): { project: Project; lesson: LessonLayout } {
    const project = this.projects.project(projectId);
    if (project.lesson === null) throw new HostError(`project '${project.info.name}' was not made from a lesson`, 409);
    return { project, lesson: project.lesson };
  }

  async readLesson(projectId: string): Promise<LessonContent> {
    const { project, lesson } = this.lessonOf(projectId);
    const read = async (rel: string): Promise<string> => fs.readFile(await resolveInside(project.real, rel, 'lesson file'), 'utf8');
    return {
      projectId, lesson: lesson.lesson, scriptName: path.basename(lesson.script), script: await read(lesson.script),
      text: { ja: await read(lesson.text.ja).catch(() => ''), en: await read(lesson.text.en).catch(() => '') }, logdir: lesson.logdir,
    };
  }

  async saveLessonScript(projectId: string, script: string): Promise<void> {
    const { project, lesson } = this.lessonOf(projectId);
    const file = await resolveInside(project.real, lesson.script, 'lesson script');
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, script);
    await fs.rename(tmp, file); // never half a script on disk
  }

  /**
   * Appends to one file run one at a time, in call order (queued before any await), so a
   * script's records stay whole and in sequence even when calls overlap.
   */
  appendEventBytes(projectId: string, relativePath: string, bytes: Uint8Array): Promise<void> {
    return this.appends.run(`${projectId}\0${relativePath}`, () => this.appendNow(projectId, relativePath, bytes));
  }

  private async appendNow(projectId: string, relativePath: string, bytes: Uint8Array): Promise<void> {
    const project = this.projects.project(projectId);
    if (project.info.kind !== 'folder') throw new HostError('event files can only be written into a project folder', 409);
    const file = await resolveInside(project.real, relativePath, 'event file path');
    // Only event files: a renderer must not be able to rewrite scripts or anything else.
    if (!isEventFile(file)) throw new HostError(`'${relativePath}' is not an event file name (events.out.tfevents.*)`, 403);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.appendFile(file, bytes);
    void project.logs.refresh().catch(() => undefined); // show it now rather than at the next poll
  }

  compileScript(source: string, fileName: string): Promise<CompiledScript> {
    return compileScript(source, fileName);
  }

  // ——— runs ———

  async listRuns(): Promise<RunInfo[]> {
    const folders = [...this.projects.all()].filter((p) => p.info.kind === 'folder');
    const out: RunInfo[] = [];
    for (const p of this.projects.all()) {
      for (const run of p.logs.runs()) {
        const dir = p.logs.entry(run.name)!.dir;
        // A project opened inside another (a lesson made in board's logdir) owns its runs: list each run once.
        if (p.info.kind === 'folder' && folders.some((q) => q !== p && q.real.length > p.real.length && isInside(q.real, dir))) continue;
        out.push(runInfo(this.projects.runId(p.info.id, run.name), p.info.id, run.name, run));
      }
    }
    return out;
  }

  async listTags(runId: string): Promise<TagInfo[]> {
    return tagInfos(this.projects.runRef(runId).run);
  }

  async readScalars(runId: string, tag: string): Promise<ScalarSeries> {
    return scalarSeries(runId, this.projects.runRef(runId).run, tag);
  }

  async listGraphs(runId: string): Promise<GraphInfo[]> {
    const ref = this.projects.runRef(runId);
    return graphInfos(await this.graphs.of(ref.run, ref.entry));
  }

  async readGraph(runId: string, index: number): Promise<Uint8Array> {
    const ref = this.projects.runRef(runId);
    const graph = (await this.graphs.of(ref.run, ref.entry))[index];
    if (graph === undefined) throw new HostError(`run has no graph ${index}`, 404);
    return graphBytes(graph);
  }

  /** The run's folder, which must be a folder of its own inside its (folder) project. */
  private async ownDir(ref: RunRef, action: string): Promise<string> {
    if (ref.project.info.kind !== 'folder' || ref.name === '.') throw new HostError(`the project's own folder cannot be ${action} here`, 409);
    const real = await fs.realpath(ref.entry.dir).catch(() => ref.entry.dir);
    if (!isInside(ref.project.real, real)) throw outsideError('run folder', ref.entry.dir);
    return ref.entry.dir;
  }

  async renameRun(runId: string, newName: string): Promise<void> {
    const ref = this.projects.runRef(runId);
    const dir = await this.ownDir(ref, 'renamed');
    const target = await resolveInside(ref.project.real, newName, 'new run name');
    await renameRunDir(dir, target);
    // The run keeps its id under its new name.
    this.projects.renameRun(runId, path.relative(ref.project.real, target).split(path.sep).join('/'));
    await ref.project.logs.refresh();
  }

  async deleteRun(runId: string): Promise<void> {
    const ref = this.projects.runRef(runId);
    const dir = await this.ownDir(ref, 'deleted');
    const nested = ref.project.logs.runs().map((r) => r.name).filter((n) => n !== ref.name && n.startsWith(`${ref.name}/`));
    await trashRunDir(dir, nested, this.options.trash ?? null);
    await ref.project.logs.refresh();
  }

  async exportRun(runId: string, format: ExportFormat): Promise<ExportedFile[]> {
    const ref = this.projects.runRef(runId);
    return exportRunFiles(ref.run, ref.entry, format);
  }

  async saveFiles(files: readonly ExportedFile[]): Promise<string | null> {
    if (this.options.chooseSaveDir === undefined) throw new HostError('this host saves no files: in a browser, exported files are downloads', 501);
    const dir = await this.options.chooseSaveDir();
    return dir === null ? null : writeFilesInto(dir, files);
  }

  /** Stop following every project (the host is shutting down). */
  close(): void {
    for (const p of this.projects.all()) p.logs.close();
    this.projects.clear();
  }
}

let version: Promise<string> | null = null;
function packageVersion(): Promise<string> {
  version ??= fs.readFile(new URL('../../package.json', import.meta.url), 'utf8').then((t) => (JSON.parse(t) as { version: string }).version, () => '0.0.0');
  return version;
}
