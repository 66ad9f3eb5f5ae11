/**
 * In a packaged app, node_modules sit inside app.asar, where no program can be executed;
 * electron-builder unpacks esbuild's binary beside it (asarUnpack in electron-builder.yml).
 * esbuild does not look there by itself, so point it at the unpacked copy before its first
 * import (compileScript imports it lazily).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function useUnpackedEsbuild(): void {
  if (process.env['ESBUILD_BINARY_PATH']) return;
  const require = createRequire(import.meta.url);
  const binary = process.platform === 'win32' ? 'esbuild.exe' : 'bin/esbuild';
  try {
    const inAsar = require.resolve(`@esbuild/${process.platform}-${process.arch}/${binary}`);
    const unpacked = inAsar.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (fs.existsSync(unpacked)) process.env['ESBUILD_BINARY_PATH'] = unpacked;
  } catch {
    // Not installed for this platform: compileScript will report esbuild's own error.
  }
}
