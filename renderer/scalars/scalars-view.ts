/**
 * The Scalars tab: toolbar, then one card per scalar tag of the selected runs, grouped by
 * the tag's first `/` segment. Live: a host `run-updated` event re-reads just that run's
 * changed series and redraws just those cards.
 */
import { scalarCsv, scalarFileName, scalarJson, type ScalarFormat } from '../../src/events/export.ts';
import type { RunInfo } from '../../src/host-api.ts';
import type { ViewContext, ViewHandle } from '../app/context.ts';
import { clear, h, note } from '../app/dom.ts';
import { selectionChanged } from '../app/state.ts';
import type { ChartSettings } from './chart-data.ts';
import { runColor } from './format.ts';
import { ScalarCard, type CardRun } from './scalar-card.ts';
import { ScalarStore } from './scalar-store.ts';
import { loadSettings, scalarsToolbar } from './scalars-toolbar.ts';
import { groupTags } from './tag-groups.ts';

export function mountScalarsView(container: HTMLElement, ctx: ViewContext): ViewHandle {
  const { host, state } = ctx;
  const store = new ScalarStore(host);
  let settings: ChartSettings = loadSettings();
  const cards = new Map<string, ScalarCard>();
  const collapsed = new Set<string>();
  let lastLayout = '';
  let lastSelection = '';
  const body = h('div', { class: 'scalars-body' });
  const status = h('div', { class: 'scalars-status' });
  container.append(scalarsToolbar(state.now.language, settings, (s) => { settings = s; redraw(null); }, (f) => void downloadAll(f)), status, body);

  const visibility = new IntersectionObserver((entries) => {
    for (const e of entries) cardOf(e.target)?.setVisible(e.isIntersecting);
  }, { root: body, rootMargin: '300px' });
  const sizes = new ResizeObserver((entries) => {
    for (const e of entries) cardOf(e.target.closest('.scalar-card'))?.resize();
  });
  const cardOf = (el: Element | null): ScalarCard | undefined => (el instanceof HTMLElement ? cards.get(el.dataset['tag'] ?? '') : undefined);

  const labels = () => ({
    run: state.t('scalars.tip.run'), smoothed: state.t('scalars.tip.smoothed'), value: state.t('scalars.tip.value'),
    step: state.t('scalars.tip.step'), time: state.t('scalars.tip.time'), relative: state.t('scalars.tip.relative'),
    locale: state.now.language === 'ja' ? 'ja-JP' : 'en-US',
  });
  const hooks = { download: (tag: string, f: ScalarFormat) => void download([tag], f), labels, language: () => state.now.language };

  const colorOf = (run: RunInfo): string => runColor(state.now.runs.findIndex((r) => r.id === run.id));
  const cardRuns = (tag: string): CardRun[] =>
    state.selectedRuns().flatMap((run) => {
      const series = store.series(run.id, tag);
      return series === undefined ? [] : [{ name: run.name, color: colorOf(run), series }];
    });

  /** Rebuild the groups and cards for the current tags; redraw cards in `changed` (all when null). */
  function redraw(changed: ReadonlySet<string> | null): void {
    const runs = state.selectedRuns();
    const tags = new Set(runs.flatMap((r) => store.tagsOf(r.id).map((t) => t.tag)));
    for (const [tag, card] of cards) {
      if (tags.has(tag)) continue;
      visibility.unobserve(card.el);
      sizes.unobserve(card.chartEl);
      card.destroy();
      cards.delete(tag);
    }
    clear(status);
    if (runs.length === 0) status.append(note(state.t('scalars.noRuns')));
    else if (!runs.every((r) => store.isLoaded(r.id))) status.append(note(state.t('scalars.loading')));
    else if (tags.size === 0) status.append(note(state.t('scalars.none')));
    const groups = groupTags(tags);
    for (const tag of tags) {
      let card = cards.get(tag);
      if (card === undefined) {
        card = new ScalarCard(tag, hooks);
        cards.set(tag, card);
        visibility.observe(card.el);
        sizes.observe(card.chartEl);
        card.update(cardRuns(tag), settings);
      } else if (changed === null || changed.has(tag)) {
        card.update(cardRuns(tag), settings);
      }
    }
    // Lay the groups out again only when they changed: a live run redraws its cards in place.
    const layout = JSON.stringify([groups, [...collapsed], state.now.language]);
    if (layout === lastLayout) return;
    lastLayout = layout;
    const sections = groups.map((group) => {
      const open = !collapsed.has(group.name);
      const toggle = h('button', { class: 'group-toggle', 'aria-expanded': String(open) }, group.name, h('span', { class: 'muted' }, ` ${group.tags.length}`));
      toggle.addEventListener('click', () => {
        if (open) collapsed.add(group.name);
        else collapsed.delete(group.name);
        redraw(new Set());
      });
      return h('section', { class: 'tag-group', 'data-group': group.name }, h('h2', {}, toggle),
        h('div', { class: 'card-grid', hidden: !open }, group.tags.map((tag) => cards.get(tag)!.el)));
    });
    // Appending moves existing card elements without recreating their charts.
    clear(body);
    body.append(...sections);
  }

  /** After the runs or the selection changed: load newly selected runs, redraw if what is drawn changed. */
  async function sync(): Promise<void> {
    store.retain(new Set(state.now.runs.map((r) => r.id)));
    const selected = state.selectedRuns();
    // The runs list is re-read every second while a script trains; most of those change nothing drawn.
    const key = JSON.stringify(selected.map((r) => [r.id, r.name, colorOf(r)]));
    if (key === lastSelection && selected.every((r) => store.isLoaded(r.id))) return;
    lastSelection = key;
    redraw(null);
    try {
      await store.load(state.selectedRuns().map((r) => r.id));
    } catch (e) {
      ctx.notify(state.t('error.generic', { message: (e as Error).message }), 'error');
    }
    redraw(null);
  }

  async function refresh(runId: string): Promise<void> {
    try {
      const changed = await store.refresh(runId);
      if (changed.size > 0) redraw(changed);
    } catch (e) {
      ctx.notify(state.t('error.generic', { message: (e as Error).message }), 'error');
    }
  }

  async function download(tags: readonly string[], format: ScalarFormat): Promise<void> {
    const encoder = new TextEncoder();
    // The same files `keisan export --format csv|json` writes, for just these tags and runs.
    const text = format === 'csv' ? scalarCsv : scalarJson;
    const taken = new Set<string>();
    const unique = (name: string): string => {
      // Tags `a/b` and `a_b`, or runs of the same name in two projects, would share a file name.
      let out = name;
      for (let n = 2; taken.has(out); n++) out = name.replace(/(\.\w+)$/, `-${n}$1`);
      taken.add(out);
      return out;
    };
    const files = tags.flatMap((tag) => cardRuns(tag).map((r) => ({ name: unique(scalarFileName(r.name, tag, format)), bytes: encoder.encode(text(r.series)) })));
    if (files.length === 0) return;
    try {
      const where = await host.saveFiles(files);
      if (where !== null) ctx.notify(state.t('scalars.saved', { where }));
    } catch (e) {
      ctx.notify(state.t('error.generic', { message: (e as Error).message }), 'error');
    }
  }

  const downloadAll = (format: ScalarFormat): Promise<void> => download([...cards.keys()], format);

  const offState = state.subscribe((now, before) => {
    if (selectionChanged(now, before)) void sync();
    else if (now.language !== before.language) redraw(new Set());
  });
  const offHost = host.subscribe((e) => {
    if (e.type === 'run-updated' && store.isLoaded(e.runId)) void refresh(e.runId);
  });
  void sync();

  return {
    dispose() {
      offState();
      offHost();
      visibility.disconnect();
      sizes.disconnect();
      for (const c of cards.values()) c.destroy();
      container.replaceChildren();
    },
  };
}
