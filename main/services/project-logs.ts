/**
 * The runs of one project, kept live: a `LogdirReader` (main/logdir) polled every half
 * second, and sooner when `fs.watch` reports a change, so new runs and new events show
 * within 2 seconds even on a busy machine (TensorBoard reloads every 30 s or on demand).
 * Only folders that take long to walk are polled less often (see `schedule`).
 *
 * `fs.watch` alone is not trusted: it misses events on network and some container file
 * systems, and on Linux it is not recursive in every Node version. So the poll always
 * runs, and watching only makes updates sooner. On Linux we watch the root and every
 * run's directory; macOS and Windows watch the whole tree natively.
 *
 * LogdirReader never forgets a run. When a run's files disappear (deleted, renamed), this
 * adapter starts a fresh reader, which re-reads the project: rare, and always right.
 */
import fs, { type FSWatcher } from 'node:fs';
import type { RunData } from '../../src/events/run-data.ts';
import { LogdirReader, type RunEntry } from '../logdir/index.ts';

export interface LogsChange {
  /** Runs appeared or disappeared. */
  readonly runsChanged: boolean;
  /** Names of runs that gained events or files (including new ones). */
  readonly updated: readonly string[];
}

export interface ProjectLogsOptions {
  /** Poll interval (ms; default 500, at most 1000) so changes show within 2 s even where watching fails. */
  readonly pollMs?: number;
  /** Use fs.watch to react sooner (default true). */
  readonly watch?: boolean;
}

const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

export class ProjectLogs {
  private reader: LogdirReader;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly watchers = new Map<string, FSWatcher>();
  private running: Promise<LogsChange> | null = null;
  private again = false;
  private closed = false;
  private lastPollMs = 0;

  constructor(readonly root: string, private readonly onChange: (change: LogsChange) => void, private readonly options: ProjectLogsOptions = {}) {
    this.reader = new LogdirReader(root);
  }

  /** Read everything once, then follow the project. */
  async start(): Promise<void> {
    await this.refresh();
    if (this.closed) return;
    if (this.options.watch !== false) this.watch(this.root, NATIVE_RECURSIVE);
    this.schedule();
  }

  /**
   * The next timed poll. A folder that takes long to walk (someone opened their home, or a
   * repository with node_modules) is polled less often — at most a fifth of the time goes
   * to polling — and relies more on fs.watch; a logdir of runs walks in milliseconds.
   */
  private schedule(): void {
    const base = Math.min(this.options.pollMs ?? 500, 1000);
    this.timer = setTimeout(() => {
      const started = Date.now();
      void this.refresh().catch(() => undefined).finally(() => {
        this.lastPollMs = Date.now() - started;
        if (!this.closed) this.schedule();
      });
    }, Math.min(Math.max(base, 4 * this.lastPollMs), 10_000));
    this.timer.unref?.();
  }

  /** Poll now. Calls made while a poll runs get one more poll after it, so nothing is missed. */
  refresh(): Promise<LogsChange> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.pollOnce().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.refresh().catch(() => undefined);
      }
    });
    return this.running;
  }

  private async pollOnce(): Promise<LogsChange> {
    let { newRuns, changedRuns } = await this.reader.poll();
    let runsChanged = newRuns.length > 0;
    if (await this.lostFiles()) {
      this.reader = new LogdirReader(this.root);
      ({ changedRuns } = await this.reader.poll());
      runsChanged = true;
    }
    if (!NATIVE_RECURSIVE && this.options.watch !== false && !this.closed) {
      const dirs = new Set([this.root, ...this.reader.runs().map((r) => this.reader.entry(r.name)!.dir)]);
      for (const [target, w] of this.watchers) {
        if (!dirs.has(target)) {
          w.close();
          this.watchers.delete(target);
        }
      }
      for (const dir of dirs) this.watch(dir, false);
    }
    const change = { runsChanged, updated: changedRuns };
    if ((runsChanged || changedRuns.length > 0) && !this.closed) this.onChange(change);
    return change;
  }

  /** Whether an event file read before is gone. */
  private async lostFiles(): Promise<boolean> {
    for (const run of this.reader.runs()) {
      for (const file of this.reader.entry(run.name)?.eventFiles ?? []) {
        if (!(await fs.promises.access(file).then(() => true, () => false))) return true;
      }
    }
    return false;
  }

  private watch(target: string, recursive: boolean): void {
    if (this.watchers.has(target)) return;
    try {
      const w = fs.watch(target, { recursive, persistent: false }, () => this.soon());
      w.on('error', () => {
        w.close();
        this.watchers.delete(target);
      });
      this.watchers.set(target, w);
    } catch {
      // Out of watch handles, or the folder vanished: polling still covers it.
    }
  }

  /** A burst of file events (one write is several) becomes one poll. */
  private soon(): void {
    if (this.debounce !== null || this.closed) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.refresh().catch(() => undefined);
    }, 30);
  }

  runs(): RunData[] {
    return this.reader.runs();
  }

  run(name: string): RunData | undefined {
    return this.reader.run(name);
  }

  entry(name: string): RunEntry | undefined {
    return this.reader.entry(name);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.debounce !== null) clearTimeout(this.debounce);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
