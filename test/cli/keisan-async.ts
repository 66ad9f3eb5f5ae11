// Spawn the real `keisan` command without blocking, so that many runs (one per real event
// file) share the machine's cores instead of queueing behind each other.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { type CliResult, KEISAN_BIN, tempDir } from './run-cli.ts';

export function keisanAsync(args: readonly string[], cwd: string = tempDir()): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KEISAN_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, cwd });
    });
  });
}

/** Run every argument list, as many at a time as there are cores; results in the same order. */
export async function keisanAll(runs: readonly (readonly string[])[]): Promise<CliResult[]> {
  const out: CliResult[] = new Array(runs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      out[i] = await keisanAsync(runs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return out;
}
