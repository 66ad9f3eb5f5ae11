/**
 * The Graph tab's toolbar: graph picker (when a run has several), search, breadcrumbs,
 * "Colour by" (`graph-colour-by`, with a device legend `graph-legend`), collapse-all, fit,
 * PNG and SVG downloads.
 */
import type { GraphInfo } from '../../src/host-api.ts';
import { h } from '../app/dom.ts';
import { graphText, type GraphLanguage, type GraphTextKey } from './graph-text.ts';
import { COLOUR_MODES, type ColourMode } from './node-tint.ts';

const MODE_TEXT: Record<ColourMode, GraphTextKey> = { structure: 'colourStructure', device: 'colourDevice', none: 'colourNone' };

export interface ToolbarActions {
  pickGraph(index: number): void;
  collapseAll(): void;
  fit(): void;
  png(): void;
  svg(): void;
  crumb(id: number | null): void;
  colourBy(mode: ColourMode): void;
}

export class GraphToolbar {
  readonly el: HTMLElement;
  readonly crumbs: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly colour: HTMLSelectElement;
  private readonly colourLabel: HTMLElement;
  /** Device → colour, shown while colouring by device. */
  readonly legend: HTMLElement;
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
    this.colour = h('select', { class: 'graph-colour-by', 'data-testid': 'graph-colour-by' },
      COLOUR_MODES.map((m) => h('option', { value: m }, m)));
    this.colour.value = 'none';
    this.colour.addEventListener('change', () => actions.colourBy(this.colour.value as ColourMode));
    this.colourLabel = h('span', { class: 'muted' });
    this.legend = h('span', { class: 'graph-legend', 'data-testid': 'graph-legend', hidden: true });
    this.crumbs = h('nav', { class: 'crumbs', 'data-testid': 'graph-breadcrumbs' });
    this.el = h('div', { class: 'graph-toolbar' },
      h('div', { class: 'graph-toolbar-row' },
        this.picker, search, h('span', { class: 'spacer' }),
        h('label', { class: 'graph-colour' }, this.colourLabel, ' ', this.colour), this.legend,
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
    this.colourLabel.textContent = graphText(lang, 'colourBy');
    for (const o of this.colour.options) o.textContent = graphText(lang, MODE_TEXT[o.value as ColourMode]);
    this.setGraphs(this.graphs, Number(this.picker.value), lang);
  }

  /** The device legend: one swatch per device (hidden when empty). */
  setLegend(entries: readonly (readonly [string, string])[]): void {
    this.legend.replaceChildren(...entries.map(([label, colour]) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.backgroundColor = colour; // CSSOM, not a style attribute: the page's CSP allows no inline styles
      return h('span', { class: 'legend-entry', 'data-device': label }, swatch, label);
    }));
    this.legend.hidden = entries.length === 0;
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
