/** Run discovery as TensorBoard does it, on made-up logdirs and on the real-events folder. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverRuns } from '../../main/logdir/discover.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, REAL_EVENTS_DIR } from '../support/real-events.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'keisan-logdir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function touch(rel: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), '');
}

describe('discoverRuns', () => {
  it('makes every directory directly holding a "tfevents" file a run, named by its relative path', async () => {
    touch('events.out.tfevents.2.host');
    touch('events.out.tfevents.1.host');
    touch('train/events.out.tfevents.1.host.v2');
    touch('train/graph.pbtxt');
    touch('hparams/session_1/my.tfevents.file');
    touch('hparams/notes.txt');
    touch('empty/readme.md');
    const runs = await discoverRuns(dir);
    expect(runs.map((r) => [r.name, r.eventFiles.map((f) => path.relative(dir, f)), r.graphFiles.map((f) => path.basename(f))])).toEqual([
      ['.', ['events.out.tfevents.1.host', 'events.out.tfevents.2.host'], []],
      ['hparams/session_1', [path.join('hparams', 'session_1', 'my.tfevents.file')], []],
      ['train', [path.join('train', 'events.out.tfevents.1.host.v2')], ['graph.pbtxt']],
    ]);
  });

  it('follows links to directories once, so a link cycle ends', async () => {
    touch('a/events.out.tfevents.1.h');
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'link-to-a'));
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const runs = await discoverRuns(dir);
    expect(runs.map((r) => r.name)).toEqual(['a']);
  });

  it('finds nothing in an empty or missing directory', async () => {
    expect(await discoverRuns(dir)).toEqual([]);
    expect(await discoverRuns(path.join(dir, 'missing'))).toEqual([]);
  });

  it.skipIf(!HAVE_REAL_EVENTS)(`finds the runs of the real-events folder (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, async () => {
    // Expected: a plain walk listing directories that hold a file with "tfevents" in its name.
    const expected: string[] = [];
    const walk = (d: string): void => {
      const names = readdirSync(d);
      if (names.some((n) => n.includes('tfevents') && statSync(path.join(d, n)).isFile())) expected.push(path.relative(REAL_EVENTS_DIR, d) || '.');
      for (const n of names) if (statSync(path.join(d, n)).isDirectory()) walk(path.join(d, n));
    };
    walk(REAL_EVENTS_DIR);
    const runs = await discoverRuns(REAL_EVENTS_DIR);
    expect(runs.map((r) => r.name)).toEqual(expected.sort());
    expect(runs.find((r) => r.name === 'pytorch-study-tensorboard/my_first_experiment')!.eventFiles.map((f) => path.basename(f))).toEqual([
      'events.out.tfevents.1771594466.zyzkings.21024.0', 'events.out.tfevents.1771596596.zyzkings.7880.0',
    ]);
  });
});
