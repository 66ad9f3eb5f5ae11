/**
 * WebGL context loss (the GPU was reset, the driver or browser reclaimed it): every
 * texture and program is gone, and GL calls silently do nothing. The backend must not
 * crash the page: while the context is lost, a run fails with `GpuContextLostError`; once
 * the browser restores it, the backend rebuilds its GL state and puts the variables back
 * from their last host snapshot (resident-variables.ts), and listeners hear about both, so
 * the app can say "GPU context lost; variables restored from run N".
 *
 * Loss is noticed from the canvas's `webglcontextlost` event where the context has a
 * canvas (its default is prevented, which is what allows a restore), and in any case from
 * `gl.isContextLost()` at the start of each run and after each readback.
 *
 *     backend.onContextEvent((e) => statusBar.warn(e.message));
 */
import { BackendUnavailableError } from '../backend.ts';
import type { GL2 } from './gl-types.ts';

/** Thrown by a run while the GPU context is lost. */
export class GpuContextLostError extends BackendUnavailableError {
  override name = 'GpuContextLostError';
  constructor() {
    super('The GPU context was lost; runs resume, with variables restored from their last snapshot, once the browser restores it.');
  }
}

export type GpuContextEvent =
  | { readonly type: 'lost'; readonly message: string }
  | { readonly type: 'restored'; readonly message: string; readonly fromRun: number; readonly variables: number };

/** What a canvas offers for the two events (an HTMLCanvasElement or OffscreenCanvas). */
interface CanvasEvents {
  addEventListener(type: string, fn: (e: { preventDefault(): void }) => void): void;
  removeEventListener(type: string, fn: (e: { preventDefault(): void }) => void): void;
}

export class ContextLossWatch {
  private lost = false;
  private readonly listeners = new Set<(e: GpuContextEvent) => void>();
  private readonly canvas: CanvasEvents | null;
  private readonly onLost = (e: { preventDefault(): void }): void => {
    e.preventDefault(); // without this the browser never restores the context
    this.markLost();
  };
  private readonly onRestored = (): void => {
    this.tryRestore();
  };

  /** `rebuild` makes new GL state and restores variables; it returns what it restored. */
  constructor(private readonly gl: GL2, private readonly rebuild: () => { variables: number; fromRun: number }) {
    const canvas = (gl as { canvas?: unknown }).canvas;
    this.canvas = isCanvas(canvas) ? canvas : null;
    this.canvas?.addEventListener('webglcontextlost', this.onLost);
    this.canvas?.addEventListener('webglcontextrestored', this.onRestored);
  }

  listen(listener: (e: GpuContextEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Before a run: throw while lost; rebuild first if the context came back since. */
  check(): void {
    if (this.gl.isContextLost()) {
      this.markLost();
      throw new GpuContextLostError();
    }
    if (this.lost) this.tryRestore();
  }

  stop(): void {
    this.canvas?.removeEventListener('webglcontextlost', this.onLost);
    this.canvas?.removeEventListener('webglcontextrestored', this.onRestored);
    this.listeners.clear();
  }

  /** The context was found lost (e.g. by a readback); marks it so the next run waits for the restore. */
  markLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.emit({ type: 'lost', message: 'GPU context lost; training pauses until the browser restores it.' });
  }

  private tryRestore(): void {
    if (!this.lost || this.gl.isContextLost()) return;
    this.lost = false;
    const { variables, fromRun } = this.rebuild();
    this.emit({
      type: 'restored',
      fromRun,
      variables,
      message: `GPU context lost; ${variables} variable${variables === 1 ? '' : 's'} restored from run ${fromRun}.`,
    });
  }

  private emit(e: GpuContextEvent): void {
    for (const l of this.listeners) l(e);
  }
}

function isCanvas(x: unknown): x is CanvasEvents {
  return typeof x === 'object' && x !== null && typeof (x as CanvasEvents).addEventListener === 'function';
}
