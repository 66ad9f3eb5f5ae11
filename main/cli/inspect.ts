/**
 * `keisan inspect PATH [--json] [--tag T]`: what an event file or a log directory holds,
 * and every problem in it. Exit status: 0 read cleanly (a pending last record included),
 * 3 damage found (after printing everything readable), 2 usage errors, 1 a file that
 * could not be read at all.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatInspectJson, type GraphFileResult, inspectReport, inspectRun, isCorrupt } from '../../src/events/inspect.ts';
import { formatInspectText } from '../../src/events/inspect-text.ts';
import { isEventFileName, LogdirReader, readGraphFile } from '../logdir/index.ts';
import { UsageError } from './usage.ts';

interface InspectArgs {
  readonly target: string;
  readonly json: boolean;
  readonly tag: string | undefined;
}

function parseInspectArgs(args: readonly string[]): InspectArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { json: { type: 'boolean' }, tag: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`inspect: ${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('inspect: which event file or log directory? (keisan inspect PATH)');
  if (positionals.length > 1) throw new UsageError(`inspect: one path at a time, not ${positionals.length}.`);
  return { target: positionals[0]!, json: values.json === true, tag: values.tag };
}

async function graphFiles(root: string, files: readonly string[]): Promise<GraphFileResult[]> {
  const out: GraphFileResult[] = [];
  for (const f of files) {
    const file = path.relative(root, f) || path.basename(f);
    try {
      out.push({ file, graph: await readGraphFile(f) });
    } catch (e) {
      out.push({ file, error: `not a readable GraphDef: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  return out;
}

export async function inspectCommand(args: readonly string[]): Promise<number> {
  const { target, json, tag } = parseInspectArgs(args);
  const root = path.resolve(target);
  const st = (() => { try { return statSync(root); } catch { return null; } })();
  if (st === null) throw new UsageError(`inspect: no such file or directory '${target}'.`);

  const options = { tag };
  let report;
  if (st.isFile() && /\.(pb|pbtxt?)$/i.test(root) && !isEventFileName(path.basename(root))) {
    // A GraphDef file on its own: a run `.` with no event files and one graph.
    const empty = { name: '.', files: [], tags: new Map(), graphs: [], sessionLogs: [], logMessages: [], runMetadata: [], version: 0 };
    report = inspectReport([inspectRun(empty, { ...options, graphFiles: await graphFiles(path.dirname(root), [root]) })]);
  } else {
    // LogdirReader reads a single event file as run `.` too; file paths come relative to `root`.
    const reader = new LogdirReader(root);
    try {
      await reader.poll();
    } catch (e) {
      // A file that cannot be opened (permissions, removed while listed): not damage, not a usage error.
      process.stderr.write(`keisan inspect: ${(e as Error).message}\n`);
      return 1;
    }
    const runs = [];
    for (const run of reader.runs()) {
      const extra = st.isDirectory() ? await graphFiles(root, reader.entry(run.name)?.graphFiles ?? []) : [];
      runs.push(inspectRun(run, { ...options, graphFiles: extra }));
    }
    report = inspectReport(runs);
  }
  process.stdout.write(json ? formatInspectJson(report) : formatInspectText(report, { path: target, tag }));
  return isCorrupt(report) ? 3 : 0;
}
