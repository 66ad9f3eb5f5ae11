// src/events/export.ts: the formats of `keisan export` and the app's Export Run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTfevents, pyFloatRepr, rewriteEventFile, scalarCsv, scalarJson } from '../../src/events/export.ts';
import { readEventFile } from '../../src/events/event-stream.ts';
import { readRun } from '../../src/events/index.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { encodeRecord } from '../../src/format/tfrecord.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { eventFile, records, scalarEvent } from './helpers.ts';

const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).status === 0;

const SAMPLES = [
  0, -0, 1, -1, 8, 0.1, 1 / 3, 1e-5, 1.5e-5, 0.0001, 0.00012345, 123456.789, 1e15, 1e16, 1.2345678901234567e17, 1e21, 1e22, 5e-324,
  1.7976931348623157e308, 1494075549.6357899, Math.fround(0.1), Math.fround(2.5e-7), NaN, Infinity, -Infinity, -2.5e-10, 9007199254740993,
];

describe("pyFloatRepr: Python's repr(float), as TensorBoard's CSV writes numbers", () => {
  it.skipIf(!python)('agrees with python3 on edge cases (needs python3)', () => {
    const script = `import json,sys\nfor x in json.loads(sys.stdin.read()): print(repr(float(x)))`;
    const input = JSON.stringify(SAMPLES.map((x) => (Number.isFinite(x) ? (Object.is(x, -0) ? '-0.0' : x.toPrecision(17)) : String(x).replace('Infinity', 'inf'))));
    const out = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(SAMPLES.map(pyFloatRepr)).toEqual(out.stdout.trim().split('\n'));
  });
});

describe('scalar CSV and JSON', () => {
  const series = { steps: [0, 1, 2, 3], wallTimes: [1494075549.6357899, 1494075550.25, 1494075551, 1494075552], values: [Math.fround(0.1), 1e-5, NaN, -Infinity] };

  it('round-trips every value exactly', () => {
    const text = scalarCsv(series);
    expect(text.endsWith('\r\n')).toBe(true);
    const csv = text.trim().split('\r\n');
    expect(csv[0]).toBe('Wall time,Step,Value');
    const parsed = csv.slice(1).map((l) => l.split(',').map((s) => (s === 'nan' ? NaN : s === '-inf' ? -Infinity : Number(s))));
    expect(parsed).toEqual(series.steps.map((s, i) => [series.wallTimes[i], s, series.values[i]]));
    const json = JSON.parse(scalarJson(series)) as (number | string)[][];
    expect(json.map(([w, s, v]) => [w, s, typeof v === 'string' ? Number(v) : v])).toEqual(parsed);
  });
});

describe('event files written anew', () => {
  it('keeps every valid Event, skips damage and non-Event records, and reads back strictly', () => {
    const good1 = records([scalarEvent(0, 'x', 1)]);
    const good2 = records([scalarEvent(1, 'x', 2), scalarEvent(2, 'x', 3)]);
    const notAnEvent = encodeRecord(new Uint8Array([0xff, 0xff, 0xff]));
    const damaged = Uint8Array.from([...eventFile([]), ...good1, 9, 9, 9, 9, 9, ...notAnEvent, ...good2, ...good2.subarray(0, 20)]);
    const out = rewriteEventFile(damaged);
    const { events, stop } = readEvents(out.bytes);
    expect(stop).toBe('end');
    expect(events.map((e) => [e.what.case, Number(e.step)])).toEqual([['fileVersion', 0], ['summary', 0], ['summary', 1], ['summary', 2]]);
    expect(out.records).toBe(4);
    expect(out.problems.map((p) => p.kind).sort()).toEqual(['crc', 'decode', 'truncated']);
  });

  it('puts a file_version first where the writer left it out, stamped with the first wall time', () => {
    const bytes = records([scalarEvent(4, 'x', 1, 1234.5)]);
    const { events } = readEvents(rewriteEventFile(bytes).bytes);
    expect(events.map((e) => e.what.case)).toEqual(['fileVersion', 'summary']);
    expect(events[0]!.wallTime).toBe(1234.5);
    expect(exportTfevents([['some/dir/events.out.tfevents.9.h', bytes]])[0]!.name).toBe('events.out.tfevents.9.h');
  });

  describe.skipIf(!HAVE_REAL_EVENTS)(`real files (${NO_REAL_EVENTS_REASON})`, () => {
    const read = (rel: string) => new Uint8Array(fs.readFileSync(path.join(REAL_EVENTS_DIR, rel)));

    it('a TF 1.x file cut off mid-record: the complete records, byte for byte', () => {
      const bytes = read('odd-truncated-tf1-2017/events.out.tfevents.1490697588.Morvan');
      const out = rewriteEventFile(bytes);
      expect(readEvents(out.bytes).stop).toBe('end');
      expect(readEventFile(out.bytes).records.map((r) => r.payload)).toEqual(readEventFile(bytes).records.map((r) => r.payload));
      expect(out.problems.map((p) => p.kind)).toEqual(['truncated']);
    });

    it('CatBoost (no file_version): one added, the 1000 records kept', () => {
      const bytes = read('odd-catboost-no-file-version/learn/events.out.tfevents');
      const { events, stop } = readEvents(rewriteEventFile(bytes).bytes);
      expect(stop).toBe('end');
      expect(events).toHaveLength(1001);
      expect(events[0]!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
      const run = readRun('learn', [['f', bytes]]);
      const again = readRun('learn', [['f', rewriteEventFile(bytes).bytes]]);
      const tag = [...run.tags.keys()][0]!;
      expect(Array.from(again.tags.get(tag)!.scalars!.values)).toEqual(Array.from(run.tags.get(tag)!.scalars!.values));
    });
  });
});
