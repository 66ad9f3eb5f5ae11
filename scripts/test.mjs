#!/usr/bin/env node
// `npm test`: type-check both layers, check layering, then run every test suite.
// Browser suites need Chromium; when they exist and none is found, this installs
// Debian's `chromium` when running as root on Debian/Ubuntu, or stops with the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, opts = {}) => {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const hasTests = (dir, suffix) => existsSync(`${root}${dir}`) && readdirSync(`${root}${dir}`, { recursive: true }).some((f) => String(f).endsWith(suffix));
const hasE2e = () => hasTests('test/e2e', '.e2e.ts');

function needsBrowser() {
  return hasTests('test/browser', '.test.ts') || hasE2e();
}

export function findChromium() {
  const candidates = [process.env.KEISAN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

function ensureChromium() {
  if (findChromium()) return;
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    console.log('Chromium not found: installing Debian\'s chromium for the browser tests.');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  console.error('Browser tests need Chromium. Install it with: sudo apt-get install -y chromium (or set KEISAN_CHROMIUM=/path/to/chromium)');
  process.exit(1);
}

run('npx', ['tsc', '-p', 'tsconfig.src.json']);
run('npx', ['tsc', '-p', 'tsconfig.node.json']);
run('npx', ['tsc', '-p', 'tsconfig.web.json']);
run('node', ['scripts/check-layers.mjs']);
if (needsBrowser()) ensureChromium();
run('npx', ['vitest', 'run']);
// Browser suites (vitest.browser.config.ts): the WebGL backend in headless Chromium on SwiftShader.
if (hasTests('test/browser', '.test.ts')) run('npx', ['vitest', 'run', '-c', 'vitest.browser.config.ts'], { env: { ...process.env, KEISAN_CHROMIUM: findChromium() ?? '' } });
// End-to-end (playwright.config.ts): the app in headless Chromium against `keisan board`.
if (hasE2e()) run('npx', ['playwright', 'test'], { env: { ...process.env, KEISAN_CHROMIUM: findChromium() ?? '' } });
