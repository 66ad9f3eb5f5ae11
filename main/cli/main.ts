/**
 * `keisan` command line: `keisan run|board|inspect|export …` (USAGE below).
 * Returns the process exit code: 0 success, 1 the script failed, 2 a usage error (or, for
 * `run --backend webgl`, no browser or no WebGL2 to run in), 3 `inspect` found damage.
 */
import { runCommand } from './run.ts';
import { UsageError } from './usage.ts';

const USAGE = `Usage: keisan <command> [options]

Commands:
  run SCRIPT [--logdir DIR] [--backend cpu|webgl] [-- ARGS...]
      Run a .ts or .js model script. In the script,
      \`import * as tf from 'keisan'\` is this engine. tf.print goes to stdout;
      relative paths (FileWriter logdirs) are relative to the current directory.
      --logdir DIR     sets KEISAN_LOGDIR=DIR (absolute) for the script to read
      --backend cpu    (default) run it here, in Node, on the CPU backend
      --backend webgl  run it in headless Chromium on the WebGL backend:
                       /usr/bin/chromium, or the binary KEISAN_CHROMIUM names;
                       lines and event files stream back as it runs; stderr
                       names the GPU renderer; exit 2 when no browser is found
  board --logdir DIR [--logdir DIR2 ...] [--port 6006] [--host 127.0.0.1]
      Serve the app to a browser: runs, scalars, graphs and lessons of the
      log directories (or event files) given. Listens on 127.0.0.1 only,
      unless --host names another address.
  inspect PATH [--json] [--tag T]
      What an event file or log directory holds: per run its files, record counts,
      step and wall-time ranges, tags (kind, count, first/last scalar values),
      graphs with node counts, and every problem (file, byte offset, what).
      --json   the same as JSON: {"runs": [{"run", "files", "tags", "graphs"}]}
      --tag T  only tag T
      Exit status 0 when read cleanly (an incomplete last record is "pending"),
      3 when damage was found (everything readable is still printed).
  export RUN --out DIR [--format tfevents|csv|json] [--force]
      Write a run (a directory of event files, or one event file) into DIR.
      tfevents  (default) each event file anew, same name: damage skipped, every
                readable event kept, a file_version record first
      csv|json  one file per scalar tag, as TensorBoard's download links write
                them: run-<run>-tag-<tag>.csv ("Wall time,Step,Value" rows) or
                .json ([[wall_time, step, value], ...]); in names, / \\ : * ? " < > |
                become _
      Existing files are not overwritten unless --force.
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if ((command === 'run' || command === 'inspect' || command === 'export') && (rest[0] === '--help' || rest[0] === '-h')) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command === 'run') return await runCommand(rest);
    // Loaded on demand: the web server and esbuild need not slow down `keisan run`.
    if (command === 'board') return await (await import('./board.ts')).boardCommand(rest);
    if (command === 'inspect') return await (await import('./inspect.ts')).inspectCommand(rest);
    if (command === 'export') return await (await import('./export.ts')).exportCommand(rest);
    throw new UsageError(`unknown command '${command}'.`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`keisan: ${e.message}\nRun 'keisan --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}
