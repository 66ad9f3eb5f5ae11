/**
 * Just enough of Source Map v3 to turn a line of the compiled script back into a line of
 * what the user wrote: read the inline `sourceMappingURL` data URL and decode the
 * Base64-VLQ `mappings` up to the line asked for.
 *
 *     const map = inlineSourceMap(compiled);
 *     originalPosition(map, 41, 8); // { source: 'sgd_function.ts', line: 23, column: 5 }
 */
import { base64ToBytes } from '../../src/host-api-wire.ts';

export interface SourceMapV3 {
  readonly sources: readonly string[];
  readonly mappings: string;
}

export interface OriginalPosition {
  readonly source: string | null;
  /** 1-based, as editors count. */
  readonly line: number;
  readonly column: number;
}

export function inlineSourceMap(code: string): SourceMapV3 | null {
  const m = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (m === null) return null;
  try {
    const map = JSON.parse(new TextDecoder().decode(base64ToBytes(m[1]!))) as SourceMapV3;
    return typeof map.mappings === 'string' && Array.isArray(map.sources) ? map : null;
  } catch {
    return null;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** The signed integers of one VLQ segment (`AAgBC` → [0, 0, 16, 1]). */
export function decodeVlqSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`Invalid VLQ character '${c}'`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return out;
}

/** The original position of a generated 0-based line and column: the last mapping at or before the column on that line. */
export function originalPosition(map: SourceMapV3, line: number, column: number): OriginalPosition | null {
  const lines = map.mappings.split(';');
  // Source index, original line and column are deltas across the whole file; the generated column restarts per line.
  let source = 0, origLine = 0, origCol = 0;
  let best: OriginalPosition | null = null;
  for (let l = 0; l <= line && l < lines.length; l++) {
    let genCol = 0;
    for (const seg of lines[l]!.split(',')) {
      if (seg === '') continue;
      const f = decodeVlqSegment(seg);
      genCol += f[0]!;
      if (f.length < 4) continue;
      source += f[1]!;
      origLine += f[2]!;
      origCol += f[3]!;
      if (l === line && genCol <= column) best = { source: map.sources[source] ?? null, line: origLine + 1, column: origCol + 1 };
      if (l === line && best === null && genCol > column) best = { source: map.sources[source] ?? null, line: origLine + 1, column: origCol + 1 };
    }
  }
  return best;
}
