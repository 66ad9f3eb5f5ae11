/**
 * The Graph tab around the graph view (renderer/graph/): which run's graph to show. The
 * graph is one run's, so a picker lists the selected runs; until the user picks one, the
 * tab follows the current project's first run (a lesson's `tmp/sgd` as soon as it
 * appears), else the first selected run.
 */
import { mountGraphView } from '../graph/index.ts';
import { bindText } from '../i18n/dom.ts';
import type { ViewContext, ViewHandle } from './context.ts';
import { clear, h } from './dom.ts';
import { chooseGraphRun } from './graph-run.ts';

export function mountGraphTab(panel: HTMLElement, ctx: ViewContext): ViewHandle {
  const { host, state } = ctx;
  const picker = h('select', { class: 'graph-run', 'data-testid': 'graph-run' });
  const area = h('div', { class: 'graph-area' });
  panel.append(h('div', { class: 'toolbar' }, h('label', { class: 'field' }, bindText(h('span'), state.now.language, 'graph.run'), picker)), area);
  const graph = mountGraphView(area, host, { language: () => state.now.language });

  let picked: string | null = null;
  let shown: string | null | undefined;
  picker.addEventListener('change', () => {
    picked = picker.value || null;
    update();
  });

  function update(): void {
    const selected = state.selectedRuns();
    const runId = chooseGraphRun(selected, picked, state.now.currentProjectId);
    clear(picker);
    // Runs of two projects may share a name (each lesson project has its tmp/sgd): say whose.
    const projects = state.now.projects;
    const label = (r: (typeof selected)[number]): string =>
      projects.length > 1 ? `${projects.find((p) => p.id === r.projectId)?.name ?? '?'}: ${r.name}` : r.name;
    picker.append(...selected.map((r) => h('option', { value: r.id, selected: r.id === runId }, label(r))));
    picker.disabled = selected.length === 0;
    if (runId !== shown) {
      shown = runId;
      void graph.showRun(runId);
    }
  }

  update();
  const off = state.subscribe((now, before) => {
    if (now.runs !== before.runs || now.unticked !== before.unticked || now.runFilter !== before.runFilter || now.currentProjectId !== before.currentProjectId || now.projects !== before.projects) update();
    if (now.language !== before.language) graph.refreshLanguage();
  });
  return {
    dispose() {
      off();
      graph.dispose();
      panel.replaceChildren();
    },
  };
}
