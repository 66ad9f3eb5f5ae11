/**
 * Serving the built renderer (`out/renderer`), the same way in both hosts (board's HTTP
 * server and Electron's `keisan://` protocol): the file for a URL path, its type, and the
 * security headers.
 *
 * The Content-Security-Policy allows nothing from outside the app's own origin. Two
 * exceptions, each for a reason: `style-src 'unsafe-inline'`, because CodeMirror and
 * Cytoscape set styles from script (CodeMirror adds <style> elements); and
 * `'unsafe-eval'` for the script worker only (`assets/script-worker-<hash>.js`, built from
 * renderer/worker/script-worker.ts), which runs the user's compiled lesson script with
 * `new Function` — that is its job — while the page and other workers may not.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './paths.ts';

const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const WORKER_POLICY = ["default-src 'none'", "script-src 'self' 'unsafe-eval'", "connect-src 'self'"].join('; ');

/** Whether a URL path is the script worker's bundle (vite names it after its source file). */
export const isScriptWorker = (urlPath: string): boolean => /^\/assets\/script-worker-[^/]*\.m?js$/.test(urlPath);

export function contentSecurityPolicy(urlPath: string): string {
  return isScriptWorker(urlPath) ? WORKER_POLICY : PAGE_POLICY;
}

/** Headers for every response of the app (files, API, events). */
export function securityHeaders(urlPath: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(urlPath),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `rootReal` (a realpath) that URL path `urlPath` names, or null: `/` is
 * `index.html`; encoded `..`, NUL and links out of the folder all come out null.
 */
export async function resolveRendererFile(rootReal: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  try {
    const real = await fs.realpath(path.join(rootReal, rel));
    if (!isInside(rootReal, real) || !(await fs.stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}
