/**
 * The chart tooltip: for each run, the point nearest the cursor's x — run, smoothed
 * value, value, step, time and relative time, as TensorBoard's tooltip lists them.
 */
import { clear, h } from '../app/dom.ts';
import { nearestIndex, type RunLine } from './chart-data.ts';
import { formatValue, formatWallTime } from './format.ts';
import { formatDuration } from './x-axis.ts';

export interface TooltipLabels {
  readonly run: string;
  readonly smoothed: string;
  readonly value: string;
  readonly step: string;
  readonly time: string;
  readonly relative: string;
  readonly locale: string;
}

export class Tooltip {
  readonly el = h('div', { class: 'chart-tooltip', role: 'tooltip', hidden: true });

  /** Show the rows for x value `x`, placed near (`left`, `top`) inside the tooltip's positioned parent. */
  show(lines: readonly RunLine[], x: number, left: number, top: number, labels: TooltipLabels, smoothing: boolean): void {
    const rows = lines.flatMap((l) => {
      const i = nearestIndex(l.x, x);
      if (i < 0) return [];
      return [h('tr', {},
        h('td', {}, h('span', { class: 'swatch', style: `background:${l.color}` }), l.run),
        smoothing ? h('td', { class: 'num' }, formatValue(l.smoothed[i]!)) : null,
        h('td', { class: 'num' }, formatValue(l.raw[i]!)),
        h('td', { class: 'num' }, String(l.steps[i]!)),
        h('td', {}, formatWallTime(l.wallTimes[i]!, labels.locale)),
        h('td', { class: 'num' }, formatDuration(l.relative[i]!)),
      )];
    });
    if (rows.length === 0) return this.hide();
    clear(this.el);
    const head = [labels.run, ...(smoothing ? [labels.smoothed] : []), labels.value, labels.step, labels.time, labels.relative];
    this.el.append(h('table', {}, h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))), h('tbody', {}, rows)));
    this.el.hidden = false;
    // Keep it inside the card: flip to the cursor's left when near the right edge.
    const parentWidth = this.el.parentElement?.clientWidth ?? Infinity;
    const width = this.el.offsetWidth;
    this.el.style.left = `${left + 16 + width > parentWidth ? Math.max(0, left - 16 - width) : left + 16}px`;
    this.el.style.top = `${top + 12}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
