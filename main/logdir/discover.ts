/**
 * Runs in a log directory, found as TensorBoard finds them
 * (tensorboard/backend/event_processing/io_wrapper.py `GetLogdirSubdirectories`): every
 * directory that directly holds a file whose name contains `tfevents` is a run, named
 * by its path relative to the logdir (`.` for the logdir itself, `/` between parts on
 * every OS). A run's event files are read in name order.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface RunEntry {
  /** `.`, `train`, `hparams/session_1`, … */
  readonly name: string;
  /** Absolute path of the run's directory. */
  readonly dir: string;
  /** Absolute paths of its event files, sorted by file name. */
  readonly eventFiles: string[];
  /** GraphDef files beside them (`*.pbtxt`, `*.pb`), which TensorBoard ignores but Keisan can show. */
  readonly graphFiles: string[];
}

/** TensorBoard's `IsTensorFlowEventsFile`: the name contains "tfevents". */
export function isEventFileName(name: string): boolean {
  return name.includes('tfevents');
}

function isGraphFileName(name: string): boolean {
  return /\.(pbtxt|pb)$/i.test(name) && !isEventFileName(name);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every run under `logdir`, sorted by name. Symbolic links to directories are followed
 * (a logdir assembled from links is common), each real directory once, so a link cycle
 * cannot loop. Directories that cannot be listed are skipped.
 */
export async function discoverRuns(logdir: string): Promise<RunEntry[]> {
  const root = path.resolve(logdir);
  const seen = new Set<string>();
  const runs: RunEntry[] = [];

  async function visit(dir: string): Promise<void> {
    let real: string;
    let entries: Dirent[];
    try {
      real = await fs.realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const files: string[] = [];
    const subdirs: string[] = [];
    for (const e of entries) {
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const st = await fs.stat(path.join(dir, e.name)).catch(() => null);
        isDir = st?.isDirectory() ?? false;
        isFile = st?.isFile() ?? false;
      }
      if (isDir) subdirs.push(e.name);
      else if (isFile) files.push(e.name);
    }
    files.sort(byName);
    const eventFiles = files.filter(isEventFileName);
    if (eventFiles.length > 0) {
      const rel = path.relative(root, dir);
      runs.push({
        name: rel === '' ? '.' : rel.split(path.sep).join('/'),
        dir,
        eventFiles: eventFiles.map((f) => path.join(dir, f)),
        graphFiles: files.filter(isGraphFileName).map((f) => path.join(dir, f)),
      });
    }
    for (const s of subdirs.sort(byName)) await visit(path.join(dir, s));
  }

  await visit(root);
  return runs.sort((a, b) => byName(a.name, b.name));
}
