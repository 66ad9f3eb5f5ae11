/**
 * The preload (sandboxed): `window.keisanHost`, one function per host method plus
 * `subscribe`, each calling its own IPC channel — never a generic `invoke(channel)` the
 * page could point anywhere. The main process checks every argument.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi, HostEvent, HostMethod } from '../../src/host-api.ts';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

async function call(method: HostMethod, ...args: unknown[]): Promise<never> {
  const reply = (await ipcRenderer.invoke(`keisan:${method}`, ...args)) as Reply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as never;
}

const keisanHost: HostApi = {
  info: () => call('info'),
  listRecentProjects: () => call('listRecentProjects'),
  listOpenProjects: () => call('listOpenProjects'),
  openProject: (path) => call('openProject', path),
  closeProject: (projectId) => call('closeProject', projectId),
  listLessons: () => call('listLessons'),
  createLessonProject: (lessonId) => call('createLessonProject', lessonId),
  readLesson: (projectId) => call('readLesson', projectId),
  saveLessonScript: (projectId, script) => call('saveLessonScript', projectId, script),
  appendEventBytes: (projectId, relativePath, bytes) => call('appendEventBytes', projectId, relativePath, bytes),
  compileScript: (source, fileName) => call('compileScript', source, fileName),
  listRuns: () => call('listRuns'),
  listTags: (runId) => call('listTags', runId),
  readScalars: (runId, tag) => call('readScalars', runId, tag),
  listGraphs: (runId) => call('listGraphs', runId),
  readGraph: (runId, index) => call('readGraph', runId, index),
  renameRun: (runId, newName) => call('renameRun', runId, newName),
  deleteRun: (runId) => call('deleteRun', runId),
  exportRun: (runId, format) => call('exportRun', runId, format),
  saveFiles: (files) => call('saveFiles', files),
  subscribe: (listener) => {
    const handler = (_e: IpcRendererEvent, event: HostEvent): void => listener(event);
    ipcRenderer.on('keisan:event', handler);
    return () => {
      ipcRenderer.removeListener('keisan:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('keisanHost', keisanHost);
