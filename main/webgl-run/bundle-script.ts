/**
 * Compile a user's model script for the browser: TypeScript stripped, its own local imports
 * bundled in, `keisan` left to the page (which supplies this engine, already configured),
 * CommonJS so the page can hand it `require`, and an inline source map so an error points
 * at the user's line. A compile error throws `ScriptCompileError` naming file:line.
 *
 *     const code = await bundleScript('/home/me/lesson.ts'); // "var tf = require('keisan'); …"
 */
import { relative } from 'node:path';
import type { BuildFailure } from 'esbuild';

export class ScriptCompileError extends Error {
  override name = 'ScriptCompileError';
  constructor(message: string, readonly file: string, readonly line: number) {
    super(message);
  }
}

export async function bundleScript(scriptPath: string): Promise<string> {
  const { build } = await import('esbuild');
  try {
    const out = await build({
      entryPoints: [scriptPath],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      target: 'es2022',
      external: ['keisan'],
      sourcemap: 'inline',
      // Absolute paths in the map's `sources`, so errors map back to real files.
      sourceRoot: '/',
      absWorkingDir: '/',
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  } catch (e) {
    const first = (e as Partial<BuildFailure>).errors?.[0];
    if (first === undefined) throw e;
    const file = first.location?.file ?? relative('/', scriptPath);
    throw new ScriptCompileError(first.text, file.startsWith('/') ? file : `/${file}`, first.location?.line ?? 1);
  }
}
