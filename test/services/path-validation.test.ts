// Every path a renderer names must resolve inside a folder the user opened.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../main/services/host-error.ts';
import { eventFile, makeService, records, scalarEvent, tempDir, waitFor, writeRun } from './helpers.ts';

async function status(p: Promise<unknown>): Promise<number> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e.status;
}

/** An allowed folder holding a run, a link out of it, and a folder outside it. */
function layout(): { root: string; outside: string } {
  const root = tempDir();
  const outside = tempDir('keisan-outside-');
  writeRun(root, 'runs/a', [scalarEvent(0, 'x', 1)]);
  writeRun(outside, 'private', [scalarEvent(0, 'x', 1)]);
  fs.symlinkSync(outside, path.join(root, 'link-out'));
  return { root, outside };
}

describe('openProject(path) in board', () => {
  it('opens paths inside the served logdirs and refuses everything else', async () => {
    const { root, outside } = layout();
    const host = makeService({ host: 'board', allowedRoots: [root] });
    expect((await host.openProject(path.join(root, 'runs')))?.path).toBe(path.join(root, 'runs'));
    expect(await status(host.openProject(outside))).toBe(403);
    expect(await status(host.openProject(path.join(root, '..')))).toBe(403);
    expect(await status(host.openProject(path.join(root, 'runs', '..', '..', path.basename(outside))))).toBe(403);
    expect(await status(host.openProject(path.join(root, 'link-out')))).toBe(403);
    expect(await status(host.openProject(path.join(root, 'link-out', 'private')))).toBe(403);
    expect(await status(host.openProject('/'))).toBe(403);
    expect(await status(host.openProject('runs'))).toBe(400); // relative: ambiguous
    expect(await status(host.openProject())).toBe(501); // no file dialog in a browser
    expect((await host.listOpenProjects()).map((p) => p.path)).toEqual([path.join(root, 'runs')]);
  });
});

describe('openProject(path) on the desktop', () => {
  it('accepts recent projects and paths inside open projects, refuses others', async () => {
    const { root, outside } = layout();
    const other = tempDir();
    const host = makeService();
    expect(await status(host.openProject(root))).toBe(403); // never chosen by the user
    await host.openTrusted(other); // as from the Open dialog: now a recent project
    await host.closeProject((await host.listOpenProjects())[0]!.id);
    expect((await host.openProject(other))?.path).toBe(other);
    await host.openTrusted(root);
    expect((await host.openProject(path.join(root, 'runs', 'a')))?.path).toBe(path.join(root, 'runs', 'a'));
    expect(await status(host.openProject(path.join(root, 'link-out')))).toBe(403);
    expect(await status(host.openProject(outside))).toBe(403);
  });

  it('asks the injected dialog when no path is given', async () => {
    const dir = tempDir();
    const host = makeService({ pickProjectPath: async () => dir });
    expect((await host.openProject())?.path).toBe(dir);
    expect(await makeService({ pickProjectPath: async () => null }).openProject()).toBeNull();
  });
});

describe('appendEventBytes', () => {
  it('appends to an event file inside the project, creating folders, and the run appears', async () => {
    const root = tempDir();
    const host = makeService();
    const p = await host.openTrusted(root);
    const bytes = eventFile([scalarEvent(0, 'loss', 3)]);
    await host.appendEventBytes(p.id, 'tmp/sgd/events.out.tfevents.1.app', bytes.subarray(0, 10));
    await host.appendEventBytes(p.id, 'tmp/sgd/events.out.tfevents.1.app', bytes.subarray(10));
    expect(new Uint8Array(fs.readFileSync(path.join(root, 'tmp', 'sgd', 'events.out.tfevents.1.app')))).toEqual(bytes);
    const { value: run } = await waitFor(async () => (await host.listRuns()).find((r) => r.name === 'tmp/sgd' && r.records === 2));
    expect((await host.readScalars(run.id, 'loss')).values).toEqual([3]);
  });

  it('keeps concurrent appends to one file whole and in call order', async () => {
    const root = tempDir();
    const host = makeService();
    const p = await host.openTrusted(root);
    const chunks = Array.from({ length: 30 }, (_, i) => records([scalarEvent(i, 'loss', i)]));
    await Promise.all(chunks.map((c) => host.appendEventBytes(p.id, 'events.out.tfevents.1.many', c)));
    const written = fs.readFileSync(path.join(root, 'events.out.tfevents.1.many'));
    expect(written.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('refuses paths out of the project, through links, absolute, and names that are not event files', async () => {
    const { root, outside } = layout();
    const host = makeService();
    const p = await host.openTrusted(root);
    const b = new Uint8Array([1, 2, 3]);
    for (const bad of ['../events.out.tfevents.1.x', 'a/../../events.out.tfevents.1.x', path.join(outside, 'events.out.tfevents.1.x'), 'link-out/events.out.tfevents.1.x', 'link-out/private/events.out.tfevents.1600000000.test']) {
      expect(await status(host.appendEventBytes(p.id, bad, b)), bad).toBe(403);
    }
    expect(await status(host.appendEventBytes(p.id, 'runs/a/model.ts', b))).toBe(403);
    expect(await status(host.appendEventBytes('p999', 'events.out.tfevents.1.x', b))).toBe(404);
    // Nothing was written outside.
    expect(fs.readdirSync(outside).sort()).toEqual(['private']);
    expect(fs.readdirSync(path.join(outside, 'private'))).toEqual(['events.out.tfevents.1600000000.test']);
    // A single event file opened as a project has no folder to write into.
    const single = await host.openTrusted(path.join(root, 'runs', 'a', 'events.out.tfevents.1600000000.test'));
    expect(await status(host.appendEventBytes(single.id, 'events.out.tfevents.2.x', b))).toBe(409);
  });
});
