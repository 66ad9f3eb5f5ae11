/**
 * The runs on the left: a regex filter, a tick box per run (all runs start ticked, as in
 * TensorBoard), its colour in the charts, problems found reading it, and its actions.
 * Runs of several open projects are listed under each project's name.
 */
import type { RunInfo } from '../../src/host-api.ts';
import { bindText } from '../i18n/dom.ts';
import { runColor } from '../scalars/format.ts';
import type { ViewContext } from './context.ts';
import { clear, h, note } from './dom.ts';
import { openRunMenu, renameInline } from './run-menu.ts';
import { runFilter } from './run-filter.ts';

export function runsList(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const lang = state.now.language;
  const filter = h('input', { type: 'search', class: 'run-filter', 'data-testid': 'run-filter', value: state.now.runFilter, spellcheck: 'false' });
  bindText(filter, lang, 'runs.filter', undefined, 'placeholder');
  filter.addEventListener('input', () => state.update({ runFilter: filter.value }));
  const all = h('input', { type: 'checkbox', 'data-testid': 'runs-all' });
  all.addEventListener('change', () => {
    const unticked = new Set(state.now.unticked);
    for (const r of state.visibleRuns()) {
      if (all.checked) unticked.delete(r.id);
      else unticked.add(r.id);
    }
    state.update({ unticked });
  });
  const list = h('ul', { class: 'runs', 'data-testid': 'runs' });

  const item = (run: RunInfo): HTMLElement => {
    const box = h('input', { type: 'checkbox', checked: !state.now.unticked.has(run.id), 'aria-label': run.name });
    box.addEventListener('change', () => {
      const unticked = new Set(state.now.unticked);
      if (box.checked) unticked.delete(run.id);
      else unticked.add(run.id);
      state.update({ unticked });
    });
    // Long nested run names wrap after a '/' rather than mid-word.
    const parts = run.name.split(/(?<=\/)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
    const label = h('span', { class: 'run-name', title: state.t('runs.records', { records: run.records, files: run.files }) }, parts);
    const menuButton = h('button', { class: 'icon', 'aria-label': state.t('runs.menu'), title: state.t('runs.menu'), 'data-testid': 'run-menu' }, '⋯');
    menuButton.addEventListener('click', () => openRunMenu(menuButton, run, ctx, () => renameInline(label, run, ctx)));
    const problems = run.problems.length === 0 ? null
      : h('span', { class: 'badge badge-warn', title: run.problems.map((p) => `${p.file} @${p.offset}: ${p.message}`).join('\n') }, state.t('runs.problems', { count: run.problems.length }));
    const color = runColor(state.now.runs.findIndex((r) => r.id === run.id));
    return h('li', { class: 'run-item', 'data-testid': 'run-item', 'data-run': run.name, 'data-run-id': run.id },
      h('label', {}, box, h('span', { class: 'swatch', style: `background:${color}` }), label), problems, menuButton);
  };

  const render = (): void => {
    // Re-reads while training would wipe a rename being typed; the rename's own change re-renders.
    if (list.querySelector('.rename') !== null) return;
    const f = runFilter(state.now.runFilter);
    filter.classList.toggle('invalid', !f.valid);
    filter.title = f.valid ? '' : state.t('runs.filterInvalid');
    const visible = state.visibleRuns();
    all.checked = visible.length > 0 && visible.every((r) => !state.now.unticked.has(r.id));
    all.indeterminate = !all.checked && visible.some((r) => !state.now.unticked.has(r.id));
    clear(list);
    if (state.now.runs.length === 0) list.append(h('li', {}, note(state.t('runs.none'))));
    else if (visible.length === 0) list.append(h('li', {}, note(state.t('runs.noMatch'))));
    const projects = state.now.projects;
    for (const p of projects) {
      const runs = visible.filter((r) => r.projectId === p.id);
      if (runs.length === 0) continue;
      if (projects.length > 1) list.append(h('li', { class: 'run-project', title: p.path }, p.name));
      list.append(...runs.map(item));
    }
    // Runs of a project no longer listed (closing races): still show them.
    list.append(...visible.filter((r) => !projects.some((p) => p.id === r.projectId)).map(item));
  };
  render();
  state.subscribe((now, before) => {
    if (now.runs !== before.runs || now.unticked !== before.unticked || now.runFilter !== before.runFilter || now.projects !== before.projects || now.language !== before.language) render();
  });
  return h('aside', { class: 'sidebar' },
    h('div', { class: 'sidebar-head' }, h('label', { class: 'all' }, all, bindText(h('span'), lang, 'runs.title')), filter),
    list);
}
