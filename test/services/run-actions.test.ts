import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../main/services/host-error.ts';
import { commandTrash, findOnPath, moveToTrash } from '../../main/services/trash.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { decodeWire } from '../../src/host-api-wire.ts';
import { makeService, scalarEvent, tempDir, writeRun } from './helpers.ts';

async function setup(options: Parameters<typeof makeService>[0] = {}) {
  const root = tempDir();
  writeRun(root, '.', [scalarEvent(0, 'x', 1)]);
  writeRun(root, 'a', [scalarEvent(0, 'loss', 1), scalarEvent(1, 'loss', 0.5)]);
  writeRun(root, 'b', [scalarEvent(0, 'x', 1)]);
  writeRun(root, 'b/inner', [scalarEvent(0, 'x', 1)]);
  const host = makeService(options);
  const project = await host.openTrusted(root);
  const byName = async (name: string) => (await host.listRuns()).find((r) => r.name === name);
  return { root, host, project, byName };
}

async function status(p: Promise<unknown>): Promise<number> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e.status;
}

describe('renameRun', () => {
  it('moves the run folder and keeps the run id', async () => {
    const { root, host, byName } = await setup();
    const a = (await byName('a'))!;
    await host.renameRun(a.id, 'archive/lr-0.1');
    expect(fs.existsSync(path.join(root, 'a'))).toBe(false);
    expect(fs.readdirSync(path.join(root, 'archive', 'lr-0.1'))).toEqual(['events.out.tfevents.1600000000.test']);
    expect((await byName('archive/lr-0.1'))?.id).toBe(a.id);
    expect(await byName('a')).toBeUndefined();
    expect((await host.readScalars(a.id, 'loss')).values).toEqual([1, 0.5]);
  });

  it('refuses names that exist, leave the project, or move the project folder itself', async () => {
    const { host, byName } = await setup();
    const a = (await byName('a'))!;
    expect(await status(host.renameRun(a.id, 'b'))).toBe(409);
    expect(await status(host.renameRun(a.id, '../a'))).toBe(403);
    expect(await status(host.renameRun(a.id, '/tmp/a'))).toBe(403);
    expect(await status(host.renameRun(a.id, 'a/sub'))).toBe(409);
    expect(await status(host.renameRun((await byName('.'))!.id, 'root'))).toBe(409);
  });
});

describe('deleteRun', () => {
  it('moves the run folder to the trash it is given', async () => {
    const trash = tempDir('keisan-trash-');
    const trashed: string[] = [];
    const { root, host, byName } = await setup({
      trash: async (p) => {
        trashed.push(p);
        fs.renameSync(p, path.join(trash, path.basename(p)));
      },
    });
    await host.deleteRun((await byName('a'))!.id);
    expect(trashed).toEqual([path.join(root, 'a')]);
    expect(fs.readdirSync(trash)).toEqual(['a']);
    expect((await host.listRuns()).map((r) => r.name)).toEqual(['.', 'b', 'b/inner']);
  });

  it('refuses a folder holding other runs, and the project folder itself', async () => {
    const { host, byName } = await setup({ trash: async () => { throw new Error('must not be called'); } });
    expect(await status(host.deleteRun((await byName('b'))!.id))).toBe(409);
    expect(await status(host.deleteRun((await byName('.'))!.id))).toBe(409);
  });

  it('refuses, deleting nothing, where the system has no trash', async () => {
    const dir = tempDir();
    const e = await moveToTrash(dir, null, { PATH: '' }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).message).toMatch(/no trash .* nothing was deleted/);
    expect(fs.existsSync(dir)).toBe(true);
  });

  const gio = findOnPath('gio');
  it.skipIf(process.platform !== 'linux' || gio === null)('uses `gio trash` on Linux, into the freedesktop.org trash (needs gio on PATH)', async () => {
    const dataHome = tempDir('keisan-xdg-');
    const env = { ...process.env, XDG_DATA_HOME: dataHome };
    const run = path.join(tempDir(), 'old-run');
    fs.mkdirSync(run);
    fs.writeFileSync(path.join(run, 'events.out.tfevents.1.x'), 'x');
    expect(commandTrash(env)?.name).toBe('gio trash');
    await moveToTrash(run, null, env);
    expect(fs.existsSync(run)).toBe(false);
    expect(fs.readdirSync(path.join(dataHome, 'Trash', 'files'))).toEqual(['old-run']);
  });
});

describe('exportRun', () => {
  it('exports scalars as CSV and JSON, one file per tag, as `keisan export` and TensorBoard write them', async () => {
    const { host, byName } = await setup();
    const a = (await byName('a'))!;
    const csv = await host.exportRun(a.id, 'csv');
    expect(csv.map((f) => f.name)).toEqual(['run-a-tag-loss.csv']);
    expect(new TextDecoder().decode(csv[0]!.bytes)).toBe('Wall time,Step,Value\r\n1600000000.0,0,1.0\r\n1600000001.0,1,0.5\r\n');
    const json = await host.exportRun(a.id, 'json');
    expect(decodeWire(new TextDecoder().decode(json[0]!.bytes))).toEqual([[1600000000, 0, 1], [1600000001, 1, 0.5]]);
  });

  it('exports event files that read back strictly', async () => {
    const { host, byName } = await setup();
    const [file] = await host.exportRun((await byName('a'))!.id, 'tfevents');
    expect(file!.name).toBe('events.out.tfevents.1600000000.test');
    const { events, stop } = readEvents(file!.bytes);
    expect(stop).toBe('end');
    expect(events.map((e) => e.what.case)).toEqual(['fileVersion', 'summary', 'summary']);
  });
});

describe('saveFiles', () => {
  it('writes into the folder the user picks, never over existing files', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.csv'), 'old');
    const host = makeService({ chooseSaveDir: async () => dir });
    expect(await host.saveFiles([{ name: 'a.csv', bytes: new Uint8Array([110]) }, { name: 'b.json', bytes: new Uint8Array([91, 93]) }])).toBe(dir);
    expect(fs.readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe('old');
    expect(fs.readFileSync(path.join(dir, 'a (2).csv'), 'utf8')).toBe('n');
    expect(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('[]');
    expect(await status(host.saveFiles([{ name: '../evil', bytes: new Uint8Array() }]))).toBe(400);
  });

  it('returns null when the dialog is cancelled, and is refused where there is no dialog (board)', async () => {
    expect(await makeService({ chooseSaveDir: async () => null }).saveFiles([])).toBeNull();
    expect(await status(makeService({ host: 'board' }).saveFiles([]))).toBe(501);
  });
});
