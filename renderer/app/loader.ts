/**
 * Keeps the state's projects and runs in step with the host: reads them at start and
 * again when the host says they changed. `run-updated` events arrive many times a second
 * while a script trains, so the runs list (record counts) is re-read at most once a second
 * for them; views re-read their own data for those events.
 */
import type { HostApi } from '../../src/host-api.ts';
import type { AppSnapshot, AppState } from './state.ts';

const RUN_UPDATE_DELAY_MS = 1000;

export class HostLoader {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private off: (() => void) | null = null;

  constructor(private readonly host: HostApi, private readonly state: AppState, private readonly onError: (e: Error) => void) {}

  start(): void {
    this.off = this.host.subscribe((e) => {
      if (e.type === 'projects-changed') void this.reload(true);
      else if (e.type === 'runs-changed') void this.reload(false);
      else this.soon();
    });
  }

  stop(): void {
    this.off?.();
    if (this.timer !== null) clearTimeout(this.timer);
  }

  /** Re-read runs (and projects too when asked). */
  async reload(projects: boolean): Promise<void> {
    try {
      const [open, runs] = await Promise.all([projects ? this.host.listOpenProjects() : Promise.resolve(null), this.host.listRuns()]);
      const patch: { -readonly [K in keyof AppSnapshot]?: AppSnapshot[K] } = { runs };
      if (open !== null) {
        patch.projects = open;
        const current = this.state.now.currentProjectId;
        if (current === null || !open.some((p) => p.id === current)) patch.currentProjectId = open[0]?.id ?? null;
      }
      this.state.update(patch);
    } catch (e) {
      this.onError(e as Error);
    }
  }

  private soon(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload(false);
    }, RUN_UPDATE_DELAY_MS);
  }
}
