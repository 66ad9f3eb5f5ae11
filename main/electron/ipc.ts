/**
 * The host API over Electron IPC: one `ipcMain.handle('keisan:<method>')` per method. Each
 * call must come from the app's own page, and its arguments pass the same checks as
 * board's (services/host-args.ts). Answers are `{ ok, value }` / `{ ok: false, error }`,
 * so the renderer sees the host's own message (Electron would wrap a thrown error in
 * "Error invoking remote method …"). Host events go to every window as `keisan:event`.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { HOST_METHODS, type HostApi } from '../../src/host-api.ts';
import { dispatch } from '../services/host-args.ts';
import { isAppUrl } from './app-origin.ts';

export type IpcReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export const EVENT_CHANNEL = 'keisan:event';

export function registerIpc(api: HostApi, devOrigin: string | null): () => void {
  for (const method of HOST_METHODS) {
    ipcMain.handle(`keisan:${method}`, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcReply> => {
      if (!isAppUrl(event.senderFrame?.url, devOrigin)) return { ok: false, error: 'refused: the call did not come from the Keisan page' };
      try {
        return { ok: true, value: await dispatch(api, method, args) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    });
  }
  const unsubscribe = api.subscribe((event) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const method of HOST_METHODS) ipcMain.removeHandler(`keisan:${method}`);
  };
}
