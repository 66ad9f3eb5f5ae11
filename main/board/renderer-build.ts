/**
 * Board serves the built renderer (`out/renderer`, what `electron-vite build` makes for the
 * desktop app too). When that is missing or older than its sources, board builds it
 * first with vite's JS API: with renderer/vite.config.ts (the renderer's own web build)
 * when there is one, else with the renderer section of electron.vite.config.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

export interface RendererBuild {
  readonly dir: string;
  /** Whether this call built it. */
  readonly built: boolean;
}

/** Newest modification time of any file under `dir` (0 if none). */
async function newest(dir: string): Promise<number> {
  let max = 0;
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    // parentPath arrived in Node 20.12; older 20.x call it `path`.
    const parent = e.parentPath ?? (e as unknown as { path: string }).path;
    const st = await fs.stat(path.join(parent, e.name)).catch(() => null);
    if (st !== null && st.mtimeMs > max) max = st.mtimeMs;
  }
  return max;
}

/** Whether `out/renderer` must be (re)built: missing, or older than renderer/, src/ or the config. */
export async function rendererIsStale(root = REPO_ROOT): Promise<boolean> {
  const built = await fs.stat(path.join(root, 'out', 'renderer', 'index.html')).catch(() => null);
  if (built === null) return true;
  const config = await fs.stat(path.join(root, 'electron.vite.config.ts')).catch(() => null);
  const sources = Math.max(await newest(path.join(root, 'renderer')), await newest(path.join(root, 'src')), config?.mtimeMs ?? 0);
  return sources > built.mtimeMs;
}

/** The renderer section of electron.vite.config.ts (an object, or a function of the env). */
async function rendererConfig(root: string): Promise<Record<string, unknown>> {
  const mod = (await import(pathToFileURL(path.join(root, 'electron.vite.config.ts')).href)) as { default: unknown };
  const env = { command: 'build', mode: 'production' };
  const exported = typeof mod.default === 'function' ? await (mod.default as (e: typeof env) => unknown)(env) : mod.default;
  return ((exported as { renderer?: Record<string, unknown> } | undefined)?.renderer ?? {}) as Record<string, unknown>;
}

/**
 * Make sure `out/renderer` is built and current; returns its folder. Throws with a plain
 * message when the renderer sources are missing too.
 */
export async function ensureRenderer(root = REPO_ROOT, log: (line: string) => void = () => {}): Promise<RendererBuild> {
  const dir = path.join(root, 'out', 'renderer');
  const haveSources = await fs.access(path.join(root, 'renderer', 'index.html')).then(() => true, () => false);
  if (!haveSources) {
    if (await fs.access(path.join(dir, 'index.html')).then(() => true, () => false)) return { dir, built: false };
    throw new Error(`the app's page is missing: neither ${path.join(root, 'renderer', 'index.html')} nor a built copy in ${dir}`);
  }
  if (!(await rendererIsStale(root))) return { dir, built: false };
  log('Building the app page (first start, or its sources changed)…');
  const { build, mergeConfig } = await import('vite');
  const ours = { root: path.join(root, 'renderer'), base: './', mode: 'production', logLevel: 'silent' as const, build: { outDir: dir, emptyOutDir: true, reportCompressedSize: false } };
  const webConfig = path.join(root, 'renderer', 'vite.config.ts');
  try {
    if (await fs.access(webConfig).then(() => true, () => false)) await build({ ...ours, configFile: webConfig });
    else await build(mergeConfig(await rendererConfig(root), { ...ours, configFile: false, build: { ...ours.build, target: 'es2022' } }));
  } catch (e) {
    throw new Error(firstErrorLine((e as Error).message));
  }
  return { dir, built: true };
}

/** vite's message starts "Build failed with 1 error:" and carries colours and a code frame: keep the line that says what. */
function firstErrorLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = message.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.find((l) => !/^Build failed/.test(l)) ?? lines[0] ?? message;
}
