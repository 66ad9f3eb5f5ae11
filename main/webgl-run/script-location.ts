/**
 * Where in the user's files an error raised in the page happened: the innermost stack frame
 * in the script's sourceURL, less the `new Function` wrapper's lines, followed back through
 * the bundle's inline source map (Node's own `SourceMap` reads it) to the original file.
 *
 *     mapScriptFrame(stack, 'keisan-user-script.js', 2, code); // { file: '/home/me/lesson.ts', line: 14 }
 */
import { SourceMap } from 'node:module';

export interface OriginalFrame {
  readonly file: string;
  /** 1-based, as editors count. */
  readonly line: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The source map esbuild appended to `code` (`//# sourceMappingURL=data:…;base64,…`), if any. */
export function inlineSourceMap(code: string): SourceMap | null {
  const m = /\/\/# sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (m === null) return null;
  try {
    return new SourceMap(JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')));
  } catch {
    return null;
  }
}

export function mapScriptFrame(stack: string, scriptUrl: string, lineOffset: number, code: string): OriginalFrame | null {
  const frame = new RegExp(`${escape(scriptUrl)}:(\\d+):(\\d+)`);
  const map = inlineSourceMap(code);
  for (const text of stack.split('\n')) {
    const m = frame.exec(text);
    if (m === null) continue;
    const line = Number(m[1]) - lineOffset;
    const column = Number(m[2]);
    if (map === null) return null;
    const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number };
    if (entry.originalSource === undefined || entry.originalLine === undefined) continue;
    const file = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : entry.originalSource;
    return { file: file.startsWith('/') ? file : `/${file}`, line: entry.originalLine + 1 };
  }
  return null;
}
