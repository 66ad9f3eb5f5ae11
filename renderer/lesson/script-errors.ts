/**
 * Where in the user's script an error happened. The worker runs the compiled code under
 * a `//# sourceURL`, so stack frames inside it name that URL with a line counted from the
 * top of the `new Function` wrapper; subtract the wrapper's lines, then follow the source
 * map back to the TypeScript the user sees in the editor.
 *
 *     locateInScript(err.stack, 'keisan-script.js', 2, map); // { line: 14, column: 3 }
 */
import { originalPosition, type SourceMapV3 } from './source-map.ts';

export interface ScriptLocation {
  readonly line: number;
  readonly column: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The innermost frame of `stack` inside `scriptUrl`, in the original source's 1-based line and column. */
export function locateInScript(stack: string, scriptUrl: string, lineOffset: number, map: SourceMapV3 | null): ScriptLocation | null {
  const frame = new RegExp(`${escape(scriptUrl)}:(\\d+):(\\d+)`);
  for (const text of stack.split('\n')) {
    const m = frame.exec(text);
    if (m === null) continue;
    const line = Number(m[1]) - lineOffset; // 1-based line of the compiled code
    const column = Number(m[2]); // 1-based
    if (map === null) return { line, column };
    const orig = originalPosition(map, line - 1, column - 1);
    return orig === null ? { line, column } : { line: orig.line, column: orig.column };
  }
  return null;
}

/** `file:line Name: message`, the console's form of a script error (just `file` when no frame is in the script). */
export function describeError(fileName: string, where: ScriptLocation | null, error: { name?: string; message?: string } | unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  const headline = typeof e?.message === 'string' ? `${typeof e.name === 'string' ? e.name : 'Error'}: ${e.message}` : String(error);
  return `${where === null ? fileName : `${fileName}:${where.line}`} ${headline}`;
}

/**
 * How many lines `new Function` puts before the body, measured (not assumed: engines
 * differ): a probe throws on its first body line under a sourceURL.
 */
export function measureFunctionLineOffset(makeFunction: (body: string) => () => unknown): number {
  const url = 'keisan-offset-probe.js';
  try {
    makeFunction(`throw new Error('probe');\n//# sourceURL=${url}`)();
  } catch (e) {
    const m = new RegExp(`${escape(url)}:(\\d+):\\d+`).exec(String((e as Error).stack));
    if (m !== null) return Number(m[1]) - 1;
  }
  return 2; // V8's wrapper: "(function anonymous(args\n) {\n"
}
