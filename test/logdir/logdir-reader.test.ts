/** A logdir followed across polls: new runs, new files, appended bytes. */
import { create, toBinary } from '@bufbuild/protobuf';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogdirReader, readGraphFile } from '../../main/logdir/logdir-reader.ts';
import { graphDefOf } from '../../src/events/index.ts';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { eventFile, fileVersion, simple, summary } from '../events/events.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'keisan-logdir-reader-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, bytes: Uint8Array, append = false): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  (append ? appendFileSync : writeFileSync)(path.join(dir, rel), bytes);
}

const points = (from: number, n: number, tag = 'loss') => eventFile(Array.from({ length: n }, (_, i) => summary(from + i, from + i, simple(tag, from + i))));

describe('LogdirReader', () => {
  it('finds new runs and files and reads only what grew, poll after poll', async () => {
    write('events.out.tfevents.1.h', eventFile([fileVersion()]));
    write('train/events.out.tfevents.1.h', eventFile([fileVersion()]));
    const logdir = new LogdirReader(dir);
    expect(await logdir.poll()).toEqual({ newRuns: ['.', 'train'], changedRuns: ['.', 'train'] });
    expect(await logdir.poll()).toEqual({ newRuns: [], changedRuns: [] });

    write('train/events.out.tfevents.1.h', points(0, 3), true);
    write('eval/events.out.tfevents.1.h', points(0, 2, 'acc'));
    expect(await logdir.poll()).toEqual({ newRuns: ['eval'], changedRuns: ['eval', 'train'] });
    expect(logdir.run('train')!.tags.get('loss')!.count).toBe(3);

    // A second file in a run (a restarted writer), and more points in the first.
    write('train/events.out.tfevents.2.h', eventFile([fileVersion()]));
    write('train/events.out.tfevents.2.h', points(3, 2), true);
    write('train/events.out.tfevents.1.h', points(10, 1), true);
    expect(await logdir.poll()).toEqual({ newRuns: [], changedRuns: ['train'] });
    const train = logdir.run('train')!;
    expect(train.files.map((f) => [f.path, f.records])).toEqual([[path.join('train', 'events.out.tfevents.1.h'), 5], [path.join('train', 'events.out.tfevents.2.h'), 3]]);
    expect(Array.from(train.tags.get('loss')!.scalars!.steps)).toEqual([0, 1, 2, 10, 3, 4]);
    expect(logdir.runs().map((r) => r.name)).toEqual(['.', 'eval', 'train']);
  });

  it('shares one poll between overlapping calls', async () => {
    write('events.out.tfevents.1.h', points(0, 5));
    const logdir = new LogdirReader(dir);
    const [a, b] = await Promise.all([logdir.poll(), logdir.poll()]);
    expect(a).toBe(b);
    expect(logdir.run('.')!.tags.get('loss')!.count).toBe(5);
  });

  it('reads a single event file given instead of a directory as run "."', async () => {
    write('x/events.out.tfevents.1.h', points(0, 4));
    const logdir = new LogdirReader(path.join(dir, 'x', 'events.out.tfevents.1.h'));
    await logdir.poll();
    expect(logdir.runs().map((r) => [r.name, r.files.map((f) => f.path), r.tags.get('loss')!.count])).toEqual([['.', ['events.out.tfevents.1.h'], 4]]);
  });

  it('reads binary GraphDef files', async () => {
    const g = create(GraphDefSchema, { node: [{ name: 'a', op: 'Const' }, { name: 'b', op: 'Identity', input: ['a'] }] });
    write('graph.pb', toBinary(GraphDefSchema, g));
    const source = await readGraphFile(path.join(dir, 'graph.pb'));
    expect(source).toMatchObject({ source: 'file', nodes: 2 });
    expect(graphDefOf(source)!.node[1]!.input).toEqual(['a']);
  });
});
