/** The one HostApi the renderer uses: the Electron bridge when the preload installed it, the board's HTTP API otherwise. */
import type { HostApi } from '../../src/host-api.ts';
import { createBoardClient } from './board-client.ts';
import { downloadInBrowser } from './browser-download.ts';
import { createElectronClient } from './electron-client.ts';

declare global {
  interface Window {
    /** Installed by the desktop app's preload (main/electron/preload.ts). */
    keisanHost?: HostApi;
  }
}

export function connectHost(): HostApi {
  return window.keisanHost !== undefined ? createElectronClient(window.keisanHost) : createBoardClient({ download: downloadInBrowser });
}
