/**
 * `keisan run SCRIPT`: run a user's model script in this process, with `keisan` resolving
 * to this engine and the Node host installed (tf.print → stdout, event files → disk).
 * `--backend webgl` runs it in headless Chromium on the WebGL backend instead
 * (main/webgl-run/), with the same output and files.
 */
import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { installNodeHost } from '../node-host.ts';
import { describeScriptError } from './script-error.ts';
import { UsageError } from './usage.ts';

const ENGINE_URL = new URL('../../src/index.ts', import.meta.url).href;
const SCRIPT_EXTENSIONS = /\.(ts|mts|js|mjs)$/;
const BACKENDS = ['cpu', 'webgl'];

/** Options before the script belong to keisan; everything after it is the script's own argv. */
function splitAtScript(args: readonly string[]): { ours: string[]; script: string | undefined; scriptArgs: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return { ours: args.slice(0, i), script: args[i + 1], scriptArgs: args.slice(i + 2) };
    if (a === '--logdir' || a === '--backend') { i++; continue; }
    if (a.startsWith('-')) continue;
    return { ours: args.slice(0, i), script: a, scriptArgs: args.slice(i + 1) };
  }
  return { ours: [...args], script: undefined, scriptArgs: [] };
}

/** The script in headless Chromium; a missing or unstartable browser is one line and exit code 2. */
async function runOnWebGL(path: string, scriptArgs: readonly string[]): Promise<number> {
  // Loaded on demand: playwright and the page bundle need not slow down a CPU run.
  const { findChromium, BrowserNotFoundError } = await import('../webgl-run/find-chromium.ts');
  const { runInBrowser, BrowserStartError } = await import('../webgl-run/run-in-browser.ts');
  try {
    const logdir = process.env['KEISAN_LOGDIR'];
    return await runInBrowser({ scriptPath: path, chromium: findChromium(process.env), env: logdir === undefined ? {} : { KEISAN_LOGDIR: logdir }, argv: scriptArgs });
  } catch (e) {
    if (!(e instanceof BrowserNotFoundError || e instanceof BrowserStartError)) throw e;
    process.stderr.write(`keisan: ${e.message}\n`);
    return 2;
  }
}

export async function runCommand(args: readonly string[]): Promise<number> {
  const { ours, script, scriptArgs } = splitAtScript(args);
  // node:util's parseArgs: built into Node, so the CLI needs no argument-parsing dependency.
  let values: { logdir?: string; backend?: string };
  try {
    ({ values } = parseArgs({ args: ours, options: { logdir: { type: 'string' }, backend: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(`run: ${(e as Error).message}`);
  }
  if (script === undefined) throw new UsageError('run: which script? (keisan run SCRIPT)');
  const backend = values.backend ?? 'cpu';
  if (!BACKENDS.includes(backend)) throw new UsageError(`run: no backend '${backend}'; use --backend cpu or --backend webgl.`);
  if (!SCRIPT_EXTENSIONS.test(script)) throw new UsageError(`run: '${script}' is not a .ts or .js script.`);
  const path = resolve(script);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`run: no such script '${script}'.`);
  if (values.logdir !== undefined) process.env['KEISAN_LOGDIR'] = isAbsolute(values.logdir) ? values.logdir : resolve(values.logdir);
  if (backend === 'webgl') return runOnWebGL(path, scriptArgs);

  installNodeHost();
  const scriptUrl = pathToFileURL(path).href;
  register(new URL('./resolve-keisan.mjs', import.meta.url), { data: { engineUrl: ENGINE_URL, scriptUrl } });
  // The script sees itself as the program, as `node script.js ARGS` would.
  process.argv = [process.argv[0]!, path, ...scriptArgs];

  const fail = (e: unknown): void => {
    process.stderr.write(`${describeScriptError(e, path)}\n`);
    process.exitCode = 1;
  };
  // Errors thrown later by the script's timers or promises are the script's errors too.
  process.on('uncaughtException', (e) => { fail(e); process.exit(1); });
  process.on('unhandledRejection', (e) => { fail(e); process.exit(1); });
  try {
    await import(scriptUrl);
    return 0;
  } catch (e) {
    fail(e);
    return 1;
  }
}
