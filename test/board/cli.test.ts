// `keisan board` as users type it: the real bin/keisan.mjs in a child process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEISAN_BIN } from '../cli/run-cli.ts';
import { onCleanup, scalarEvent, tempDir, writeRun } from '../services/helpers.ts';
import { call, rendererDir, request } from './board-fixture.ts';

const START_BIN = new URL('../../bin/start.mjs', import.meta.url).pathname;
const env = () => ({ ...process.env, KEISAN_CONFIG_DIR: tempDir('keisan-config-'), KEISAN_RENDERER_DIR: rendererDir() });

/** The first line the child prints on stdout. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      out += c;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n') + 1));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing`)));
  });
}

describe('keisan board', () => {
  it('prints exactly "Keisan board at <url>", serves the logdir there, and stops cleanly on Ctrl-C', async () => {
    const logs = tempDir();
    writeRun(logs, 'train', [scalarEvent(0, 'loss', 1)]);
    const child = spawn(process.execPath, [KEISAN_BIN, 'board', '--logdir', logs, '--port', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanup(() => void child.kill('SIGKILL'));
    const line = await firstLine(child);
    expect(line).toMatch(/^Keisan board at http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const base = line.trim().slice('Keisan board at '.length).replace(/\/$/, '');
    expect((await request(`${base}/`)).body).toContain('<title>Keisan</title>');
    expect(((await call(base, 'listRuns')) as { name: string }[]).map((r) => r.name)).toEqual(['train']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a port in use with one clear line and exit status 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    onCleanup(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = spawnSync(process.execPath, [KEISAN_BIN, 'board', '--logdir', tempDir(), '--port', String(port)], { env: env(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`keisan board: port ${port} is already in use on 127.0.0.1; stop what uses it or choose another port with --port\n`);
  });

  it('reports usage mistakes with exit status 2', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [KEISAN_BIN, 'board', ...args], { env: env(), encoding: 'utf8', timeout: 60_000 });
    const none = run();
    expect([none.status, none.stderr.split('\n')[0]]).toEqual([2, 'keisan: board: which log directory? (keisan board --logdir DIR)']);
    expect(run('--logdir', '/no/such/dir').stderr).toMatch(/no such log directory or event file '\/no\/such\/dir'/);
    expect(run('--logdir', tempDir(), '--port', 'http').stderr).toMatch(/--port must be a number/);
    expect(run('--logdir', tempDir(), '--colour').status).toBe(2);
  });
});

describe('npm start without the Electron binary', () => {
  it('says so in one line and starts board on the most recent project', async () => {
    const config = tempDir('keisan-config-');
    const project = tempDir();
    writeRun(project, 'run1', [scalarEvent(0, 'loss', 1)]);
    writeFileSync(join(config, 'recent-projects.json'), JSON.stringify({ version: 1, projects: [{ path: project, kind: 'folder', lesson: null, openedAt: 1 }] }));
    const child = spawn(process.execPath, [START_BIN, '--port', '0'], {
      // An empty Electron dist folder: the binary is missing here whatever this machine has installed.
      env: { ...env(), KEISAN_CONFIG_DIR: config, ELECTRON_OVERRIDE_DIST_PATH: tempDir('keisan-no-electron-') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onCleanup(() => void child.kill('SIGKILL'));
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await firstLine(child);
    expect(line).toMatch(/^Keisan board at http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(stderr.split('\n').filter((l) => l !== '')).toEqual([
      "Electron's binary is not installed here (an offline install), so Keisan opens in your browser instead — `npx install-electron` fetches the desktop app.",
    ]);
    const base = line.trim().slice('Keisan board at '.length).replace(/\/$/, '');
    expect(((await call(base, 'listOpenProjects')) as { path: string }[]).map((p) => p.path)).toEqual([project]);
    child.kill('SIGINT');
  });
});
