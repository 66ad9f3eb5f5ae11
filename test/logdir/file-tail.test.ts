/**
 * Following growing files: records appended in arbitrary pieces are seen exactly once,
 * a partial record only once it is complete, and nothing is read twice.
 */
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTail } from '../../main/logdir/file-tail.ts';
import { readRun, RunAccumulator } from '../../src/events/index.ts';
import { eventFile, fileVersion, simple, summary } from '../events/events.ts';
import { plain } from '../events/plain.ts';
import { scan } from '../events/scan.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'keisan-tail-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Split `bytes` at the given points (taken modulo its length). */
function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
  return [0, ...points].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length)).filter((c) => c.length > 0);
}

describe('FileTail', () => {
  it('sees appended records exactly once, and a partial record only once it is complete', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.float({ noNaN: true }), { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 12 }), async (values, cuts) => {
      const bytes = eventFile([fileVersion(), ...values.map((x, i) => summary(i, 100 + i, simple('loss', x)))]);
      const ends = scan([bytes]).records.map((r) => r.offset + 16 + r.data.length);
      const file = path.join(dir, 'events.out.tfevents.1.test');
      writeFileSync(file, '');
      const acc = new RunAccumulator('.');
      const tail = new FileTail(file, acc.file('f'));
      let written = 0;
      for (const chunk of pieces(bytes, cuts)) {
        appendFileSync(file, chunk);
        written += chunk.length;
        expect(await tail.readNew()).toBe(chunk.length);
        expect(await tail.readNew()).toBe(0);
        const complete = ends.filter((e) => e <= written).length;
        const f = acc.run.files[0]!;
        expect(f.records).toBe(complete);
        expect(acc.run.tags.get('loss')?.count ?? 0).toBe(Math.max(0, complete - 1));
        expect(f.pending === null).toBe(ends.includes(written));
        expect(f.problems).toEqual([]);
      }
      const loss = acc.run.tags.get('loss')!;
      expect([Array.from(loss.scalars!.steps), Array.from(loss.scalars!.values)]).toEqual([values.map((_, i) => i), values.map(Math.fround)]);
    }), { numRuns: 60 });
  });

  it('reports a file that shrank, once, and stops following it', async () => {
    const file = path.join(dir, 'events.out.tfevents.1.test');
    writeFileSync(file, eventFile([fileVersion(), summary(1, 1, simple('a', 1))]));
    const acc = new RunAccumulator('.');
    const tail = new FileTail(file, acc.file('f'));
    await tail.readNew();
    truncateSync(file, 10);
    expect(await tail.readNew()).toBe(0);
    appendFileSync(file, eventFile([summary(2, 2, simple('a', 2))]));
    expect(await tail.readNew()).toBe(0);
    expect(acc.run.files[0]!.problems).toMatchObject([{ kind: 'truncated', offset: 10 }]);
    expect(acc.run.tags.get('a')!.count).toBe(1);
  });

  it('keeps what it read when the file disappears', async () => {
    const file = path.join(dir, 'events.out.tfevents.1.test');
    writeFileSync(file, eventFile([fileVersion()]));
    const acc = new RunAccumulator('.');
    const tail = new FileTail(file, acc.file('f'));
    await tail.readNew();
    rmSync(file);
    expect(await tail.readNew()).toBe(0);
    expect(acc.run.files[0]!.records).toBe(1);
  });

  it.skipIf(!HAVE_REAL_EVENTS)(`reads a real file written in pieces as it reads it whole (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, async () => {
    const name = 'keras-tf22-profile-graph-2020/train/events.out.tfevents.1589604633.LEMON.12688.127.v2';
    const bytes = readRealEvent(name);
    const file = path.join(dir, 'events.out.tfevents.real');
    writeFileSync(file, '');
    const acc = new RunAccumulator('.');
    const tail = new FileTail(file, acc.file(name));
    for (let at = 0; at < bytes.length; at += 7919) {
      appendFileSync(file, bytes.subarray(at, at + 7919));
      await tail.readNew();
    }
    expect(plain(acc.run)).toEqual(plain(readRun('.', [[name, bytes]])));
  });
});
