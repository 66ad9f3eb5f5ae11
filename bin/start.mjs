#!/usr/bin/env node
// `npm start`: the desktop app. Builds it with electron-vite and launches Electron. Where
// Electron's binary is missing (an offline install: the electron package downloads it on
// first use), it says so in one line and opens the same app in the browser instead
// (`keisan board`), on the most recent project, else ~/Keisan, else this folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const say = (line) => process.stderr.write(`${line}\n`);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  say(`Keisan needs Node.js 20.6 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

/**
 * The Electron executable, or null. This mirrors node_modules/electron/index.js without
 * requiring it: requiring 'electron' tries to download a missing binary, and offline that
 * fails with a stack trace.
 */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, exe || 'electron') : exe ? path.join(dir, 'dist', exe) : null;
  return full !== null && existsSync(full) ? full : null;
}

function startDesktop(electron) {
  const cli = require.resolve('electron-vite/bin/electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    say('Keisan: building the desktop app failed (see above).');
    process.exit(1);
  }
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    say(`Keisan: could not start Electron: ${e.message}`);
    process.exit(1);
  });
  child.on('close', (code) => process.exit(code ?? 1));
}

/** The folder (or event file) board opens: the most recent project that still exists, else ~/Keisan, else here. */
async function boardLogdir() {
  const { userConfigDir, defaultProjectsDir } = await import('../main/services/paths.ts');
  const { RecentProjects } = await import('../main/services/recent-projects.ts');
  for (const entry of await new RecentProjects(userConfigDir()).list()) if (existsSync(entry.path)) return entry.path;
  const projects = defaultProjectsDir();
  if (existsSync(projects) && statSync(projects).isDirectory()) return projects;
  return process.cwd();
}

async function startBoard() {
  const { register } = await import('tsx/esm/api');
  register();
  const logdir = await boardLogdir();
  const { main } = await import('../main/cli/main.ts');
  // `npm start -- --port 7000` reaches board.
  process.exitCode = await main(['board', '--logdir', logdir, ...process.argv.slice(2)]);
}

const electron = electronBinary();
if (electron !== null) {
  startDesktop(electron);
} else {
  say("Electron's binary is not installed here (an offline install), so Keisan opens in your browser instead — `npx install-electron` fetches the desktop app.");
  startBoard().catch((e) => {
    say(`Keisan: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
