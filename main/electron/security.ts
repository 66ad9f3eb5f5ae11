/**
 * The desktop app's locks, applied to every web contents: no new windows, no navigation
 * away from the app, no <webview>, no permissions (camera, notifications, …), and no
 * request leaves the machine — the app is offline by design, so any http(s) request is a
 * bug or an attack and is cancelled.
 */
import { app, session } from 'electron';
import { isAppUrl } from './app-origin.ts';

/** Schemes the page may load from: its own, inline data, object URLs, and devtools' own. */
const LOCAL = /^(keisan|data|blob|devtools|chrome-extension):/;

export function lockDown(devOrigin: string | null): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const stayHome = (e: { preventDefault(): void }, url: string): void => {
      if (!isAppUrl(url, devOrigin)) e.preventDefault();
    };
    contents.on('will-navigate', stayHome);
    contents.on('will-redirect', stayHome);
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // Under `electron-vite dev`, the dev server (http and its hot-reload websocket) is local too.
  const devHost = devOrigin === null ? null : new URL(devOrigin).host;
  s.webRequest.onBeforeRequest((details, callback) => {
    let host = '';
    try {
      host = new URL(details.url).host;
    } catch {
      // not a URL we can read: not local
    }
    callback({ cancel: !(LOCAL.test(details.url) || (devHost !== null && host === devHost)) });
  });
}
