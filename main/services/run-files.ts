/**
 * What the host does to run folders and exported files on disk: rename, delete (to the
 * trash), read for export, save where the user chose. Callers have already resolved the
 * paths inside a project; these functions re-check what they touch.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { exportTfevents, type ExportFile } from '../../src/events/export.ts';
import { scalarDownloads } from '../../src/events/scalar-downloads.ts';
import type { RunData } from '../../src/events/run-data.ts';
import type { ExportFormat, ExportedFile } from '../../src/host-api.ts';
import type { RunEntry } from '../logdir/index.ts';
import { HostError } from './host-error.ts';
import { isInside } from './paths.ts';
import { moveToTrash, type TrashFn } from './trash.ts';

const exists = (p: string): Promise<boolean> => fs.lstat(p).then(() => true, () => false);

/** Move a run's folder to `target` (a checked path inside the project). */
export async function renameRunDir(dir: string, target: string): Promise<void> {
  if (await exists(target)) throw new HostError(`'${path.basename(target)}' already exists`, 409);
  if (isInside(dir, target)) throw new HostError('a run cannot be moved inside itself', 409);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(dir, target);
}

/** Send a run's folder to the trash; refused while other runs live inside it (they would go too). */
export async function trashRunDir(dir: string, nested: readonly string[], trash: TrashFn | null): Promise<void> {
  if (nested.length > 0) {
    throw new HostError(`this run's folder also holds the run(s) ${nested.map((n) => `'${n}'`).join(', ')}; delete or move those first`, 409);
  }
  await moveToTrash(dir, trash);
}

/** A run in `format`, exactly as `keisan export` writes it: its event files anew, or one CSV/JSON file per scalar tag. */
export async function exportRunFiles(run: RunData, entry: RunEntry, format: ExportFormat): Promise<ExportFile[]> {
  if (format === 'csv' || format === 'json') return scalarDownloads(run, format);
  const files: [string, Uint8Array][] = [];
  for (const file of entry.eventFiles) files.push([path.basename(file), new Uint8Array(await fs.readFile(file))]);
  return exportTfevents(files);
}

function checkFileName(name: string): string {
  if (name === '' || name === '.' || name === '..' || /[\\/\0]/.test(name) || name !== path.basename(name)) {
    throw new HostError(`'${name}' is not a plain file name`);
  }
  return name;
}

/** Write `files` into `dir`, never over an existing file (`a.csv` taken → `a (2).csv`). Returns `dir`. */
export async function writeFilesInto(dir: string, files: readonly ExportedFile[]): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  for (const f of files) {
    const name = checkFileName(f.name);
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const target = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
      try {
        await fs.writeFile(target, f.bytes, { flag: 'wx' }); // wx: fail rather than overwrite
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n > 999) throw e;
      }
    }
  }
  return dir;
}
