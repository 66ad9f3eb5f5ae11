/**
 * The tab bar and its panels. A panel's view is mounted the first time its tab opens
 * (the graph lays itself out only when someone looks at it) and kept afterwards, so
 * switching back is instant and live views stay live.
 *
 * A tab that warms up (the Graph tab by default: its view copes with a hidden mount) is
 * mounted hidden as soon as the pointer reaches its button or the button takes focus, so
 * the graph's fetch and decode start ~100–300 ms before the click lands. A tab's
 * `prewarm` runs once when the page is first idle: the Graph tab's loads the font subsets
 * its labels use, so that they do not arrive after the first draw and restyle it.
 */
import { h } from './dom.ts';
import { bindText } from '../i18n/dom.ts';
import type { StringKey } from '../i18n/index.ts';
import type { AppState, TabId } from './state.ts';

export interface TabSpec {
  readonly id: TabId;
  readonly label: StringKey;
  /** Mount hidden on pointer-enter or focus of the tab's button (default: only the Graph tab). */
  readonly warm?: boolean;
  /** Work to do once while the page is idle, before the tab is first opened (the Graph tab loads its label font). */
  prewarm?(): void;
  mount(panel: HTMLElement): void;
}

export function tabBar(state: AppState, specs: readonly TabSpec[]): { bar: HTMLElement; panels: HTMLElement } {
  const lang = state.now.language;
  const mounted = new Set<TabId>();
  const buttons = new Map<TabId, HTMLButtonElement>();
  const panels = new Map<TabId, HTMLElement>();
  for (const spec of specs) {
    const button = bindText(h('button', { class: 'tab', role: 'tab', 'data-testid': `tab-${spec.id}`, onclick: () => state.update({ tab: spec.id }) }), lang, spec.label);
    buttons.set(spec.id, button);
    panels.set(spec.id, h('section', { class: `panel panel-${spec.id}`, role: 'tabpanel', hidden: true }));
  }
  const mountOnce = (spec: TabSpec): void => {
    if (mounted.has(spec.id)) return;
    mounted.add(spec.id);
    spec.mount(panels.get(spec.id)!);
  };
  for (const spec of specs) {
    if (!(spec.warm ?? spec.id === 'graph')) continue;
    const button = buttons.get(spec.id)!;
    button.addEventListener('pointerenter', () => mountOnce(spec), { once: true });
    button.addEventListener('focus', () => mountOnce(spec), { once: true });
  }
  for (const spec of specs) if (spec.prewarm !== undefined) whenIdle(() => mounted.has(spec.id) || spec.prewarm!());
  const lessonAvailable = (): boolean => state.currentProject()?.lesson != null;

  const show = (): void => {
    let tab = state.now.tab;
    if (tab === 'lesson' && !lessonAvailable()) tab = 'scalars';
    for (const spec of specs) {
      const active = spec.id === tab;
      const button = buttons.get(spec.id)!;
      button.setAttribute('aria-selected', String(active));
      button.classList.toggle('active', active);
      if (spec.id === 'lesson') button.hidden = !lessonAvailable();
      const panel = panels.get(spec.id)!;
      panel.hidden = !active;
      if (active) mountOnce(spec);
    }
    if (tab !== state.now.tab) state.update({ tab });
  };
  state.subscribe((now, before) => {
    if (now.tab !== before.tab || now.currentProjectId !== before.currentProjectId || now.projects !== before.projects) show();
  });
  show();
  return {
    bar: h('nav', { class: 'tabs', role: 'tablist' }, [...buttons.values()]),
    panels: h('div', { class: 'panels' }, [...panels.values()]),
  };
}

/** Runs `work` when the page is idle, within 2 s at the latest (setTimeout where requestIdleCallback is missing). */
function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number }).requestIdleCallback;
  if (idle !== undefined) idle(work, { timeout: 2_000 });
  else setTimeout(work, 500);
}
