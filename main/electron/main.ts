/**
 * The desktop app's main process: one window showing the renderer at keisan://app/,
 * sandboxed (contextIsolation, sandbox, no Node in the page), talking to the host
 * services through the preload's `window.keisanHost`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import type { ExportFormat } from '../../src/host-api.ts';
import { NodeHostService } from '../services/node-host-service.ts';
import { writeFilesInto } from '../services/run-files.ts';
import { APP_ORIGIN, devServerOrigin, registerAppScheme, serveRenderer } from './app-origin.ts';
import { useUnpackedEsbuild } from './esbuild-binary.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { lockDown } from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
const devOrigin = devServerOrigin(app.isPackaged);

registerAppScheme();
if (app.isPackaged) useUnpackedEsbuild();
// One app instance: a second launch focuses the first window instead, and quits.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

let mainWindow: BrowserWindow | null = null;
const parent = (): BrowserWindow | undefined => mainWindow ?? undefined;

async function pick(properties: ('openDirectory' | 'openFile' | 'createDirectory')[]): Promise<string | null> {
  const options = { properties };
  const w = parent();
  const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
}

const service = new NodeHostService({
  host: 'electron',
  version: app.getVersion(),
  lessonsDir: path.join(resourcesDir, 'lessons'),
  trash: (p) => shell.trashItem(p),
  pickProjectPath: () => pick(['openDirectory']),
  chooseSaveDir: () => pick(['openDirectory', 'createDirectory']),
});

function report(e: unknown): void {
  dialog.showErrorBox('Keisan', e instanceof Error ? e.message : String(e));
}

async function refreshMenu(): Promise<void> {
  const projects = await service.listOpenProjects();
  const menu = buildMenu(app.getLocale().startsWith('ja') ? 'ja' : 'en', await service.listLessons(), await service.listRuns(), new Map(projects.map((p) => [p.id, p.name])), {
    openFolder: () => void pick(['openDirectory']).then((p) => (p === null ? null : service.openTrusted(p))).catch(report),
    // Event files have no extension to filter on (events.out.tfevents.<time>.<host>): the host checks the name.
    openEventFile: () => void pick(['openFile']).then((p) => (p === null ? null : service.openTrusted(p))).catch(report),
    newLessonProject: (id) => void service.createLessonProject(id).catch(report),
    exportRun: (runId: string, format: ExportFormat) =>
      void service.exportRun(runId, format).then(async (files) => {
        const dir = await pick(['openDirectory', 'createDirectory']);
        if (dir !== null) await writeFilesInto(dir, files);
      }).catch(report),
  });
  Menu.setApplicationMenu(menu);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Keisan',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devOrigin !== null ? process.env['ELECTRON_RENDERER_URL']! : `${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  lockDown(devOrigin);
  serveRenderer(path.join(here, '../renderer'));
  registerIpc(service, devOrigin);
  // Rebuild the menu (its Export Run list) when projects or runs come and go; at most every half second.
  let pending: NodeJS.Timeout | null = null;
  service.subscribe((e) => {
    if (e.type === 'run-updated' || pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      void refreshMenu().catch(() => undefined);
    }, 500);
  });
  await refreshMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => service.close());
