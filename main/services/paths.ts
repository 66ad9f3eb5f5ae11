/**
 * Where Keisan keeps its settings and new projects, and the one check every path
 * argument goes through: after resolving symbolic links, it must lie inside a folder
 * the user opened. A renderer (or a web page talking to `keisan board`) is never trusted
 * to name an arbitrary file.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HostError, outsideError } from './host-error.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The per-user settings folder, as each OS expects it: `$XDG_CONFIG_HOME/keisan`
 * (default `~/.config/keisan`), `%APPDATA%\Keisan`, `~/Library/Application Support/Keisan`.
 * `KEISAN_CONFIG_DIR` overrides it (tests, portable installs).
 */
export function userConfigDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const override = env['KEISAN_CONFIG_DIR'];
  if (override) return path.resolve(override);
  if (platform === 'win32') return path.join(env['APPDATA'] || path.join(home, 'AppData', 'Roaming'), 'Keisan');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Keisan');
  return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), 'keisan');
}

/** Where new lesson projects go on the desktop: `KEISAN_PROJECTS_DIR`, default `~/Keisan`. */
export function defaultProjectsDir(env: Env = process.env, home = os.homedir()): string {
  const override = env['KEISAN_PROJECTS_DIR'];
  return override ? path.resolve(override) : path.join(home, 'Keisan');
}

// Windows and macOS file systems usually ignore case: `C:\Data` and `c:\data` are one folder.
const foldCase = process.platform === 'win32' || process.platform === 'darwin';
const norm = (p: string): string => (foldCase ? p.toLowerCase() : p);

/** Whether absolute path `p` is `root` itself or lies below it (lexically: resolve links first). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(norm(root), norm(p));
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * `p` with every symbolic link resolved. A path that does not exist yet (a file about to
 * be created) resolves through its nearest existing ancestor, so a link anywhere above
 * it is still followed before the inside-check.
 */
export async function realpathOrNearest(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let cur = abs; ; ) {
    try {
      return path.join(await fs.realpath(cur), ...rest.reverse());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** Reject what no honest caller sends: empty strings, NUL bytes, absurd lengths. */
export function checkPathString(what: string, p: unknown): string {
  if (typeof p !== 'string' || p.length === 0) throw new HostError(`${what} must be a non-empty string`);
  if (p.includes('\0')) throw new HostError(`${what} must not contain NUL characters`);
  if (p.length > 4096) throw new HostError(`${what} is too long`);
  return p;
}

/**
 * A path *relative to* a project folder, checked and resolved: no absolute paths, no
 * `..` segments, and after links are resolved still inside `rootReal` (itself a realpath).
 * Returns the resolved absolute path.
 */
export async function resolveInside(rootReal: string, relative: unknown, what = 'path'): Promise<string> {
  const rel = checkPathString(what, relative);
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) throw new HostError(`${what} '${rel}' must be relative to the project`, 403);
  const parts = rel.split(/[\\/]+/);
  if (parts.some((s) => s === '..')) throw outsideError(what, rel);
  const real = await realpathOrNearest(path.join(rootReal, ...parts));
  if (!isInside(rootReal, real)) throw outsideError(what, rel);
  return real;
}

/** The realpath of an absolute path argument, which must exist and lie inside one of `roots` (realpaths). */
export async function resolveExistingInside(roots: readonly string[], p: unknown, what = 'path'): Promise<string> {
  const given = checkPathString(what, p);
  if (!path.isAbsolute(given)) throw new HostError(`${what} '${given}' must be an absolute path`);
  let real: string;
  try {
    real = await fs.realpath(given);
  } catch {
    throw new HostError(`${what} '${given}' does not exist`, 404);
  }
  if (!roots.some((r) => isInside(r, real))) throw outsideError(what, given);
  return real;
}
