/**
 * `keisan export`, spawned as a user runs it: event files written anew read back cleanly
 * with every readable record kept (checked with `keisan inspect` and the strict reader),
 * CSV and JSON hold exactly the scalars the strict reader finds, in TensorBoard's download
 * format, and nothing is overwritten without --force.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEventFile } from '../../src/events/event-stream.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { DataType, type Event } from '../../src/format/protos.ts';
import { readRecords } from '../../src/format/tfrecord.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { keisanAsync } from './keisan-async.ts';
import { tempDir } from './run-cli.ts';

const MORVAN = 'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan';
const CATBOOST = 'odd-catboost-no-file-version/learn/events.out.tfevents';
const CUT_FOOTER = 'odd-tensorboardx-2020/events.out.tfevents.1600154935.yca-2662-2';
const YOLO = 'odd-yolov8-many-values-per-step';
const KERAS_VALIDATION = 'keras-tf2-imdb-2023/validation';
const present = HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON;

/** Every scalar point of every simple_value or float-tensor tag, as the strict reader decodes them. */
function strictSeries(events: readonly Event[]): Map<string, [number, number, number][]> {
  const out = new Map<string, [number, number, number][]>();
  for (const e of events) {
    if (e.what.case !== 'summary') continue;
    for (const v of e.what.value.value) {
      let x: number | null = null;
      if (v.value.case === 'simpleValue') x = v.value.value;
      else if (v.value.case === 'tensor' && v.value.value.dtype === DataType.DT_FLOAT && v.value.value.tensorContent.length === 4) {
        const c = v.value.value.tensorContent;
        x = new DataView(c.buffer, c.byteOffset, 4).getFloat32(0, true);
      }
      if (x === null) continue;
      if (!out.has(v.tag)) out.set(v.tag, []);
      out.get(v.tag)!.push([e.wallTime, Number(e.step), x]);
    }
  }
  return out;
}

/** A copy of `rel` in a fresh directory, with one payload byte of the record holding the middle of the file flipped. */
function damagedCopy(rel: string): { dir: string; file: string; bytes: Uint8Array } {
  const bytes = readRealEvent(rel).slice();
  const p = readRecords(bytes).records.find((r) => r.byteOffset + r.length > bytes.length / 2)!;
  bytes[p.byteOffset + (p.length >> 1)]! ^= 0x40;
  const dir = tempDir();
  const file = join(dir, basename(rel));
  writeFileSync(file, bytes);
  return { dir, file, bytes };
}

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan export --format tfevents (${present})`, () => {
  it('rewrites a damaged file so it reads cleanly, keeping every readable record byte for byte', async () => {
    const src = damagedCopy(MORVAN);
    const out = join(tempDir(), 'out');
    const r = await keisanAsync(['export', src.dir, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(out, basename(MORVAN))}`);
    expect(r.stderr).toMatch(/left out at offset \d+ \(crc\)/);
    expect(readdirSync(out)).toEqual([basename(MORVAN)]);

    const readable = readEventFile(src.bytes).records.map((x) => x.payload);
    const written = readRecords(new Uint8Array(readFileSync(join(out, basename(MORVAN)))));
    expect(written.stop).toBe('end');
    expect(written.records).toEqual(readable); // the source has its file_version: nothing added

    const inspect = await keisanAsync(['inspect', out, '--json']);
    expect(inspect.status).toBe(0);
    const file = JSON.parse(inspect.stdout).runs[0].files[0];
    expect([file.records, file.problems, file.pending]).toEqual([readable.length, [], null]);
  });

  it('puts a file_version record first when the source has none', async () => {
    const out = tempDir();
    const r = await keisanAsync(['export', join(REAL_EVENTS_DIR, CATBOOST), '--out', out]);
    expect(r.status).toBe(0);
    const { events, stop } = readEvents(new Uint8Array(readFileSync(join(out, basename(CATBOOST)))));
    expect(stop).toBe('end');
    expect(events[0]!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    expect(readRecords(new Uint8Array(readFileSync(join(out, basename(CATBOOST))))).records.slice(1)).toEqual(readRecords(readRealEvent(CATBOOST)).records);
  });

  it('leaves out a last record that lost its checksum, and says so', async () => {
    const out = tempDir();
    const r = await keisanAsync(['export', join(REAL_EVENTS_DIR, CUT_FOOTER), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/left out at offset 40 \(truncated\)/);
    const { events, stop } = readEvents(new Uint8Array(readFileSync(join(out, basename(CUT_FOOTER)))));
    expect([stop, events.length]).toEqual(['end', 1]);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan export --format csv|json (${present})`, () => {
  it('writes one CSV per scalar tag exactly as TensorBoard downloads it, tag names made file-safe', async () => {
    const out = tempDir();
    const r = await keisanAsync(['export', join(REAL_EVENTS_DIR, YOLO), '--out', out, '--format', 'csv']);
    expect(r.status).toBe(0);
    const file = readdirSync(join(REAL_EVENTS_DIR, YOLO)).find((f) => f.includes('tfevents'))!;
    const series = strictSeries(readEvents(readRealEvent(join(YOLO, file))).events);
    const expectedNames = [...series.keys()].map((t) => `run-${YOLO}-tag-${t.replace(/\//g, '_')}.csv`).sort();
    expect(readdirSync(out).sort()).toEqual(expectedNames);
    for (const [tag, points] of series) {
      const text = readFileSync(join(out, `run-${YOLO}-tag-${tag.replace(/\//g, '_')}.csv`), 'utf8');
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('Wall time,Step,Value'); // scalars_plugin.py: csv.writer, '\r\n' after every row
      expect(lines.at(-1)).toBe('');
      expect(lines.slice(1, -1).map((l) => l.split(',').map(Number))).toEqual(points);
    }
  });

  it('writes JSON [[wall_time, step, value], …] per tag', async () => {
    const out = tempDir();
    const r = await keisanAsync(['export', join(REAL_EVENTS_DIR, KERAS_VALIDATION), '--out', out, '--format', 'json']);
    expect(r.status).toBe(0);
    const file = readdirSync(join(REAL_EVENTS_DIR, KERAS_VALIDATION)).find((f) => f.includes('tfevents'))!;
    const series = strictSeries(readEvents(readRealEvent(join(KERAS_VALIDATION, file))).events);
    expect(series.size).toBe(4);
    for (const [tag, points] of series) {
      expect(JSON.parse(readFileSync(join(out, `run-validation-tag-${tag}.json`), 'utf8'))).toEqual(points);
    }
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`keisan export refuses to overwrite (${present})`, () => {
  it('exits 2 naming the file and writes nothing, unless --force', async () => {
    const dir = tempDir();
    copyFileSync(join(REAL_EVENTS_DIR, MORVAN), join(dir, basename(MORVAN)));
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    const target = join(out, 'run-' + basename(dir) + '-tag-loss_loss.csv');
    writeFileSync(target, 'mine');
    const refused = await keisanAsync(['export', dir, '--out', out, '--format', 'csv']);
    expect(refused.status).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(`keisan: export: '${target}' already exists; nothing was written (--force overwrites).`);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(readdirSync(out)).toEqual([basename(target)]);

    const forced = await keisanAsync(['export', dir, '--out', out, '--format', 'csv', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^Wall time,Step,Value\r\n/);
  });
});

describe('keisan export usage errors', () => {
  const nested = HAVE_REAL_EVENTS ? join(REAL_EVENTS_DIR, 'keras-tf2-imdb-2023') : '.';
  it.each([
    [['run'], 'export: where to? (--out DIR)'],
    [[], 'export: which run?'],
    [['run', '--out', 'o', '--format', 'xml'], "export: --format must be tfevents, csv or json, not 'xml'."],
    [['no/such/run', '--out', 'o'], "export: no such run directory or event file 'no/such/run'."],
    [['--out', 'o', '--bogus', 'run'], "export: Unknown option '--bogus'"],
    ...(HAVE_REAL_EVENTS ? [[[nested, '--out', 'o'], `export: '${nested}' holds no event file; it holds the runs train, validation: export one of them.`] as [string[], string]] : []),
  ])('%j → exit 2 with a one-line reason', async (args, reason) => {
    const cwd = tempDir();
    const r = await keisanAsync(['export', ...args], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(`keisan: ${reason}`);
    expect(existsSync(join(cwd, 'o'))).toBe(false);
  });
});
