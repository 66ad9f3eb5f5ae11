/**
 * The desktop app's page lives at `keisan://app/`, a privileged custom scheme served from
 * out/renderer by `protocol.handle` (not `file://`, which would let the page read any
 * file by URL and has no per-response headers for the CSP). Under `electron-vite dev`
 * the page comes from vite's dev server instead (ELECTRON_RENDERER_URL, unpackaged only).
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { contentType, resolveRendererFile, securityHeaders } from '../services/renderer-files.ts';

export const SCHEME = 'keisan';
export const APP_ORIGIN = `${SCHEME}://app`;

/** Before `app` is ready: the scheme behaves like https (origin, fetch, workers, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
  ]);
}

/** After ready: serve `rendererDir` at keisan://app/ with the same headers as board. */
export function serveRenderer(rendererDir: string): void {
  let rootReal: Promise<string> | null = null;
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app' || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    rootReal ??= fs.realpath(rendererDir);
    const file = await resolveRendererFile(await rootReal, url.pathname);
    if (file === null) return new Response('Not found', { status: 404, headers: securityHeaders(url.pathname) });
    return new Response(await fs.readFile(file), { headers: { ...securityHeaders(url.pathname), 'Content-Type': contentType(file) } });
  });
}

/** The dev server's origin under `electron-vite dev`, or null. */
export function devServerOrigin(isPackaged: boolean): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether `url` belongs to the app's own page (navigation and IPC are allowed only from there). */
export function isAppUrl(url: string | undefined, devOrigin: string | null): boolean {
  if (url === undefined) return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN || (devOrigin !== null && u.origin === devOrigin);
  } catch {
    return false;
  }
}
