/** The Graph tab's toolbar: graph picker (when a run has several), search, breadcrumbs, collapse-all, fit, PNG and SVG downloads. */
import type { GraphInfo } from '../../src/host-api.ts';
import { h } from '../app/dom.ts';
import { graphText, type GraphLanguage, type GraphTextKey } from './graph-text.ts';

export interface ToolbarActions {
  pickGraph(index: number): void;
  collapseAll(): void;
  fit(): void;
  png(): void;
  svg(): void;
  crumb(id: number | null): void;
}

export class GraphToolbar {
  readonly el: HTMLElement;
  readonly crumbs: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly labelled: [HTMLElement, GraphTextKey, GraphTextKey | null][] = [];
  private graphs: readonly GraphInfo[] = [];

  constructor(lang: GraphLanguage, search: HTMLElement, actions: ToolbarActions) {
    this.picker = h('select', { class: 'graph-picker', 'data-testid': 'graph-picker', hidden: true });
    this.picker.addEventListener('change', () => actions.pickGraph(Number(this.picker.value)));
    const button = (testid: string, key: GraphTextKey, title: GraphTextKey | null, run: () => void): HTMLElement => {
      const b = h('button', { class: 'small', 'data-testid': testid, onclick: run });
      this.labelled.push([b, key, title]);
      return b;
    };
    this.crumbs = h('nav', { class: 'crumbs', 'data-testid': 'graph-breadcrumbs' });
    this.el = h('div', { class: 'graph-toolbar' },
      h('div', { class: 'graph-toolbar-row' },
        this.picker, search, h('span', { class: 'spacer' }),
        button('graph-collapse-all', 'collapseAll', null, actions.collapseAll),
        button('graph-fit', 'fit', null, actions.fit),
        button('graph-download-png', 'png', 'downloadPng', actions.png),
        button('graph-download-svg', 'svg', 'downloadSvg', actions.svg)),
      this.crumbs);
    this.setLanguage(lang);
  }

  setLanguage(lang: GraphLanguage): void {
    for (const [el, key, title] of this.labelled) {
      el.textContent = graphText(lang, key);
      if (title !== null) el.title = graphText(lang, title);
    }
    this.picker.title = graphText(lang, 'graphPicker');
    this.setGraphs(this.graphs, Number(this.picker.value), lang);
  }

  /** The picker shows only when there is a choice. */
  setGraphs(graphs: readonly GraphInfo[], selected: number, lang: GraphLanguage): void {
    this.graphs = graphs;
    this.picker.replaceChildren(...graphs.map((g, i) =>
      h('option', { value: i, disabled: g.nodes === 0 }, `${g.label} — ${graphText(lang, 'ops', { count: g.nodes })}`)));
    this.picker.value = String(selected);
    this.picker.hidden = graphs.length < 2;
  }
}
