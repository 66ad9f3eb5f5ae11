/**
 * What the Console tab shows: the lines of the script run in the app (its `tf.print`
 * output and its errors), each stamped with the time since the run started, plus the
 * run's state. Kept outside the view so the lines survive tab switches.
 *
 *     model.start(Date.now());
 *     model.add({ kind: 'print', text: 'a - 0.1 / b - 0.2 / loss - 60.1', elapsedMs: 12 });
 */
export type LineKind = 'print' | 'error';
export type RunPhase = 'idle' | 'running' | 'finished' | 'failed' | 'stopped';

export interface ConsoleLine {
  readonly kind: LineKind;
  readonly text: string;
  readonly elapsedMs: number;
}

export interface ConsoleRun {
  readonly phase: RunPhase;
  /** Epoch milliseconds when the run started. */
  readonly startedAt: number | null;
  readonly elapsedMs: number | null;
}

export type ConsoleChange = { readonly type: 'line'; readonly line: ConsoleLine } | { readonly type: 'reset' } | { readonly type: 'run' };

export class ConsoleModel {
  private readonly items: ConsoleLine[] = [];
  private state: ConsoleRun = { phase: 'idle', startedAt: null, elapsedMs: null };
  private readonly listeners = new Set<(change: ConsoleChange) => void>();

  get lines(): readonly ConsoleLine[] {
    return this.items;
  }

  get run(): ConsoleRun {
    return this.state;
  }

  /** A new run: clears the previous run's lines. */
  start(startedAt: number): void {
    this.items.length = 0;
    this.state = { phase: 'running', startedAt, elapsedMs: null };
    this.emit({ type: 'reset' });
    this.emit({ type: 'run' });
  }

  end(phase: Exclude<RunPhase, 'idle' | 'running'>, elapsedMs: number): void {
    this.state = { ...this.state, phase, elapsedMs };
    this.emit({ type: 'run' });
  }

  add(line: ConsoleLine): void {
    this.items.push(line);
    this.emit({ type: 'line', line });
  }

  clear(): void {
    this.items.length = 0;
    this.emit({ type: 'reset' });
  }

  subscribe(listener: (change: ConsoleChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ConsoleChange): void {
    for (const l of [...this.listeners]) l(change);
  }
}

/** `mm:ss.mmm` since the start (`01:02.345`); hours are added past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const frac = String(total % 1000).padStart(3, '0');
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${frac}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
