/**
 * What `keisan run` prints when a script throws: where in the script (file:line, from the
 * source-mapped stack, so TypeScript lines are the ones in the editor) and the error.
 *
 *     lesson.ts:14
 *     ValueError: Variable simple_model/weights/a already exists, disallowed. …
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `path:line` of the innermost stack frame inside `scriptPath`, if any. */
export function scriptLocation(stack: string, scriptPath: string): { line: number; column: number } | null {
  for (const frame of stack.split('\n')) {
    // V8 frames: "    at fn (/abs/file.ts:12:5)" or "    at /abs/file.ts:12:5", sometimes file:// URLs.
    const m = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(frame);
    if (m === null) continue;
    const file = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    if (file === scriptPath) return { line: Number(m[2]), column: Number(m[3]) };
  }
  return null;
}

/** The script's path as the user would write it: relative to the working directory when inside it. */
export function displayPath(scriptPath: string, cwd = process.cwd()): string {
  const rel = relative(cwd, scriptPath);
  return rel.startsWith(`..${sep}`) || rel === '..' ? scriptPath : rel;
}

export function describeScriptError(e: unknown, scriptPath: string): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const headline = `${err.name}: ${err.message}`;
  // A compile error names the place in its message (esbuild: "/abs/lesson.ts:3:18: ERROR: …").
  const where = scriptLocation(err.stack ?? '', scriptPath) ?? scriptLocation(err.message.split('\n').map((l) => l.replace(/: ERROR: .*$/, '')).join('\n'), scriptPath);
  if (where !== null) return `${displayPath(scriptPath)}:${where.line}\n${headline}`;
  // No frame in the script (an error raised outside it): show the whole stack.
  return `${displayPath(scriptPath)}\n${err.stack ?? headline}`;
}
