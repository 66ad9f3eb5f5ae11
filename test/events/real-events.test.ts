/**
 * The reader over every file in ../shared/data/real-events, as data: each row of
 * SOURCES.md (records, tags with their kinds, counts and step ranges, graph nodes, where
 * a truncated file stops) is checked against what `readRun` finds, and everything is
 * cross-checked against an independent wire walk of the same bytes (./wire-walker.ts).
 */
import { describe, expect, it } from 'vitest';
import { graphFileSource, readRun, type RunData, type TagData } from '../../src/events/index.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';
import { plain } from './plain.ts';
import { type SourceFacts, sourceFacts } from './sources.ts';
import { walk } from './wire-walker.ts';

/** TensorBoard's dashboard for each plugin name (tensorboard/plugins/*), written out independently of src/. */
const DASHBOARDS: Record<string, string> = {
  scalars: 'scalar', histograms: 'histogram', images: 'image', audio: 'audio', text: 'text', hparams: 'hparams',
  pr_curves: 'pr_curve', graph_keras_model: 'graph', graph_run_metadata: 'graph', graph_run_metadata_graph: 'graph',
};

function expectedKind(form: string, plugin: string | null): string {
  const legacy: Record<string, string> = { simple_value: 'scalar', histo: 'histogram', image: 'image', audio: 'audio' };
  if (legacy[form] !== undefined) return legacy[form]!;
  return plugin === null || plugin === '' ? 'tensor' : DASHBOARDS[plugin] ?? plugin;
}

function stepsOf(t: TagData): number[] {
  return [...(t.scalars?.steps ?? []), ...t.values.map((v) => v.step)];
}

const facts = HAVE_REAL_EVENTS ? sourceFacts() : [];
const eventFiles = facts.filter((f) => f.kind === 'events');
const graphFiles = facts.filter((f) => f.kind === 'graph text');

describe.skipIf(!HAVE_REAL_EVENTS)(`real event files (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('SOURCES.md lists every file, with details', () => {
    expect(eventFiles.length).toBeGreaterThanOrEqual(28);
    expect(graphFiles.length).toBeGreaterThanOrEqual(2);
    expect(eventFiles.filter((f) => f.tagCount > 0).every((f) => f.tags.length > 0)).toBe(true);
  });

  it.each(eventFiles.map((f) => [f.path, f] as const))('%s', (_path, f: SourceFacts) => {
    const bytes = readRealEvent(f.path);
    const run: RunData = readRun('.', [[f.path, bytes]]);
    const file = run.files[0]!;
    const w = walk(bytes);

    expect(file.records).toBe(f.records);
    expect(w.records).toBe(f.records);
    expect(file.fileVersion).toBe(f.fileVersion);
    expect(file.problems).toEqual([]);
    if (f.invalid === 'truncated') {
      expect(file.pending?.offset).toBe(f.truncatedAt);
      expect(w.stoppedAt).toBe(f.truncatedAt);
      expect(file.pending!.offset + file.pending!.have).toBe(bytes.length);
    } else {
      expect(file.pending).toBeNull();
      expect(w.stoppedAt).toBeNull();
    }

    // Tags: SOURCES.md's list, then every tag the walker saw.
    expect(run.tags.size).toBe(f.tagCount);
    expect(w.tags.size).toBe(f.tagCount);
    for (const t of f.tags) {
      const tag = run.tags.get(t.tag)!;
      expect(tag, t.tag).toBeDefined();
      expect([t.tag, tag.kind, tag.count]).toEqual([t.tag, expectedKind(t.form, t.plugin), t.count]);
      const steps = stepsOf(tag);
      expect([Math.min(...steps), Math.max(...steps)]).toEqual([t.minStep, t.maxStep]);
    }
    for (const [name, wt] of w.tags) {
      const tag = run.tags.get(name)!;
      expect([name, tag.kind, tag.count, tag.plugin]).toEqual([name, expectedKind([...wt.forms][0]!, wt.plugin), wt.count, wt.plugin ?? '']);
      if (tag.kind === 'scalar') expect(tag.scalars?.length).toBe(wt.count);
    }

    // Graphs: every graph_def and meta_graph_def, and graphs inside summaries.
    const nodes = (source: string) => run.graphs.filter((g) => g.source === source).map((g) => g.nodes);
    expect(nodes('graph_def')).toEqual(w.graphDefNodes);
    expect(nodes('meta_graph_def')).toEqual(w.metaGraphNodes);
    expect(w.graphDefNodes.length === 0 ? null : Math.max(...w.graphDefNodes)).toBe(f.graphNodes);
    const summaries = run.graphs.filter((g) => g.source === 'summary');
    expect(summaries.filter((g) => g.keras === null).map((g) => g.nodes)).toEqual(f.summaryGraphNodes);
    expect(summaries.find((g) => g.keras !== null)?.nodes ?? null).toBe(f.kerasLayers);
    expect(run.runMetadata.length).toBe(w.taggedRunMetadata);
    expect(run.sessionLogs.length).toBe(w.sessionLogs);
  });

  it.each(eventFiles.map((f) => [f.path] as const))('%s: the fast path changes nothing', (path) => {
    const bytes = readRealEvent(path);
    expect(plain(readRun('.', [[path, bytes]]))).toEqual(plain(readRun('.', [[path, bytes]], { fastPath: false })));
  });

  it.each(graphFiles.map((f) => [f.path, f] as const))('%s (text GraphDef)', (_path, f: SourceFacts) => {
    const source = graphFileSource(f.path, readRealEvent(f.path));
    expect(source).toMatchObject({ source: 'file', nodes: f.graphNodes });
  });
});
