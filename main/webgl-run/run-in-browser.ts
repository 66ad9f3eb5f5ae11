/**
 * `keisan run --backend webgl SCRIPT`: the script, compiled and bundled as for the app's
 * worker, runs in headless Chromium on the WebGL backend (the default backend there, so a
 * plain `new tf.Session()` uses it). `tf.print` lines reach stdout and event bytes reach
 * disk as the script makes them, so `keisan board` follows the run live, just as it does a
 * CPU run. Returns the exit code: 0 done, 1 the script failed (file:line on stderr).
 *
 *     await runInBrowser({ scriptPath: '/abs/lesson.ts', chromium: '/usr/bin/chromium', env: {}, argv: [] });
 */
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { AppendableFile } from '../../src/host.ts';
import { nodeHost } from '../node-host.ts';
import { displayPath } from '../cli/script-error.ts';
import { bundleScript, ScriptCompileError } from './bundle-script.ts';
import { BrowserNotFoundError } from './find-chromium.ts';
import type { HostCall, PageApi, PageRunResult, PageSetup } from './page-protocol.ts';
import { mapScriptFrame } from './script-location.ts';

export interface BrowserRunOptions {
  readonly scriptPath: string;
  /** The Chromium binary (find-chromium.ts). */
  readonly chromium: string;
  /** What the script sees as `process.env` (KEISAN_LOGDIR). */
  readonly env: Readonly<Record<string, string>>;
  /** The script's own arguments. */
  readonly argv: readonly string[];
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

/** A problem with the browser itself rather than the script (exit code 2, like a usage error). */
export class BrowserStartError extends Error {
  override name = 'BrowserStartError';
}

const PAGE_ENTRY = new URL('./page.ts', import.meta.url).pathname;

async function bundlePage(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [PAGE_ENTRY], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

function describeFailure(result: Exclude<PageRunResult, { ok: true }>, code: string, scriptPath: string): string {
  const headline = `${result.name}: ${result.message}`;
  const where = mapScriptFrame(result.stack, result.scriptUrl, result.lineOffset, code);
  if (where !== null) return `${displayPath(where.file)}:${where.line}\n${headline}`;
  return `${displayPath(scriptPath)}\n${result.stack || headline}`;
}

export async function runInBrowser(o: BrowserRunOptions): Promise<number> {
  const out = o.stdout ?? ((t) => void process.stdout.write(t));
  const err = o.stderr ?? ((t) => void process.stderr.write(t));
  // Chromium starts (about a second here) while esbuild compiles the script and the page.
  const { chromium } = await import('playwright-core');
  const launching = chromium.launch({ executablePath: o.chromium, headless: true, args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] })
    .then((b) => ({ ok: true as const, browser: b }), (e: unknown) => ({ ok: false as const, error: e as Error }));
  const launched = async (): Promise<Browser> => {
    const l = await launching;
    if (l.ok) return l.browser;
    throw new BrowserNotFoundError(`could not start the browser ${o.chromium} for --backend webgl: ${l.error.message.split('\n')[0]}`);
  };
  let code: string;
  let pageScript: string;
  try {
    [code, pageScript] = await Promise.all([bundleScript(o.scriptPath), bundlePage()]);
  } catch (e) {
    await launching.then((l) => (l.ok ? l.browser.close() : undefined));
    if (!(e instanceof ScriptCompileError)) throw e;
    err(`${displayPath(e.file)}:${e.line}\n${e.name}: ${e.message}\n`);
    return 1;
  }
  const browser = await launched();
  const files = new Map<number, AppendableFile>();
  const file = (id: number): AppendableFile => {
    const f = files.get(id);
    if (f === undefined) throw new Error(`event file ${id} is not open`);
    return f;
  };
  try {
    const page = await browser.newPage();
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning' ? err : out)(`${m.text()}\n`));
    await page.exposeFunction('keisanHost', (call: HostCall) => {
      switch (call.kind) {
        case 'print':
          return out(`${call.line}\n`);
        case 'open':
          // Relative logdirs are relative to the working directory, as in a CPU run.
          return void files.set(call.fileId, nodeHost.openAppendable(path.resolve(call.dir), call.name));
        case 'append':
          return file(call.fileId).append(Buffer.from(call.base64, 'base64'));
        case 'flush':
          return file(call.fileId).flush();
        case 'close':
          file(call.fileId).close();
          return void files.delete(call.fileId);
      }
    });
    await page.addScriptTag({ content: pageScript });
    const setup: PageSetup = { hostname: os.hostname(), env: o.env, argv: ['keisan', o.scriptPath, ...o.argv] };
    const started = await page.evaluate((s) => (globalThis as unknown as { keisanPage: PageApi }).keisanPage.start(s), setup);
    if (!started.ok) throw new BrowserStartError(`--backend webgl: no usable WebGL2 in ${o.chromium}: ${started.reason}`);
    err(`keisan: backend webgl, renderer ${started.renderer}\n`);
    const result = await page.evaluate((c) => (globalThis as unknown as { keisanPage: PageApi }).keisanPage.run(c), code);
    if (!result.ok) err(`${describeFailure(result, code, o.scriptPath)}\n`);
    err(`keisan: the script ran ${(result.elapsedMs / 1000).toFixed(2)} s on webgl\n`);
    return result.ok ? 0 : 1;
  } finally {
    // A crashed script leaves its files as written so far (every append is already on disk).
    for (const f of files.values()) f.close();
    await browser.close();
  }
}
