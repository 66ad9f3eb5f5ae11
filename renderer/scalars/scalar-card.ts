/**
 * One tag's card: title, point count, downloads, and its chart — created only once the
 * card scrolls into view (a log with hundreds of tags stays quick), yet `data-points`
 * always tells how many points the selected runs have for the tag.
 */
import type { ScalarSeries } from '../../src/host-api.ts';
import { h } from '../app/dom.ts';
import { bindText } from '../i18n/dom.ts';
import type { Language } from '../i18n/index.ts';
import { pointCount, runLine, type ChartSettings } from './chart-data.ts';
import { ScalarChart } from './scalar-chart.ts';
import type { ScalarFormat } from '../../src/events/export.ts';
import type { TooltipLabels } from './tooltip.ts';

export interface CardRun {
  readonly name: string;
  readonly color: string;
  readonly series: ScalarSeries;
}

export interface CardHooks {
  download(tag: string, format: ScalarFormat): void;
  labels(): TooltipLabels;
  language(): Language;
}

export class ScalarCard {
  readonly el: HTMLElement;
  readonly chartEl: HTMLElement;
  private readonly countEl: HTMLElement;
  private chart: ScalarChart | null = null;
  private runs: readonly CardRun[] = [];
  private settings: ChartSettings | null = null;
  private visible = false;
  private drawn = true;

  constructor(readonly tag: string, private readonly hooks: CardHooks) {
    const lang = hooks.language();
    this.countEl = h('span', { class: 'card-count' });
    this.chartEl = h('div', { class: 'card-chart' });
    const button = (format: ScalarFormat, testid: string) =>
      bindText(bindText(h('button', { class: 'small', 'data-testid': testid, onclick: () => hooks.download(tag, format) }), lang, format === 'csv' ? 'scalars.downloadCsv' : 'scalars.downloadJson'), lang, 'scalars.downloadTitle', undefined, 'title');
    this.el = h('section', { class: 'scalar-card', 'data-testid': 'scalar-card', 'data-tag': tag },
      h('header', { class: 'card-head' }, h('h3', { title: tag }, tag), this.countEl, h('span', { class: 'spacer' }), button('csv', 'download-csv'), button('json', 'download-json')),
      this.chartEl,
    );
  }

  update(runs: readonly CardRun[], settings: ChartSettings): void {
    this.runs = runs;
    this.settings = settings;
    const points = pointCount(runs.map((r) => r.series));
    this.el.dataset['points'] = String(points);
    bindText(this.countEl, this.hooks.language(), 'scalars.points', { count: points });
    this.drawn = false;
    if (this.visible) this.draw();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && !this.drawn) this.draw();
  }

  resize(): void {
    this.chart?.resize(this.chartEl.clientWidth);
  }

  destroy(): void {
    this.chart?.destroy();
    this.el.remove();
  }

  private draw(): void {
    if (this.settings === null) return;
    const s = this.settings;
    this.chart ??= new ScalarChart(this.chartEl, () => this.hooks.labels());
    this.chart.draw(this.runs.map((r) => runLine(r.name, r.color, r.series, s)), s);
    this.drawn = true;
  }
}
