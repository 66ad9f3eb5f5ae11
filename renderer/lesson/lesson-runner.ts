/**
 * Runs a lesson script from the editor: save it to the project, compile it on the host,
 * run it in a fresh worker on the chosen backend (WebGL unless the user picked the CPU),
 * show its lines in the console, and append the event bytes it writes to the project
 * through the host (the host's watcher then updates the charts and the graph, exactly as
 * for a run started from the command line).
 *
 *     const runner = new LessonRunner(host, consoleModel, startScriptWorker, lessonBackend);
 *     await runner.run(projectId, 'sgd_function.ts', script);
 *     runner.stop();
 */
import type { HostApi } from '../../src/host-api.ts';
import type { ConsoleModel } from '../console/console-model.ts';
import type { RunRequest, WorkerMessage } from '../worker/protocol.ts';
import { projectRelativePath } from './event-paths.ts';
import { type LessonBackend, lessonBackend } from './lesson-backend.ts';

export type RunnerPhase = 'idle' | 'saving' | 'compiling' | 'running' | 'finished' | 'failed' | 'stopped';

/** What the runner uses of a Worker (so tests can stand one in). */
export interface ScriptWorker {
  onmessage: ((e: { readonly data: WorkerMessage }) => void) | null;
  onerror: ((e: { readonly message: string; preventDefault(): void }) => void) | null;
  postMessage(message: RunRequest): void;
  terminate(): void;
}

export interface RunnerStatus {
  readonly phase: RunnerPhase;
  /** Line of the script an error points at, for the editor to show. */
  readonly errorLine: number | null;
}

export class LessonRunner {
  private worker: ScriptWorker | null = null;
  private status: RunnerStatus = { phase: 'idle', errorLine: null };
  private readonly listeners = new Set<(s: RunnerStatus) => void>();
  private runToken = 0;

  constructor(
    private readonly host: HostApi,
    private readonly console: ConsoleModel,
    /** A fresh worker per run (worker-factory.ts in the page). */
    private readonly makeWorker: () => ScriptWorker,
    /** The backend choice to run on, and where the worker reports what it used. */
    readonly backend: LessonBackend = lessonBackend,
  ) {}

  get current(): RunnerStatus {
    return this.status;
  }

  subscribe(listener: (s: RunnerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async run(projectId: string, fileName: string, script: string): Promise<void> {
    this.stop(false);
    const token = ++this.runToken;
    const started = Date.now();
    const elapsed = (): number => Date.now() - started;
    this.console.start(started);
    try {
      this.set('saving');
      await this.host.saveLessonScript(projectId, script);
      this.set('compiling');
      const compiled = await this.host.compileScript(script, fileName);
      if (token !== this.runToken) return;
      if (!compiled.ok) {
        this.console.add({ kind: 'error', text: `${compiled.file}:${compiled.line}:${compiled.column} ${compiled.message}`, elapsedMs: elapsed() });
        this.finish('failed', elapsed(), compiled.line);
        return;
      }
      this.set('running');
      this.startWorker(token, projectId, fileName, compiled.code, elapsed);
    } catch (e) {
      if (token !== this.runToken) return;
      this.console.add({ kind: 'error', text: (e as Error).message, elapsedMs: elapsed() });
      this.finish('failed', elapsed(), null);
    }
  }

  /** Terminate the running script (its buffered bytes of the last ≤ 200 ms are dropped). */
  stop(report = true): void {
    const active = this.status.phase === 'saving' || this.status.phase === 'compiling' || this.status.phase === 'running';
    this.worker?.terminate();
    this.worker = null;
    if (!active) return;
    this.runToken++;
    if (report) this.finish('stopped', this.console.run.startedAt === null ? 0 : Date.now() - this.console.run.startedAt, null);
  }

  private startWorker(token: number, projectId: string, fileName: string, code: string, elapsed: () => number): void {
    const worker = this.makeWorker();
    this.worker = worker;
    const paths = new Map<number, string>();
    // One chain of appends: the host must see each file's bytes in the order written.
    let appends: Promise<void> = Promise.resolve();
    let appendFailed = false;
    const fail = (text: string, line: number | null): void => {
      this.console.add({ kind: 'error', text, elapsedMs: elapsed() });
      this.stopWorker(worker);
      this.finish('failed', elapsed(), line);
    };
    worker.onmessage = (e) => {
      if (token !== this.runToken) return;
      const m = e.data;
      switch (m.type) {
        case 'backend':
          this.backend.report(m.backend);
          break;
        case 'print':
          this.console.add({ kind: 'print', text: m.line, elapsedMs: m.elapsedMs });
          break;
        case 'file-open':
          try {
            paths.set(m.fileId, projectRelativePath(m.dir, m.name));
          } catch (err) {
            fail(`${fileName} ${(err as Error).message}`, null);
          }
          break;
        case 'file-bytes': {
          const path = paths.get(m.fileId);
          if (path === undefined) break;
          appends = appends.then(() => this.host.appendEventBytes(projectId, path, m.bytes)).catch((err: unknown) => {
            if (appendFailed || token !== this.runToken) return;
            appendFailed = true;
            fail((err as Error).message, null);
          });
          break;
        }
        case 'file-close':
          break;
        case 'error':
          this.console.add({ kind: 'error', text: m.text, elapsedMs: m.elapsedMs });
          void appends.then(() => {
            this.stopWorker(worker);
            if (token === this.runToken) this.finish('failed', m.elapsedMs, m.line);
          });
          break;
        case 'done':
          // Finished once the host has every byte, so the charts are complete when we say so.
          void appends.then(() => {
            this.stopWorker(worker);
            if (token === this.runToken && !appendFailed) this.finish('finished', m.elapsedMs, null);
          });
          break;
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (token === this.runToken) fail(`${fileName} ${e.message || 'the script worker failed to start'}`, null);
    };
    worker.postMessage({ type: 'run', code, fileName, backend: this.backend.now.chosen });
  }

  private stopWorker(worker: ScriptWorker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = null;
  }

  private finish(phase: 'finished' | 'failed' | 'stopped', elapsedMs: number, errorLine: number | null): void {
    this.console.end(phase, elapsedMs);
    this.set(phase, errorLine);
  }

  private set(phase: RunnerPhase, errorLine: number | null = null): void {
    this.status = { phase, errorLine };
    for (const l of [...this.listeners]) l(this.status);
  }
}
