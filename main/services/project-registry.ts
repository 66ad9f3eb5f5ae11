/**
 * The open projects and the opaque ids the renderer knows them and their runs by. Ids
 * are ours (`p1`, `r7`), never paths, and stay fixed for the whole session: a project
 * closed and opened again, or a run renamed, keeps its id, so a view that holds one
 * keeps working.
 *
 *     const ids = new ProjectRegistry();
 *     const pid = ids.projectId('/data/logs'); // 'p1', the same on every call
 *     ids.runRef(ids.runId(pid, 'train'));     // throws HostError 404 until the project is open
 */
import type { ProjectInfo } from '../../src/host-api.ts';
import type { RunData } from '../../src/events/run-data.ts';
import type { RunEntry } from '../logdir/index.ts';
import { HostError } from './host-error.ts';
import type { LessonLayout } from './lessons.ts';
import type { ProjectLogs } from './project-logs.ts';

export interface Project {
  readonly info: ProjectInfo;
  /** Realpath of the folder or event file. */
  readonly real: string;
  readonly logs: ProjectLogs;
  readonly lesson: LessonLayout | null;
}

export interface RunRef {
  readonly project: Project;
  readonly name: string;
  readonly run: RunData;
  readonly entry: RunEntry;
}

export class ProjectRegistry {
  private readonly open = new Map<string, Project>();
  /** Ids by realpath, kept after closing. */
  private readonly projectIds = new Map<string, string>();
  private readonly runIds = new Map<string, string>();
  private readonly runKeys = new Map<string, { projectId: string; name: string }>();
  private nextId = 1;

  projectId(real: string): string {
    let id = this.projectIds.get(real);
    if (id === undefined) this.projectIds.set(real, (id = `p${this.nextId++}`));
    return id;
  }

  runId(projectId: string, name: string): string {
    const key = `${projectId}\0${name}`;
    let id = this.runIds.get(key);
    if (id === undefined) {
      id = `r${this.nextId++}`;
      this.runIds.set(key, id);
      this.runKeys.set(id, { projectId, name });
    }
    return id;
  }

  /** The run keeps its id under its new name (after a rename on disk). */
  renameRun(runId: string, newName: string): void {
    const key = this.runKeys.get(runId);
    if (key === undefined) return;
    this.runIds.delete(`${key.projectId}\0${key.name}`);
    this.runIds.set(`${key.projectId}\0${newName}`, runId);
    this.runKeys.set(runId, { projectId: key.projectId, name: newName });
  }

  get(projectId: string): Project | undefined {
    return this.open.get(projectId);
  }

  add(project: Project): void {
    this.open.set(project.info.id, project);
  }

  delete(projectId: string): void {
    this.open.delete(projectId);
  }

  all(): IterableIterator<Project> {
    return this.open.values();
  }

  clear(): void {
    this.open.clear();
  }

  project(projectId: string): Project {
    const p = this.open.get(projectId);
    if (p === undefined) throw new HostError(`no open project '${projectId}'`, 404);
    return p;
  }

  runRef(runId: string): RunRef {
    const key = this.runKeys.get(runId);
    const project = key === undefined ? undefined : this.open.get(key.projectId);
    const run = project?.logs.run(key!.name);
    const entry = project?.logs.entry(key!.name);
    if (project === undefined || run === undefined || entry === undefined) throw new HostError(`no run '${runId}' (it may have been closed, renamed or deleted)`, 404);
    return { project, name: key!.name, run, entry };
  }
}
