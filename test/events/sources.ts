/**
 * The facts ../shared/data/real-events/SOURCES.md records for each file, as a table for
 * data-driven tests. Each file has a row in SOURCES.md's summary table (records, graph
 * nodes, tag count, validity) and a section with details (tags with their value forms,
 * plugins, counts and step ranges; where a truncated file stops); adding a file there
 * adds it to the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_EVENTS_DIR } from '../support/real-events.ts';

export interface SourceTag {
  readonly tag: string;
  readonly count: number;
  /** The value form SOURCES.md gives first: `simple_value`, `histo`, `image`, `tensor[…]`, `none`. */
  readonly form: string;
  readonly plugin: string | null;
  readonly minStep: number;
  readonly maxStep: number;
}

export interface SourceFacts {
  readonly path: string;
  readonly kind: 'events' | 'graph text';
  readonly records: number;
  /** The largest Event.graph_def, or the text GraphDef's nodes. */
  readonly graphNodes: number | null;
  readonly tagCount: number;
  readonly invalid: 'truncated' | 'empty file' | null;
  /** Offset of the incomplete record of a truncated file. */
  readonly truncatedAt: number | null;
  readonly fileVersion: string | null;
  /** The tags the section lists (all of them, or the first 25 of a long list). */
  readonly tags: SourceTag[];
  /** Nodes of the pre_optimization_graph in a graph_run_metadata_graph summary. */
  readonly summaryGraphNodes: number[];
  /** Layers of a Keras model config summary. */
  readonly kerasLayers: number | null;
}

function section(text: string, path: string): string {
  const start = text.indexOf(`### \`${path}\``);
  if (start < 0) return '';
  const end = text.indexOf('\n### ', start + 1);
  const endH2 = text.indexOf('\n## ', start + 1);
  const stops = [end, endH2].filter((x) => x > 0);
  return text.slice(start, stops.length > 0 ? Math.min(...stops) : text.length);
}

/** `[tensor[DT_FLOAT shape=[30, 3]], plugin histograms]` → form and plugin. */
function parseBracket(inner: string): { form: string; plugin: string | null } {
  const plugin = /plugin (\w+)/.exec(inner)?.[1] ?? null;
  const form = inner.startsWith('tensor') ? 'tensor' : inner.split(',')[0]!.trim();
  return { form, plugin };
}

function parseTags(sec: string): SourceTag[] {
  const line = sec.split('\n').find((l) => l.startsWith('- tags ('));
  if (line === undefined) return [];
  const out: SourceTag[] = [];
  const re = /`([^`]+)` x(\d+) \[((?:[^[\]]|\[(?:[^[\]]|\[[^\]]*\])*\])*)\] steps (-?\d+)-(-?\d+)/g;
  for (const m of line.matchAll(re)) {
    out.push({ tag: m[1]!, count: Number(m[2]), ...parseBracket(m[3]!), minStep: Number(m[4]), maxStep: Number(m[5]) });
  }
  return out;
}

export function sourceFacts(): SourceFacts[] {
  const text = readFileSync(join(REAL_EVENTS_DIR, 'SOURCES.md'), 'utf8');
  const out: SourceFacts[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \|[^|]*\|[^|]*\|[^|]*\|([^|]*)\|/.exec(line);
    if (m === null) continue;
    const [, path, summary] = m as unknown as [string, string, string];
    const sec = section(text, path);
    const textGraph = /text GraphDef, (\d+) nodes/.exec(summary);
    const num = (re: RegExp): number | null => (re.test(summary) ? Number(re.exec(summary)![1]) : null);
    if (textGraph === null && !/\d+ rec/.test(summary)) continue;
    out.push({
      path,
      kind: textGraph !== null ? 'graph text' : 'events',
      records: num(/(\d+) rec/) ?? 0,
      graphNodes: textGraph !== null ? Number(textGraph[1]) : num(/graph (\d+) nodes/),
      tagCount: num(/(\d+) tags/) ?? 0,
      invalid: (/not valid: (truncated|empty file)/.exec(summary)?.[1] as SourceFacts['invalid']) ?? null,
      truncatedAt: /truncated: record \d+ @(\d+)/.test(sec) ? Number(/truncated: record \d+ @(\d+)/.exec(sec)![1]) : null,
      fileVersion: /file_version: '([^']*)'/.exec(sec)?.[1] ?? null,
      tags: parseTags(sec),
      summaryGraphNodes: [.../pre_optimization_graph nodes \[([\d, ]+)\]/.exec(sec)?.[1]?.split(', ').map(Number) ?? []],
      kerasLayers: /keras model config .*'layers': (\d+)/.test(sec) ? Number(/keras model config .*'layers': (\d+)/.exec(sec)![1]) : null,
    });
  }
  return out;
}
