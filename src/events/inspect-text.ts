/**
 * The text of `keisan inspect`: per run its files, step and wall-time ranges, tags in an
 * aligned table with first and last scalar values, graphs, and every problem. The idea
 * is `tensorboard --inspect`'s; the layout is ours (one table per run, not one block per
 * statistic), so that a run with 200 tags still reads at a glance.
 *
 *     process.stdout.write(formatInspectText(report, { path: 'logs' }));
 */
import { formatFloat32 } from '../format/float-format.ts';
import type { InspectFile, InspectGraph, InspectReport, InspectRun, InspectTag, JsonNumber } from './inspect.ts';
import { reportProblems } from './inspect.ts';

export interface InspectTextOptions {
  /** The path as the user gave it, for the heading. */
  readonly path: string;
  /** The tag the report was limited to, if any. */
  readonly tag?: string | undefined;
}

/** Rows as columns padded to their widest cell (`right`: columns of numbers). */
function table(rows: readonly (readonly string[])[], right: readonly boolean[], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((row) => indent + row.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A float32 as TF prints it (`0.304897`); a wider number in JavaScript's shortest form. */
function value(x: JsonNumber | null): string {
  if (x === null) return '';
  if (typeof x === 'string') return x === 'NaN' ? 'nan' : x === 'Infinity' ? 'inf' : '-inf';
  return Math.fround(x) === x ? formatFloat32(x) : String(x);
}

const range = (a: number | null, b: number | null): string => (a === null || b === null ? '-' : a === b ? String(a) : `${a}..${b}`);

/** UTC, to the second: `2017-05-06 12:59:09Z` (a wall time no Date can hold is printed as the number). */
function time(seconds: number): string {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(seconds);
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

function wallTimes(min: number | null, max: number | null): string {
  if (min === null || max === null) return '-';
  return min === max ? time(min) : `${time(min)} .. ${time(max)}  (${duration(max - min)})`;
}

function fileRow(f: InspectFile): string[] {
  const notes = [f.fileVersion ?? 'no file_version record', ...(f.writer === null ? [] : [`writer ${f.writer}`]), ...(f.pending === null ? [] : ['pending']), ...(f.problems.length === 0 ? [] : [plural(f.problems.length, 'problem')])];
  return [f.path, `${f.bytes} bytes`, plural(f.records, 'record'), range(f.minStep, f.maxStep), notes.join(', ')];
}

function tagRow(name: string, t: InspectTag): string[] {
  const kind = t.plugin !== '' && t.kind !== 'scalar' && t.kind !== t.plugin && !t.plugin.startsWith(t.kind) ? `${t.kind} (${t.plugin})` : t.kind;
  return [name, kind, String(t.count), range(t.firstStep, t.lastStep), value(t.first), value(t.last)];
}

function graphRow(g: InspectGraph): string[] {
  const what = g.error !== null ? 'unreadable' : g.nodes === null ? 'not a valid GraphDef' : g.keras ? plural(g.nodes, 'layer') + ' (Keras model)' : plural(g.nodes, 'node');
  const where = g.source === 'file' ? g.file : `${g.file} @ ${g.offset}, step ${g.step}`;
  const extra = [g.tag === null ? '' : `tag ${g.tag}`, g.part ?? '', g.error ?? ''].filter((x) => x !== '').join(', ');
  return [g.source, what, where, extra];
}

function runText(r: InspectRun, options: InspectTextOptions): string[] {
  const lines = [`Run ${r.run}`];
  lines.push(`  ${plural(r.files.length, 'event file')}`);
  lines.push(...table(r.files.map(fileRow), [false, true, true, false, false], '    '));
  lines.push(`  Steps      ${range(r.minStep, r.maxStep)}`);
  lines.push(`  Wall time  ${wallTimes(r.minWallTime, r.maxWallTime)}`);
  const tags = Object.entries(r.tags);
  if (tags.length === 0) {
    lines.push(options.tag === undefined ? '  No tags' : `  No tag '${options.tag}' in this run`);
  } else {
    lines.push(`  ${plural(tags.length, 'tag')}`);
    const rows = [['tag', 'kind', 'count', 'steps', 'first', 'last'], ...tags.map(([name, t]) => tagRow(name, t))];
    lines.push(...table(rows, [false, false, true, false, true, true], '    '));
  }
  if (r.graphs.length > 0) {
    lines.push(`  ${plural(r.graphs.length, 'graph')}`);
    lines.push(...table(r.graphs.map(graphRow), [false, true, false, false], '    '));
  }
  const others = [[r.sessionLogs, 'session log event'], [r.logMessages, 'log message'], [r.taggedRunMetadata, 'run metadata event']] as const;
  const also = others.filter(([n]) => n > 0).map(([n, what]) => plural(n, what));
  if (also.length > 0) lines.push(`  Also       ${also.join(', ')}`);
  for (const f of r.files) {
    if (f.pending === null) continue;
    const { offset, length, have } = f.pending;
    const size = length === null ? 'its 12-byte header is not complete' : `${have} of its ${length + 16} bytes are there`;
    lines.push(`  Pending    ${f.path}: the last record, at offset ${offset}, is incomplete (${size}); the file may still be growing`);
  }
  return lines;
}

export function formatInspectText(report: InspectReport, options: InspectTextOptions): string {
  if (report.runs.length === 0) return `No event files found under ${options.path}\n`;
  const lines: string[] = [];
  for (const r of report.runs) lines.push(...runText(r, options), '');
  const problems = reportProblems(report);
  const files = report.runs.reduce((n, r) => n + r.files.length, 0);
  const records = report.runs.reduce((n, r) => n + r.files.reduce((m, f) => m + f.records, 0), 0);
  const totals = `${plural(report.runs.length, 'run')}, ${plural(files, 'event file')}, ${plural(records, 'record')}`;
  if (problems.length === 0) {
    lines.push(`${totals}: no problems found.`);
  } else {
    lines.push(`${totals}: ${plural(problems.length, 'problem')} found.`);
    // File paths are relative to the inspected path, so they already name the run.
    const rows = problems.map(({ file, problem: p }) => [
      file,
      `@ ${p.offset}`,
      p.kind,
      p.message + (p.resumedAt === null ? '' : `; reading resumed at offset ${p.resumedAt}`),
    ]);
    lines.push(...table(rows, [false, true, false, false], '  '));
  }
  return `${lines.join('\n')}\n`;
}
