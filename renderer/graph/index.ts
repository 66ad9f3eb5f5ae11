/**
 * The Graph tab, for the app shell:
 *
 *     const graph = mountGraphView(panel, host, { language: () => state.now.language });
 *     await graph.showRun(runId); // null: no run chosen
 *
 * See graph-view.ts for the gestures and automation hooks.
 */
import './graph.css';
import type { HostApi } from '../../src/host-api.ts';
import { GraphView } from './graph-view.ts';
import { warmLabelFont } from './label-font.ts';

export interface GraphViewHandle {
  /** Show the graph of a run (its first GraphDef; a picker offers the others), or nothing. */
  showRun(runId: string | null): Promise<void>;
  /** Relabel after the UI language changed (the view also re-reads it on each showRun). */
  refreshLanguage(): void;
  dispose(): void;
}

export function mountGraphView(container: HTMLElement, host: HostApi, options: { language: () => 'ja' | 'en' }): GraphViewHandle {
  const view = new GraphView(container, host, options);
  return {
    showRun: (runId) => view.showRun(runId),
    refreshLanguage: () => view.refreshLanguage(),
    dispose: () => view.dispose(),
  };
}

/** Once per page, while it is idle: loads the labels' font subsets (label-font.ts), so the first draw does not. */
export function prewarmGraphView(language: 'ja' | 'en'): void {
  void warmLabelFont(language);
}
