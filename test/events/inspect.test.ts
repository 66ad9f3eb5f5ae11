/**
 * The inspect report over hand-built event files: what each file, tag and graph shows,
 * damage with its offset, a pending last record that is not damage, --tag, the JSON
 * shape of issue 3, and the text layout. Expected values come from the events written.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { graphFileSource, readRun } from '../../src/events/index.ts';
import { formatInspectJson, inspectReport, inspectRun, isCorrupt } from '../../src/events/inspect.ts';
import { formatInspectText } from '../../src/events/inspect-text.ts';
import { readRecords } from '../../src/format/tfrecord.ts';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { type EventInit, eventFile, fileVersion, simple, summary, tensorScalar } from './events.ts';

const graphBytes = (n: number) => toBinary(GraphDefSchema, create(GraphDefSchema, { node: Array.from({ length: n }, (_, i) => ({ name: `n${i}`, op: 'NoOp' })) }));
const histo = (tag: string) => ({ tag, value: { case: 'histo' as const, value: { min: 0, max: 1, num: 2, bucketLimit: [1], bucket: [2] } } });

const EVENTS: EventInit[] = [
  fileVersion(100),
  { wallTime: 100, what: { case: 'graphDef', value: graphBytes(5) } },
  summary(0, 101, simple('loss', 2.5), tensorScalar('acc', 0.125, true), histo('w')),
  summary(10, 102, simple('loss', 1.25), tensorScalar('acc', 0.5, false), histo('w')),
  summary(20, 104, simple('loss', Math.fround(0.1)), tensorScalar('acc', 0.75, false)),
];
const BYTES = eventFile(EVENTS);

/** File offsets of each record's header (the strict reader's payloads, 12 bytes after them). */
const recordOffsets = (bytes: Uint8Array): number[] => readRecords(bytes).records.map((r) => r.byteOffset - bytes.byteOffset - 12);

describe('inspectRun', () => {
  it('reports files, tags with first and last scalars, graphs and ranges', () => {
    const r = inspectRun(readRun('.', [['events.out.tfevents.1.a', BYTES]]));
    expect(r.files).toEqual([{
      path: 'events.out.tfevents.1.a', records: 5, problems: [], bytes: BYTES.length, fileVersion: 'brain.Event:2', writer: null, pending: null,
      minStep: 0, maxStep: 20, minWallTime: 100, maxWallTime: 104,
    }]);
    expect(r.tags).toEqual({
      loss: { kind: 'scalar', plugin: '', count: 3, firstStep: 0, lastStep: 20, firstWallTime: 101, lastWallTime: 104, first: 2.5, last: Math.fround(0.1) },
      acc: { kind: 'scalar', plugin: 'scalars', count: 3, firstStep: 0, lastStep: 20, firstWallTime: 101, lastWallTime: 104, first: 0.125, last: 0.75 },
      w: { kind: 'histogram', plugin: '', count: 2, firstStep: 0, lastStep: 10, firstWallTime: 101, lastWallTime: 102, first: null, last: null },
    });
    expect(r.graphs).toEqual([{
      source: 'graph_def', nodes: 5, file: 'events.out.tfevents.1.a', offset: recordOffsets(BYTES)[1], step: 0, tag: null, part: null, keras: false, error: null,
    }]);
    expect([r.minStep, r.maxStep, r.minWallTime, r.maxWallTime]).toEqual([0, 20, 100, 104]);
  });

  it('reports a damaged record at its offset, keeps the records after it, and marks the report corrupt', () => {
    const offsets = recordOffsets(BYTES);
    const damaged = BYTES.slice();
    damaged[offsets[2]! + 20]! ^= 0xff; // inside the payload of the first summary
    const report = inspectReport([inspectRun(readRun('.', [['f', damaged]]))]);
    const file = report.runs[0]!.files[0]!;
    expect(file.records).toBe(4);
    expect(file.problems).toEqual([{ offset: offsets[2], kind: 'crc', message: expect.stringContaining(`offset ${offsets[2]}`), resumedAt: offsets[3] }]);
    expect(report.runs[0]!.tags['loss']!.count).toBe(2);
    expect(isCorrupt(report)).toBe(true);
    expect(formatInspectText(report, { path: 'f' })).toMatch(new RegExp(`f\\s+@ ${offsets[2]}\\s+crc\\s+data checksum mismatch.*reading resumed at offset ${offsets[3]}`));
  });

  it('calls an incomplete last record pending, not damage', () => {
    const cut = BYTES.subarray(0, BYTES.length - 7);
    const report = inspectReport([inspectRun(readRun('.', [['f', cut]]))]);
    const file = report.runs[0]!.files[0]!;
    const last = recordOffsets(BYTES)[4]!;
    expect(file.pending).toEqual({ offset: last, length: BYTES.length - last - 16, have: BYTES.length - 7 - last });
    expect(file.problems).toEqual([]);
    expect(isCorrupt(report)).toBe(false);
    const text = formatInspectText(report, { path: 'f' });
    expect(text).toContain(`Pending    f: the last record, at offset ${last}, is incomplete`);
    expect(text).toContain('no problems found');
  });

  it('calls a record cut short in the middle of a file damage (truncated), not pending', () => {
    const offsets = recordOffsets(BYTES);
    // Record 3 keeps its header and 2 bytes; then a short complete record (the file_version
    // one), ending before record 3's declared end: the writer was cut off, and went on.
    const short = BYTES.subarray(0, offsets[1]);
    const cut = new Uint8Array([...BYTES.subarray(0, offsets[3]! + 14), ...short]);
    const report = inspectReport([inspectRun(readRun('.', [['f', cut]]))]);
    const file = report.runs[0]!.files[0]!;
    expect(file.problems).toEqual([expect.objectContaining({ offset: offsets[3], kind: 'truncated', resumedAt: offsets[3]! + 14 })]);
    expect([file.records, file.pending]).toEqual([4, null]);
    expect(isCorrupt(report)).toBe(true);
  });

  it('limits tags and graphs to --tag, keeping files and their problems', () => {
    const r = inspectRun(readRun('.', [['f', BYTES]]), { tag: 'acc' });
    expect(Object.keys(r.tags)).toEqual(['acc']);
    expect(r.graphs).toEqual([]);
    expect(r.files).toHaveLength(1);
    const none = inspectRun(readRun('.', [['f', BYTES]]), { tag: 'nope' });
    expect(formatInspectText(inspectReport([none]), { path: 'f', tag: 'nope' })).toContain("No tag 'nope' in this run");
  });

  it('lists GraphDef files, and one that does not parse as a problem', () => {
    const good = graphFileSource('g.pbtxt', new TextEncoder().encode('node { name: "a" op: "NoOp" }\nnode { name: "b" op: "NoOp" }\n'));
    const r = inspectRun(readRun('.', []), { graphFiles: [{ file: 'g.pbtxt', graph: good }, { file: 'bad.pbtxt', error: 'not a readable GraphDef: line 1' }] });
    expect(r.graphs.map((g) => [g.source, g.file, g.nodes, g.error])).toEqual([['file', 'g.pbtxt', 2, null], ['file', 'bad.pbtxt', null, 'not a readable GraphDef: line 1']]);
    expect(isCorrupt(inspectReport([r]))).toBe(true);
  });
});

describe('formatInspectJson', () => {
  it("prints issue 3's shape, with NaN and infinities as TensorBoard's JSON writes them", () => {
    const bytes = eventFile([fileVersion(), summary(0, 1, simple('x', NaN)), summary(1, 2, simple('x', -Infinity))]);
    const json = JSON.parse(formatInspectJson(inspectReport([inspectRun(readRun('.', [['f', bytes]]))])));
    expect(Object.keys(json)).toEqual(['runs']);
    const run = json.runs[0];
    expect(run).toMatchObject({ run: '.', files: [{ path: 'f', records: 3, problems: [] }], graphs: [] });
    expect(run.tags.x).toMatchObject({ kind: 'scalar', count: 2, firstStep: 0, lastStep: 1, first: 'NaN', last: '-Infinity' });
  });

  it('keeps a tag named __proto__ as a tag', () => {
    const bytes = eventFile([summary(0, 1, simple('__proto__', 1))]);
    const json = JSON.parse(formatInspectJson(inspectReport([inspectRun(readRun('.', [['f', bytes]]))])));
    expect(Object.hasOwn(json.runs[0].tags, '__proto__')).toBe(true);
  });
});

describe('formatInspectText', () => {
  it('aligns the tag table: every column starts where its header does', () => {
    const text = formatInspectText(inspectReport([inspectRun(readRun('.', [['f', BYTES]]))]), { path: 'f' });
    const lines = text.split('\n');
    const header = lines.findIndex((l) => /^\s+tag\s+kind\s+count/.test(l));
    const rows = lines.slice(header + 1, header + 4);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['loss', 'acc', 'w']);
    const kindAt = lines[header]!.indexOf('kind');
    const countEnd = lines[header]!.indexOf('count') + 'count'.length;
    for (const row of rows) {
      expect(row.slice(kindAt, kindAt + 3)).toMatch(/^(sca|his)/);
      expect(row[countEnd - 1]).toMatch(/\d/);
      expect(row[countEnd]).toBe(' ');
    }
    expect(rows[0]).toMatch(/loss\s+scalar\s+3\s+0\.\.20\s+2\.5\s+0\.1$/);
    expect(text).toContain('1 run, 1 event file, 5 records: no problems found.');
  });

  it('says when nothing was found', () => {
    expect(formatInspectText(inspectReport([]), { path: 'logs' })).toBe('No event files found under logs\n');
  });
});
