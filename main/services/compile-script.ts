/**
 * Compile a lesson script for the renderer's worker with esbuild's `transform`: types
 * stripped, ES modules to CommonJS (the worker supplies `require('keisan')`), and an
 * inline source map so a runtime error points at the user's own line.
 */
import type { TransformFailure } from 'esbuild';
import type { CompiledScript } from '../../src/host-api.ts';
import { HostError } from './host-error.ts';

/** Scripts are typed by people; a megabyte is far beyond any lesson. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;

function loaderFor(fileName: string): 'ts' | 'js' {
  return /\.(m|c)?js$/i.test(fileName) ? 'js' : 'ts';
}

/**
 * esbuild reports columns as 0-based UTF-8 byte offsets; editors count characters from 1.
 * (A Japanese comment before the error would otherwise shift the caret.)
 */
function characterColumn(lineText: string, byteColumn: number): number {
  return new TextDecoder().decode(new TextEncoder().encode(lineText).subarray(0, byteColumn)).length + 1;
}

export async function compileScript(source: unknown, fileName: unknown): Promise<CompiledScript> {
  if (typeof source !== 'string') throw new HostError('source must be a string');
  if (typeof fileName !== 'string' || fileName === '' || fileName.length > 255 || /[\0\r\n]/.test(fileName)) {
    throw new HostError('fileName must be a file name');
  }
  if (source.length > MAX_SCRIPT_BYTES) throw new HostError(`the script is larger than ${MAX_SCRIPT_BYTES} bytes`, 413);
  // Loaded on first use: the desktop app points esbuild at its unpacked binary before this runs.
  const { transform } = await import('esbuild');
  try {
    const out = await transform(source, { loader: loaderFor(fileName), format: 'cjs', sourcemap: 'inline', sourcefile: fileName, target: 'es2022' });
    return { ok: true, code: out.code };
  } catch (e) {
    const first = (e as Partial<TransformFailure>).errors?.[0];
    if (first === undefined) throw e;
    const loc = first.location;
    return {
      ok: false,
      message: first.text,
      file: loc?.file || fileName,
      line: loc?.line ?? 1,
      column: loc === null || loc === undefined ? 1 : characterColumn(loc.lineText, loc.column),
    };
  }
}
