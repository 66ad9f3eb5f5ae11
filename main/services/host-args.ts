/**
 * The one gate every call from a renderer passes, for both transports (Electron IPC and
 * board HTTP): the method must be one of HOST_METHODS, and each argument must have the
 * type and size its declaration says. What the values *mean* (ids that exist, paths inside
 * the user's folders) NodeHostService checks next.
 */
import { type ExportFormat, type ExportedFile, HOST_METHODS, type HostApi, type HostMethod } from '../../src/host-api.ts';
import { HostError } from './host-error.ts';

/** One event-file append, a script, an export: far below this. Base64 on the wire adds a third. */
export const MAX_BYTES_ARG = 32 * 1024 * 1024;
const MAX_STRING = 64 * 1024;
const MAX_SCRIPT = 1024 * 1024;

type Check = (value: unknown, name: string) => unknown;

const string = (max = MAX_STRING): Check => (v, name) => {
  if (typeof v !== 'string') throw new HostError(`${name} must be a string`);
  if (v.length > max) throw new HostError(`${name} is too long (${v.length} characters; at most ${max})`, 413);
  return v;
};
const id: Check = string(128);
/** `undefined` (and the `null` JSON makes of it inside an array) means: not given. */
const optional = (check: Check): Check => (v, name) => (v === undefined || v === null ? undefined : check(v, name));
const bytes: Check = (v, name) => {
  if (!(v instanceof Uint8Array)) throw new HostError(`${name} must be bytes (Uint8Array)`);
  if (v.length > MAX_BYTES_ARG) throw new HostError(`${name} is too large (${v.length} bytes; at most ${MAX_BYTES_ARG})`, 413);
  return v;
};
const index: Check = (v, name) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new HostError(`${name} must be a non-negative integer`);
  return v;
};
const FORMATS: readonly ExportFormat[] = ['tfevents', 'csv', 'json'];
const format: Check = (v, name) => {
  if (!FORMATS.includes(v as ExportFormat)) throw new HostError(`${name} must be one of ${FORMATS.join(', ')}`);
  return v;
};
const files: Check = (v, name) => {
  if (!Array.isArray(v) || v.length > 10_000) throw new HostError(`${name} must be a list of files`);
  let total = 0;
  return v.map((f: unknown, i): ExportedFile => {
    if (typeof f !== 'object' || f === null) throw new HostError(`${name}[${i}] must be a file`);
    const { name: fileName, bytes: data } = f as Record<string, unknown>;
    const b = bytes(data, `${name}[${i}].bytes`) as Uint8Array;
    total += b.length;
    if (total > 4 * MAX_BYTES_ARG) throw new HostError(`${name} is too large`, 413);
    return { name: string(255)(fileName, `${name}[${i}].name`) as string, bytes: b };
  });
};

/** Argument names and checks, per method, in declaration order. */
const SIGNATURES: Record<HostMethod, readonly (readonly [string, Check])[]> = {
  info: [],
  listRecentProjects: [],
  listOpenProjects: [],
  openProject: [['path', optional(string(4096))]],
  closeProject: [['projectId', id]],
  listLessons: [],
  createLessonProject: [['lessonId', string(64)]],
  readLesson: [['projectId', id]],
  saveLessonScript: [['projectId', id], ['script', string(MAX_SCRIPT)]],
  appendEventBytes: [['projectId', id], ['relativePath', string(1024)], ['bytes', bytes]],
  compileScript: [['source', string(MAX_SCRIPT)], ['fileName', string(255)]],
  listRuns: [],
  listTags: [['runId', id]],
  readScalars: [['runId', id], ['tag', string(4096)]],
  listGraphs: [['runId', id]],
  readGraph: [['runId', id], ['index', index]],
  renameRun: [['runId', id], ['newName', string(1024)]],
  deleteRun: [['runId', id]],
  exportRun: [['runId', id], ['format', format]],
  saveFiles: [['files', files]],
};

export function isHostMethod(name: string): name is HostMethod {
  return (HOST_METHODS as readonly string[]).includes(name);
}

/** Check `args` for `method`; returns them as the method expects. */
export function checkArgs(method: HostMethod, args: unknown): unknown[] {
  if (!Array.isArray(args)) throw new HostError(`${method}: the arguments must be a list`);
  const sig = SIGNATURES[method];
  if (args.length > sig.length) throw new HostError(`${method} takes ${sig.length} argument(s), got ${args.length}`);
  return sig.map(([name, check], i) => check(args[i], `${method}: ${name}`));
}

/** Call `method` on `api` with checked arguments; an unknown method is a 404. */
export async function dispatch(api: HostApi, method: string, args: unknown): Promise<unknown> {
  if (!isHostMethod(method)) throw new HostError(`unknown method '${method}'`, 404);
  const checked = checkArgs(method, args);
  return (api[method] as (...a: unknown[]) => Promise<unknown>)(...checked);
}
