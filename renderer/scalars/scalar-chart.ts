/**
 * One tag's chart: uPlot with, per run, a faint raw line under its smoothed line (just the
 * raw line when smoothing is 0), every point drawn. The plot is rebuilt when the series or
 * axes change and given new data otherwise, so a live run's curve extends in place.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartTable, type ChartSettings, type RunLine } from './chart-data.ts';
import { Tooltip, type TooltipLabels } from './tooltip.ts';
import { formatValue } from './format.ts';
import { formatDuration } from './x-axis.ts';

const HEIGHT = 220;

/** Room for the y labels actually shown (uPlot's fixed default clips `0.00015`). */
const yAxisSize = (_u: uPlot, values: string[] | null): number =>
  Math.max(40, 16 + 7 * Math.max(0, ...(values ?? []).map((v) => String(v ?? '').length)));

export class ScalarChart {
  private plot: uPlot | null = null;
  private shape = '';
  private lines: readonly RunLine[] = [];
  private settings: ChartSettings | null = null;
  private readonly tooltip = new Tooltip();

  constructor(private readonly el: HTMLElement, private labels: () => TooltipLabels) {
    el.append(this.tooltip.el);
  }

  draw(lines: readonly RunLine[], settings: ChartSettings): void {
    this.lines = lines;
    this.settings = settings;
    const data = chartTable(lines, settings.logY) as uPlot.AlignedData;
    const shape = JSON.stringify([settings.xMode, settings.logY, settings.smoothing > 0, lines.map((l) => [l.run, l.color])]);
    if (this.plot !== null && shape === this.shape) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.shape = shape;
    this.plot = new uPlot(this.options(lines, settings), data, this.el);
  }

  resize(width: number): void {
    if (this.plot !== null && width > 0 && Math.abs(this.plot.width - width) > 1) this.plot.setSize({ width, height: HEIGHT });
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
    this.shape = '';
  }

  private options(lines: readonly RunLine[], s: ChartSettings): uPlot.Options {
    const smoothing = s.smoothing > 0;
    const series: uPlot.Series[] = [{}];
    for (const l of lines) {
      series.push({ label: l.run, stroke: smoothing ? `${l.color}40` : l.color, width: smoothing ? 1 : 1.5, spanGaps: true, points: { show: !smoothing && l.x.length <= 60 }, value: (_u, v) => (v === null ? '' : formatValue(v)) });
      series.push({ label: l.run, stroke: l.color, width: 1.5, spanGaps: true, show: smoothing, points: { show: l.x.length <= 60 }, value: (_u, v) => (v === null ? '' : formatValue(v)) });
    }
    const xAxis: uPlot.Axis = s.xMode === 'relative' ? { values: (_u, splits) => splits.map((v) => (v == null ? '' : formatDuration(v))) } : {};
    return {
      width: Math.max(200, this.el.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      scales: { x: { time: s.xMode === 'wall' }, y: s.logY ? { distr: 3 } : {} },
      // Log axes pass null for the splits they leave unlabelled.
      axes: [{ ...xAxis, stroke: '#666', grid: { stroke: '#eee' } }, { stroke: '#666', grid: { stroke: '#eee' }, size: yAxisSize, values: (_u, splits) => splits.map((v) => (v == null ? '' : formatValue(v))) }],
      series,
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      hooks: {
        setCursor: [(u) => this.onCursor(u)],
      },
    };
  }

  private onCursor(u: uPlot): void {
    const left = u.cursor.left ?? -1;
    const top = u.cursor.top ?? -1;
    if (left < 0 || this.settings === null) return this.tooltip.hide();
    const x = u.posToVal(left, 'x');
    // u.over is the plotting area; the tooltip is positioned in the chart element.
    const overBox = u.over.getBoundingClientRect();
    const elBox = this.el.getBoundingClientRect();
    this.tooltip.show(this.lines, x, left + overBox.left - elBox.left, top + overBox.top - elBox.top, this.labels(), this.settings.smoothing > 0);
  }
}
