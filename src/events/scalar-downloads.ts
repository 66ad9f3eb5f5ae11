/**
 * Scalar series as TensorBoard's scalar dashboard downloads them, byte for byte where it
 * matters, for `keisan export --format csv|json`. TensorBoard's scalars plugin
 * (tensorboard/plugins/scalar/scalars_plugin.py, `scalars_impl`) writes CSV with Python's
 * `csv.writer`: a header row `Wall time,Step,Value`, rows of `repr(float)`, `int`,
 * `repr(float)`, and `\r\n` after every row (the csv module's default line terminator).
 * JSON is `[[wall_time, step, value], …]`.
 *
 * The CSV and JSON text itself comes from ./export.ts (`scalarCsv`, `scalarJson`), shared
 * with the app's per-card downloads.
 *
 *     scalarDownloads(run, 'csv', 'train'); // [{ name: 'run-train-tag-loss.csv', bytes }, …]
 */
import { type ExportFile, type ScalarFormat, scalarCsv, scalarFileName, scalarJson } from './export.ts';
import type { RunData } from './run-data.ts';

/**
 * Every scalar tag of `run`, one file each, in order of first appearance, named
 * `run-<runLabel>-tag-<tag>.<format>` as TensorBoard names its downloads, with `/`, `\`,
 * `:`, `*`, `?`, `"`, `<`, `>`, `|` and control characters as `_`. Tags that would then
 * share a name (`a/b`, `a_b`) get `-2`, `-3`, … after the tag.
 */
export function scalarDownloads(run: RunData, format: ScalarFormat, runLabel: string = run.name): ExportFile[] {
  const encoder = new TextEncoder();
  const taken = new Set<string>();
  const out: ExportFile[] = [];
  for (const tag of run.tags.values()) {
    if (tag.kind !== 'scalar' || tag.scalars === null) continue;
    let name = scalarFileName(runLabel, tag.tag, format);
    for (let n = 2; taken.has(name); n++) name = scalarFileName(runLabel, `${tag.tag}-${n}`, format);
    taken.add(name);
    out.push({ name, bytes: encoder.encode(format === 'csv' ? scalarCsv(tag.scalars) : scalarJson(tag.scalars)) });
  }
  return out;
}
