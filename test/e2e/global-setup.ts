/**
 * Before the e2e suite: the app's page built once (fixtures/build-renderer.ts), temp
 * copies of a real TF1 experiment, and two boards started as a user starts them — one
 * serving the experiment, one serving an empty folder where the lesson test makes its
 * lesson project from the UI (so neither test sees the other's runs). Where Electron's
 * binary exists, the desktop app is built too (`electron-vite build`).
 *
 * Tests learn what was started from KEISAN_E2E_* variables (Playwright hands
 * process.env set here to its workers). Returns the teardown: stop the boards, delete
 * the temp folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BoardProcess, REPO_ROOT, startBoardProcess } from './fixtures/board-process.ts';
import { buildRenderer } from './fixtures/build-renderer.ts';
import { electronBinary } from './fixtures/electron-binary.ts';
import { EXPERIMENT, REAL_EVENTS } from './fixtures/paths.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keisan-e2e-'));
  const boards: BoardProcess[] = [];
  const env = process.env;
  env['KEISAN_E2E_TMP'] = tmp;
  const teardown = async (): Promise<void> => {
    const t1 = Date.now();
    await Promise.all(boards.map((b) => b.stop()));
    process.stdout.write(`e2e: boards stopped in ${((Date.now() - t1) / 1000).toFixed(1)} s\n`);
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  const electron = electronBinary();
  if (electron.path === null) process.stdout.write(`e2e: the Electron tests skip: ${electron.reason}\n`);
  else {
    // Once, here: workers building it at the same time would trip over each other in out/.
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) env['KEISAN_E2E_ELECTRON_ERROR'] = `electron-vite build failed:\n${r.stdout}\n${r.stderr}`;
  }

  const renderer = path.join(tmp, 'renderer');
  let rendererError: string | null = null;
  try {
    await buildRenderer(renderer);
  } catch (e) {
    rendererError = `the app's page did not build: ${(e as Error).message}`;
  }
  const boardEnv = (name: string): Record<string, string> => {
    const config = path.join(tmp, `config-${name}`);
    fs.mkdirSync(config);
    return { KEISAN_CONFIG_DIR: config, KEISAN_RENDERER_DIR: renderer, LANG: 'en_US.UTF-8', LC_ALL: '' };
  };
  // A board that does not start fails the tests that need it, with its message; the others still run.
  const start = async (name: 'experiment' | 'lesson', logdir: string): Promise<void> => {
    try {
      if (rendererError !== null) throw new Error(rendererError);
      const board = await startBoardProcess([logdir], boardEnv(name));
      boards.push(board);
      env[`KEISAN_E2E_${name.toUpperCase()}_URL`] = board.url;
    } catch (e) {
      env[`KEISAN_E2E_${name.toUpperCase()}_ERROR`] = `the ${name} board did not start: ${(e as Error).message}`;
      process.stdout.write(`e2e: ${env[`KEISAN_E2E_${name.toUpperCase()}_ERROR`]}\n`);
    }
  };

  try {
    const starts: Promise<void>[] = [];
    const source = path.join(REAL_EVENTS, EXPERIMENT);
    if (fs.existsSync(source)) {
      const experiments = path.join(tmp, 'experiments');
      const run = path.join(experiments, EXPERIMENT);
      fs.mkdirSync(run, { recursive: true });
      for (const name of fs.readdirSync(source)) {
        fs.copyFileSync(path.join(source, name), path.join(run, name));
        fs.chmodSync(path.join(run, name), 0o644); // the shared copies are read-only
      }
      env['KEISAN_E2E_EXPERIMENTS_DIR'] = experiments;
      starts.push(start('experiment', experiments));
    } else {
      process.stdout.write(`e2e: the saved-experiment tests skip: ${source} does not exist\n`);
    }
    const lessons = path.join(tmp, 'lessons');
    fs.mkdirSync(lessons);
    env['KEISAN_E2E_LESSONS_DIR'] = lessons;
    starts.push(start('lesson', lessons));
    await Promise.all(starts);
  } catch (e) {
    await teardown();
    throw e;
  }
  process.stdout.write(`e2e: boards ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (repo ${REPO_ROOT}, temp ${tmp})\n`);
  return teardown;
}
