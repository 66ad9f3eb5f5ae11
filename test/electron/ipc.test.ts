// The Electron transport without Electron (its binary is not installed everywhere): the
// preload and the main-process handlers wired through a fake IPC, over a real host service.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_METHODS, type HostApi, type HostEvent } from '../../src/host-api.ts';
import { makeService, scalarEvent, tempDir, waitFor, writeRun } from '../services/helpers.ts';

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  rendererListeners: new Map<string, (e: unknown, payload: unknown) => void>(),
  exposed: new Map<string, unknown>(),
  senderUrl: 'keisan://app/index.html',
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => fake.handlers.set(channel, h),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  BrowserWindow: {
    getAllWindows: () => [{ isDestroyed: () => false, webContents: { send: (ch: string, payload: unknown) => fake.rendererListeners.get(ch)?.({}, payload) } }],
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      const h = fake.handlers.get(channel);
      if (h === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      // IPC copies values (structured clone), as Electron does.
      return h({ senderFrame: { url: fake.senderUrl } }, ...structuredClone(args));
    },
    on: (channel: string, l: (e: unknown, payload: unknown) => void) => fake.rendererListeners.set(channel, l),
    removeListener: (channel: string) => fake.rendererListeners.delete(channel),
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
}));

const { registerIpc } = await import('../../main/electron/ipc.ts');
await import('../../main/electron/preload.ts');
const bridge = fake.exposed.get('keisanHost') as HostApi;

describe('Electron IPC', () => {
  let unregister: () => void = () => {};
  beforeEach(() => {
    unregister();
    fake.senderUrl = 'keisan://app/index.html';
  });

  it('exposes one function per host method plus subscribe, each on its own channel', () => {
    expect(Object.keys(bridge).sort()).toEqual([...HOST_METHODS, 'subscribe'].sort());
    unregister = registerIpc(makeService(), null);
    expect([...fake.handlers.keys()].sort()).toEqual(HOST_METHODS.map((m) => `keisan:${m}`).sort());
  });

  it('carries calls, bytes and host events between the page and a real host', async () => {
    const root = tempDir();
    writeRun(root, 'train', [scalarEvent(0, 'loss', 2)]);
    const host = makeService();
    unregister = registerIpc(host, null);
    await host.openTrusted(root);
    const events: HostEvent[] = [];
    const stop = bridge.subscribe((e) => events.push(e));
    const [run] = await bridge.listRuns();
    expect(await bridge.readScalars(run!.id, 'loss')).toMatchObject({ steps: [0], values: [2] });
    const [file] = await bridge.exportRun(run!.id, 'tfevents');
    expect(file!.bytes).toBeInstanceOf(Uint8Array);
    const [project] = await bridge.listOpenProjects();
    await bridge.appendEventBytes(project!.id, 'new/events.out.tfevents.1.app', file!.bytes);
    await waitFor(() => events.some((e) => e.type === 'runs-changed'));
    stop();
  });

  it("turns the host's refusals into errors with the host's own message", async () => {
    unregister = registerIpc(makeService(), null);
    await expect(bridge.listTags('r404')).rejects.toThrow(/^no run 'r404'/);
    await expect(bridge.readGraph('r1', -1 as number)).rejects.toThrow(/non-negative integer/);
    await expect((bridge.listTags as (x: unknown) => Promise<unknown>)({ toString: 'x' })).rejects.toThrow(/must be a string/);
  });

  it('refuses calls from any page but the app', async () => {
    unregister = registerIpc(makeService(), null);
    fake.senderUrl = 'https://evil.example/';
    await expect(bridge.info()).rejects.toThrow(/did not come from the Keisan page/);
    fake.senderUrl = 'file:///etc/passwd';
    await expect(bridge.info()).rejects.toThrow(/did not come from the Keisan page/);
  });
});
