/**
 * `keisan inspect`, spawned as a user runs it, over every file and directory in
 * ../shared/data/real-events (facts from its SOURCES.md, via test/events/sources.ts), and
 * over a damaged copy of one. Scalar first/last values are checked against the strict
 * reader (src/format/event-file.ts: protobuf-es over the plain TFRecord walk), not against
 * the accumulator that inspect itself uses.
 *
 * Expected exit status per file, from SOURCES.md: every valid file 0. The two files it
 * calls truncated are both cut inside their *last* record (that record reaches the end of
 * the file), which is what a file still being written looks like: "pending", exit 0. The
 * empty file holds no record and no damage: exit 0. Damage in the middle (the flipped
 * byte below) is the only exit 3.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataType, type Event, type TensorProto } from '../../src/format/protos.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { readRecords } from '../../src/format/tfrecord.ts';
import { type SourceFacts, sourceFacts } from '../events/sources.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { keisanAll, keisanAsync } from './keisan-async.ts';
import { type CliResult, tempDir } from './run-cli.ts';

const EXIT: Record<'valid' | 'truncated' | 'empty file', number> = { valid: 0, truncated: 0, 'empty file': 0 };

/** TensorBoard's dashboard for a value form and plugin, written out independently of src/. */
function expectedKind(form: string, plugin: string | null): string {
  const legacy: Record<string, string> = { simple_value: 'scalar', histo: 'histogram', image: 'image', audio: 'audio' };
  const plugins: Record<string, string> = {
    scalars: 'scalar', histograms: 'histogram', images: 'image', text: 'text', hparams: 'hparams', pr_curves: 'pr_curve',
    graph_keras_model: 'graph', graph_run_metadata: 'graph', graph_run_metadata_graph: 'graph',
  };
  return legacy[form] ?? (plugin === null || plugin === '' ? 'tensor' : plugins[plugin] ?? plugin);
}

/** A one-element DT_FLOAT tensor: in float_val (TF 1.x) or as 4 little-endian bytes of tensor_content (TF 2.x). */
function floatTensor(t: TensorProto): number {
  expect(t.dtype).toBe(DataType.DT_FLOAT);
  const c = t.tensorContent;
  if (c.length === 0) return t.floatVal[0]!;
  expect(c.length).toBe(4);
  return new DataView(c.buffer, c.byteOffset, 4).getFloat32(0, true);
}

/** First and last scalar of `tag` as the strict reader decodes them (simple_value or a one-float tensor). */
function strictScalars(events: readonly Event[], tag: string): number[] {
  const out: number[] = [];
  for (const e of events) {
    if (e.what.case !== 'summary') continue;
    for (const v of e.what.value.value) {
      if (v.tag !== tag) continue;
      if (v.value.case === 'simpleValue') out.push(v.value.value);
      else if (v.value.case === 'tensor') out.push(floatTensor(v.value.value));
    }
  }
  return out;
}

interface JsonFile { path: string; records: number; problems: { offset: number; kind: string; message: string }[]; pending: { offset: number; have: number } | null; fileVersion: string | null }
interface JsonTag { kind: string; count: number; firstStep: number; lastStep: number; first: number | null; last: number | null }
interface JsonRun { run: string; files: JsonFile[]; tags: Record<string, JsonTag>; graphs: { source: string; nodes: number | null; file: string; keras: boolean }[] }
const parse = (r: CliResult): { runs: JsonRun[] } => JSON.parse(r.stdout);

const facts = HAVE_REAL_EVENTS ? sourceFacts() : [];
const eventFacts = facts.filter((f) => f.kind === 'events');
const graphFacts = facts.filter((f) => f.kind === 'graph text');

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan inspect over real files (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  let single: CliResult[] = [];
  let rootJson: CliResult;
  let rootText: CliResult;
  beforeAll(async () => {
    const all = await keisanAll([
      ...eventFacts.map((f) => ['inspect', join(REAL_EVENTS_DIR, f.path), '--json']),
      ['inspect', REAL_EVENTS_DIR, '--json'],
      ['inspect', REAL_EVENTS_DIR],
    ]);
    single = all.slice(0, eventFacts.length);
    [rootJson, rootText] = all.slice(eventFacts.length) as [CliResult, CliResult];
  }, 300_000);

  it.each(eventFacts.map((f, i) => [f.path, f, i] as const))('%s', (_path, f: SourceFacts, i) => {
    const r = single[i]!;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT[f.invalid ?? 'valid']);
    const { runs } = parse(r);
    expect(runs.map((x) => x.run)).toEqual(['.']);
    const run = runs[0]!;
    const file = run.files[0]!;
    expect([file.path, file.records, file.problems, file.fileVersion]).toEqual([basename(f.path), f.records, [], f.fileVersion]);
    if (f.invalid === 'truncated') {
      expect(file.pending!.offset).toBe(f.truncatedAt);
      expect(file.pending!.offset + file.pending!.have).toBe(readRealEvent(f.path).length);
    } else {
      expect(file.pending).toBeNull();
    }

    expect(Object.keys(run.tags)).toHaveLength(f.tagCount);
    const { events } = readEvents(readRealEvent(f.path));
    for (const t of f.tags) {
      const tag = run.tags[t.tag]!;
      expect([t.tag, tag.kind, tag.count, tag.firstStep, tag.lastStep]).toEqual([t.tag, expectedKind(t.form, t.plugin), t.count, t.minStep, t.maxStep]);
      if (tag.kind === 'scalar') {
        const xs = strictScalars(events, t.tag);
        expect([tag.first, tag.last]).toEqual([xs[0], xs.at(-1)]);
      } else {
        expect([tag.first, tag.last]).toEqual([null, null]);
      }
    }

    const nodes = (source: string, keras: boolean) => run.graphs.filter((g) => g.source === source && g.keras === keras).map((g) => g.nodes!);
    const graphDefs = nodes('graph_def', false);
    expect(graphDefs.length === 0 ? null : Math.max(...graphDefs)).toBe(f.graphNodes);
    expect(nodes('summary', false)).toEqual(f.summaryGraphNodes);
    expect(nodes('summary', true)[0] ?? null).toBe(f.kerasLayers);
  });

  it('reads the whole folder: one run per directory with event files, paths relative to it, GraphDef files as graphs', () => {
    expect(rootJson.status).toBe(0);
    const { runs } = parse(rootJson);
    const runOf = (p: string) => dirname(p);
    expect(runs.map((r) => r.run)).toEqual([...new Set(eventFacts.map((f) => runOf(f.path)))].sort());
    const files = new Map(runs.flatMap((r) => r.files.map((f) => [f.path, [r.run, f.records]] as const)));
    expect(files.size).toBe(eventFacts.length);
    for (const f of eventFacts) expect([f.path, files.get(f.path)]).toEqual([f.path, [runOf(f.path), f.records]]);
    for (const g of graphFacts) {
      const run = runs.find((r) => r.run === runOf(g.path))!;
      expect(run.graphs.filter((x) => x.source === 'file')).toEqual([expect.objectContaining({ file: g.path, nodes: g.graphNodes })]);
    }
  });

  it('prints a text report of everything, pending records named, with exit 0', () => {
    expect(rootText.status).toBe(0);
    for (const run of new Set(eventFacts.map((f) => dirname(f.path)))) expect(`\n${rootText.stdout}`).toContain(`\nRun ${run}\n`);
    for (const f of eventFacts.filter((x) => x.invalid === 'truncated')) {
      expect(rootText.stdout).toContain(`Pending    ${f.path}: the last record, at offset ${f.truncatedAt}, is incomplete`);
    }
    expect(rootText.stdout).toMatch(/\d+ runs, \d+ event files, \d+ records: no problems found\.\n$/);
  });
});

const MORVAN = 'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan';

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan inspect over a damaged copy (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('exits 3 after printing everything readable, naming the damaged record by its offset', async () => {
    const bytes = readRealEvent(MORVAN);
    const payloads = readRecords(bytes).records;
    // The record holding the file's middle byte: flip a byte of its payload.
    const hit = payloads.findIndex((p) => p.byteOffset + p.length > bytes.length / 2);
    const recordAt = payloads[hit]!.byteOffset - 12;
    const damaged = bytes.slice();
    damaged[payloads[hit]!.byteOffset + (payloads[hit]!.length >> 1)]! ^= 0x40;
    const dir = tempDir();
    const file = join(dir, basename(MORVAN));
    writeFileSync(file, damaged);

    const [json, text] = await Promise.all([keisanAsync(['inspect', file, '--json']), keisanAsync(['inspect', dir])]);
    expect(json.status).toBe(3);
    const f = parse(json).runs[0]!.files[0]!;
    expect(f.records).toBe(payloads.length - 1);
    expect(f.problems).toEqual([expect.objectContaining({ offset: recordAt, kind: 'crc' })]);
    expect(parse(json).runs[0]!.tags['loss/loss']).toBeDefined();

    expect(text.status).toBe(3);
    expect(text.stdout).toContain('loss/loss');
    expect(text.stdout).toMatch(new RegExp(`1 problem found\\.\\n\\s+${basename(MORVAN).replace(/\./g, '\\.')}\\s+@ ${recordAt}\\s+crc`));
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan inspect --tag (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('limits the report to one tag', async () => {
    const dir = tempDir();
    copyFileSync(join(REAL_EVENTS_DIR, MORVAN), join(dir, basename(MORVAN)));
    const r = await keisanAsync(['inspect', dir, '--tag', 'loss/loss', '--json']);
    expect(r.status).toBe(0);
    const run = parse(r).runs[0]!;
    expect(Object.keys(run.tags)).toEqual(['loss/loss']);
    const xs = strictScalars(readEvents(readRealEvent(MORVAN)).events, 'loss/loss');
    expect(run.tags['loss/loss']).toMatchObject({ kind: 'scalar', count: xs.length, first: xs[0], last: xs.at(-1) });
  });
});

describe('keisan inspect usage errors', () => {
  it.each([
    [[], 'inspect: which event file or log directory?'],
    [['--bogus', '.'], "inspect: Unknown option '--bogus'"],
    [['no/such/dir'], "inspect: no such file or directory 'no/such/dir'."],
    [['a', 'b'], 'inspect: one path at a time'],
  ])('%j → exit 2 with a one-line reason', async (args, reason) => {
    const r = await keisanAsync(['inspect', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(`keisan: ${reason}`);
  });
});
