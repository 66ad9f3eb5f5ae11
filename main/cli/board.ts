/**
 * `keisan board --logdir DIR [--logdir DIR2…] [--port 6006] [--host 127.0.0.1]`: the app in
 * any browser. Each --logdir opens as a project; the page may open only what lies inside
 * them; new lesson projects are made in the first one that is a folder.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PortInUseError, startBoard } from '../board/server.ts';
import { ensureRenderer, REPO_ROOT } from '../board/renderer-build.ts';
import { NodeHostService } from '../services/node-host-service.ts';
import { UsageError } from './usage.ts';

interface BoardArgs {
  readonly logdirs: string[];
  readonly port: number;
  readonly host: string;
}

export function parseBoardArgs(args: readonly string[]): BoardArgs {
  let values: { logdir?: string[]; port?: string; host?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { logdir: { type: 'string', multiple: true }, port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`board: ${(e as Error).message}`);
  }
  const logdirs = (values.logdir ?? []).map((d) => path.resolve(d));
  if (logdirs.length === 0) throw new UsageError('board: which log directory? (keisan board --logdir DIR)');
  for (const [i, d] of logdirs.entries()) {
    const st = (() => { try { return statSync(d); } catch { return null; } })();
    if (st === null) throw new UsageError(`board: no such log directory or event file '${values.logdir![i]}'.`);
  }
  const port = Number(values.port ?? '6006');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`board: --port must be a number from 0 to 65535, not '${values.port}'.`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new UsageError('board: --host must not be empty.');
  return { logdirs, port, host };
}

/** Resolves when the process is asked to stop (Ctrl-C, or a service manager's SIGTERM). */
const stopSignal = (): Promise<void> => new Promise((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});

export async function boardCommand(args: readonly string[]): Promise<number> {
  const { logdirs, port, host } = parseBoardArgs(args);
  const fail = (message: string, code: number): number => {
    process.stderr.write(`keisan board: ${message}\n`);
    return code;
  };
  // KEISAN_RENDERER_DIR: serve a page built elsewhere (tests, a packaged copy) as it is.
  const prebuilt = process.env['KEISAN_RENDERER_DIR'];
  const rendererDir = prebuilt ? path.resolve(prebuilt) : path.join(REPO_ROOT, 'out', 'renderer');
  const firstFolder = logdirs.find((d) => statSync(d).isDirectory());
  const service = new NodeHostService({
    host: 'board',
    lessonsDir: path.join(REPO_ROOT, 'resources', 'lessons'),
    allowedRoots: logdirs,
    projectsDir: firstFolder ?? null,
  });

  // Bind first: a port in use is reported at once, before any build.
  let board;
  try {
    board = await startBoard({ api: service, rendererDir, host, port });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof PortInUseError) return fail(err.message, 2);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return fail(`cannot listen on host '${host}': no such address on this machine`, 2);
    return fail(err.message, 1);
  }
  const stop = async (code: number): Promise<number> => {
    await board.close();
    service.close();
    return code;
  };
  try {
    if (!prebuilt) await ensureRenderer(REPO_ROOT, (line) => process.stderr.write(`${line}\n`));
  } catch (e) {
    fail(`could not build the app's page: ${(e as Error).message.split('\n')[0]}`, 1);
    return stop(1);
  }
  try {
    for (const d of logdirs) await service.openTrusted(d);
  } catch (e) {
    fail((e as Error).message, 2);
    return stop(2);
  }
  process.stdout.write(`Keisan board at ${board.url}\n`);
  await stopSignal();
  return stop(0);
}
