/**
 * The app's shared state: what is open, which runs are selected, the active tab and the
 * language. Views read `state.now` and subscribe to changes; only the shell and the
 * views' own controls call `update`. No DOM here, so views and tests can share it.
 *
 *     const off = state.subscribe((now, before) => { if (now.tab !== before.tab) … });
 *     state.selectedRuns(); // ticked runs that pass the filter, in list order
 */
import type { HostInfo, ProjectInfo, RunInfo } from '../../src/host-api.ts';
import { translate, type Language, type Params, type StringKey } from '../i18n/index.ts';
import { runFilter } from './run-filter.ts';

export type TabId = 'scalars' | 'graph' | 'console' | 'lesson';

export interface AppSnapshot {
  readonly info: HostInfo;
  readonly language: Language;
  readonly projects: readonly ProjectInfo[];
  /** The project whose lesson (if any) the Lesson tab shows. */
  readonly currentProjectId: string | null;
  readonly runs: readonly RunInfo[];
  /** Runs the user unticked; every other run is selected, so new runs show up selected (as in TensorBoard). */
  readonly unticked: ReadonlySet<string>;
  readonly runFilter: string;
  readonly tab: TabId;
}

export type StateListener = (now: AppSnapshot, before: AppSnapshot) => void;

export class AppState {
  private current: AppSnapshot;
  private readonly listeners = new Set<StateListener>();

  constructor(initial: AppSnapshot) {
    this.current = initial;
  }

  get now(): AppSnapshot {
    return this.current;
  }

  update(patch: Partial<AppSnapshot>): void {
    const before = this.current;
    const now = { ...before, ...patch };
    if (Object.keys(patch).every((k) => before[k as keyof AppSnapshot] === now[k as keyof AppSnapshot])) return;
    this.current = now;
    for (const listener of [...this.listeners]) listener(now, before);
  }

  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** UI text in the current language. */
  t(key: StringKey, params?: Params): string {
    return translate(this.current.language, key, params);
  }

  /** Runs that pass the filter, in list order. */
  visibleRuns(): RunInfo[] {
    const filter = runFilter(this.current.runFilter);
    return this.current.runs.filter((r) => filter.matches(r.name));
  }

  /** The runs views draw: ticked and passing the filter, in list order. */
  selectedRuns(): RunInfo[] {
    return this.visibleRuns().filter((r) => !this.current.unticked.has(r.id));
  }

  currentProject(): ProjectInfo | null {
    return this.current.projects.find((p) => p.id === this.current.currentProjectId) ?? null;
  }
}

/** Whether the selection views draw changed between two snapshots. */
export function selectionChanged(now: AppSnapshot, before: AppSnapshot): boolean {
  return now.runs !== before.runs || now.unticked !== before.unticked || now.runFilter !== before.runFilter;
}
