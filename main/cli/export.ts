/**
 * `keisan export RUN --out DIR [--format tfevents|csv|json] [--force]`: a run (a directory
 * of event files, or one event file) as files others can read.
 *
 * - `tfevents` (default): each event file written anew under its own name, so TensorBoard
 *   reads it: every readable Event kept byte for byte, damaged bytes skipped, fresh framing,
 *   a `file_version` record first (../../src/events/export.ts `rewriteEventFile`).
 * - `csv`, `json`: one file per scalar tag, as TensorBoard's download links write them
 *   (../../src/events/scalar-downloads.ts), named `run-<run>-tag-<tag>.<format>` where
 *   <run> is the run directory's name (for a single file, its directory's name).
 *
 * Existing files are never overwritten without --force: the command checks every target
 * first and writes nothing when one exists. Exit status: 0 written, 2 usage errors.
 */
import fs from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ExportFile, rewriteEventFile } from '../../src/events/export.ts';
import { readRun } from '../../src/events/index.ts';
import { scalarDownloads } from '../../src/events/scalar-downloads.ts';
import { discoverRuns } from '../logdir/index.ts';
import { UsageError } from './usage.ts';

const FORMATS = ['tfevents', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ExportArgs {
  readonly run: string;
  readonly out: string;
  readonly format: Format;
  readonly force: boolean;
}

function parseExportArgs(args: readonly string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { out: { type: 'string' }, format: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError(`export: ${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('export: which run? (keisan export RUN --out DIR)');
  if (positionals.length > 1) throw new UsageError(`export: one run at a time, not ${positionals.length}.`);
  if (values.out === undefined || values.out === '') throw new UsageError('export: where to? (--out DIR)');
  const format = values.format ?? 'tfevents';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`export: --format must be tfevents, csv or json, not '${format}'.`);
  return { run: positionals[0]!, out: values.out, format: format as Format, force: values.force === true };
}

/** The run's event files (absolute, in reading order) and the name its scalar files carry. */
async function runFiles(target: string): Promise<{ files: string[]; label: string }> {
  const abs = path.resolve(target);
  const st = (() => { try { return statSync(abs); } catch { return null; } })();
  if (st === null) throw new UsageError(`export: no such run directory or event file '${target}'.`);
  if (st.isFile()) return { files: [abs], label: path.basename(path.dirname(abs)) };
  const runs = await discoverRuns(abs);
  const own = runs.find((r) => r.name === '.');
  if (own === undefined) {
    const nested = runs.map((r) => r.name);
    const hint = nested.length === 0 ? '' : `; it holds the runs ${nested.slice(0, 5).join(', ')}${nested.length > 5 ? ', …' : ''}: export one of them`;
    throw new UsageError(`export: '${target}' holds no event file${hint}.`);
  }
  return { files: own.eventFiles, label: path.basename(abs) };
}

const exists = (p: string): Promise<boolean> => fs.lstat(p).then(() => true, () => false);

export async function exportCommand(args: readonly string[]): Promise<number> {
  const { run, out, format, force } = parseExportArgs(args);
  const { files, label } = await runFiles(run);
  const sources: [string, Uint8Array][] = [];
  for (const f of files) sources.push([path.basename(f), new Uint8Array(await fs.readFile(f))]);

  const outputs: (ExportFile & { note: string })[] = [];
  const warnings: string[] = [];
  if (format === 'tfevents') {
    for (const [name, bytes] of sources) {
      const r = rewriteEventFile(bytes);
      outputs.push({ name, bytes: r.bytes, note: `${r.records} records` });
      for (const p of r.problems) warnings.push(`${name}: left out at offset ${p.offset} (${p.kind}): ${p.message}`);
    }
  } else {
    const data = readRun(label, sources);
    for (const f of data.files) {
      for (const p of f.problems) warnings.push(`${f.path}: skipped at offset ${p.offset} (${p.kind}): ${p.message}`);
    }
    for (const f of scalarDownloads(data, format, label)) outputs.push({ ...f, note: '' });
    if (outputs.length === 0) warnings.push(`no scalar tags in '${run}': nothing to write`);
  }

  const outDir = path.resolve(out);
  const outStat = (() => { try { return statSync(outDir); } catch { return null; } })();
  if (outStat !== null && !outStat.isDirectory()) throw new UsageError(`export: --out '${out}' is a file, not a directory.`);
  if (!force) {
    for (const o of outputs) {
      const target = path.join(outDir, o.name);
      if (await exists(target)) throw new UsageError(`export: '${path.join(out, o.name)}' already exists; nothing was written (--force overwrites).`);
    }
  }
  await fs.mkdir(outDir, { recursive: true });
  for (const o of outputs) {
    await fs.writeFile(path.join(outDir, o.name), o.bytes);
    process.stdout.write(`wrote ${path.join(out, o.name)} (${o.bytes.length} bytes${o.note === '' ? '' : `, ${o.note}`})\n`);
  }
  for (const w of warnings) process.stderr.write(`keisan export: ${w}\n`);
  return 0;
}
