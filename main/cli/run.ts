/**
 * `keisan run SCRIPT`: run a user's model script in this process, with `keisan` resolving
 * to this engine and the Node host installed (tf.print → stdout, event files → disk).
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
const BACKENDS = ['cpu'];

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
  if (!BACKENDS.includes(backend)) throw new UsageError(`run: backend '${backend}' is not available from the command line yet; use --backend cpu.`);
  if (!SCRIPT_EXTENSIONS.test(script)) throw new UsageError(`run: '${script}' is not a .ts or .js script.`);
  const path = resolve(script);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`run: no such script '${script}'.`);
  if (values.logdir !== undefined) process.env['KEISAN_LOGDIR'] = isAbsolute(values.logdir) ? values.logdir : resolve(values.logdir);

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
