/**
 * `keisan` command line: `keisan run SCRIPT [--logdir DIR] [--backend cpu]`.
 * Returns the process exit code: 0 success, 1 the script failed, 2 a usage error.
 */
import { runCommand } from './run.ts';
import { UsageError } from './usage.ts';

const USAGE = `Usage: keisan <command> [options]

Commands:
  run SCRIPT [--logdir DIR] [--backend cpu] [-- ARGS...]
      Run a .ts or .js model script on the CPU backend. In the script,
      \`import * as tf from 'keisan'\` is this engine. tf.print goes to stdout;
      relative paths (FileWriter logdirs) are relative to the current directory.
      --logdir DIR   sets KEISAN_LOGDIR=DIR (absolute) for the script to read
      --backend cpu  the only backend available from the command line for now

Coming in later versions: inspect, board, export.
`;

const LATER = new Set(['inspect', 'board', 'export']);

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'run') {
      if (rest[0] === '--help' || rest[0] === '-h') {
        process.stdout.write(USAGE);
        return 0;
      }
      return await runCommand(rest);
    }
    if (LATER.has(command)) throw new UsageError(`'keisan ${command}' is not available yet: it comes in a later version. For now there is 'keisan run'.`);
    throw new UsageError(`unknown command '${command}'.`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`keisan: ${e.message}\nRun 'keisan --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}
