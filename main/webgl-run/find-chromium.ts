/**
 * Which Chromium `keisan run --backend webgl` drives: the one `KEISAN_CHROMIUM` names, else
 * Debian's `/usr/bin/chromium`. A `KEISAN_CHROMIUM` that does not exist is an error, not a
 * reason to try the default: the user asked for that browser.
 *
 *     findChromium(process.env); // '/usr/bin/chromium'
 */
import { existsSync, statSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** No browser to run the script in; the message is one line a user can act on. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

export function findChromium(env: Readonly<Record<string, string | undefined>>, fallback = DEFAULT_CHROMIUM): string {
  const chosen = env['KEISAN_CHROMIUM'];
  if (chosen !== undefined && chosen !== '') {
    if (isFile(chosen)) return chosen;
    throw new BrowserNotFoundError(`no browser for --backend webgl: KEISAN_CHROMIUM=${chosen} is not a file (point it at a Chromium or Chrome binary, or unset it to use ${fallback}).`);
  }
  if (isFile(fallback)) return fallback;
  throw new BrowserNotFoundError(`no browser for --backend webgl: ${fallback} not found (install Chromium, e.g. apt-get install chromium, or set KEISAN_CHROMIUM to a Chromium or Chrome binary).`);
}
