/**
 * Scalar series as TensorBoard's scalar dashboard downloads them, byte for byte where it
 * matters, for `keisan export --format csv|json`. TensorBoard's scalars plugin
 * (tensorboard/plugins/scalar/scalars_plugin.py, `scalars_impl`) writes CSV with Python's
 * `csv.writer`: a header row `Wall time,Step,Value`, rows of `repr(float)`, `int`,
 * `repr(float)`, and `\r\n` after every row (the csv module's default line terminator).
 * JSON is `[[wall_time, step, value], …]`.
 *
 * ./export.ts (shared with the app's Export Run) writes the header `wall_time,step,value`
 * with `\n`; its number formatting, JSON and file names are reused here.
 *
 *     scalarDownloads(run, 'csv', 'train'); // [{ name: 'run-train-tag-loss.csv', bytes }, …]
 */
import { type ExportFile, pyFloatRepr, type ScalarFormat, type ScalarRows, scalarFileName, scalarJson } from './export.ts';
import type { RunData } from './run-data.ts';

export const TENSORBOARD_CSV_HEADER = 'Wall time,Step,Value';

/** Python's `repr(int)` for a step (JavaScript would write 1e21 for large ones). */
const pyIntRepr = (n: number): string => (Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString());

/** One series as TensorBoard's "download CSV" link writes it. */
export function tensorBoardCsv(s: ScalarRows): string {
  let out = `${TENSORBOARD_CSV_HEADER}\r\n`;
  for (let i = 0; i < s.steps.length; i++) out += `${pyFloatRepr(s.wallTimes[i]!)},${pyIntRepr(s.steps[i]!)},${pyFloatRepr(s.values[i]!)}\r\n`;
  return out;
}

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
    out.push({ name, bytes: encoder.encode(format === 'csv' ? tensorBoardCsv(tag.scalars) : scalarJson(tag.scalars)) });
  }
  return out;
}
