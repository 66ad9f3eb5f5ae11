/**
 * The dedicated worker that runs a user's script, on the WebGL backend (a WebGL2 context on
 * an OffscreenCanvas, made the default backend before the script runs, so its plain
 * `new tf.Session()` lands there) or on the CPU backend when chosen or when WebGL cannot
 * run here (the page is told which, and why). The engine is bundled in; the compiled
 * CommonJS gets `require('keisan')` → the engine. `tf.print` lines and event-file bytes go
 * to the page, which shows the lines and hands the bytes to the host. One worker per run:
 * Stop terminates it, and every run starts from a fresh default graph and a fresh context.
 */
import * as keisan from '../../src/index.ts';
import { type GL2, WebGLBackend } from '../../src/backend/webgl/index.ts';
import { chooseBackend } from './backend-choice.ts';
import { inlineSourceMap } from '../lesson/source-map.ts';
import { describeError, locateInScript, measureFunctionLineOffset } from '../lesson/script-errors.ts';
import { BufferedFile } from './buffered-file.ts';
import type { RunRequest, WorkerMessage } from './protocol.ts';

/** The name stack frames give the user's code (see script-errors.ts). */
const SCRIPT_URL = 'keisan-user-script.js';
const FLUSH_MS = 200;

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
  addEventListener(type: 'unhandledrejection', listener: (e: PromiseRejectionEvent) => void): void;
};

const post = (message: WorkerMessage, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
const makeFunction = (body: string, ...params: string[]): ((...args: unknown[]) => unknown) =>
  // Running the user's own code is this worker's purpose; it has no access to the page or the host.
  new Function(...params, body) as (...args: unknown[]) => unknown;

/** A WebGL2 context on a 1×1 OffscreenCanvas (the worker never draws to the screen), or null. */
function offscreenWebGL2(): GL2 | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  return new OffscreenCanvas(1, 1).getContext('webgl2') as GL2 | null;
}

function requireModule(name: string): unknown {
  if (name === 'keisan') return keisan;
  throw new Error(`Cannot find module '${name}': scripts run in the app can import only 'keisan'.`);
}

function run(request: RunRequest): void {
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  const files = new Set<BufferedFile>();
  let nextFileId = 1;
  keisan.setHost({
    print: (line) => post({ type: 'print', line, elapsedMs: elapsed() }),
    hostname: () => 'keisan',
    openAppendable: (dir, name) => {
      const fileId = nextFileId++;
      post({ type: 'file-open', fileId, dir, name });
      const file = new BufferedFile(
        (bytes) => post({ type: 'file-bytes', fileId, bytes }, [bytes.buffer]),
        () => performance.now(),
        FLUSH_MS,
        () => {
          files.delete(file);
          post({ type: 'file-close', fileId });
        },
      );
      files.add(file);
      return file;
    },
  });
  // For scripts that wait (timers, promises): their appends still reach the page on time.
  setInterval(() => files.forEach((f) => f.tick()), FLUSH_MS);

  const { backend, inUse } = chooseBackend(request.backend, offscreenWebGL2);
  keisan.setDefaultBackend(backend);
  post({ type: 'backend', backend: inUse });
  // A lost GPU context (driver reset, another tab's load) and its restore reach the Console,
  // so a student sees why training paused and from which run its variables came back.
  if (backend instanceof WebGLBackend) backend.onContextEvent((e) => post({ type: 'print', line: `[keisan] ${e.message}`, elapsedMs: elapsed() }));

  const lineOffset = measureFunctionLineOffset((body) => makeFunction(body) as () => unknown);
  const map = inlineSourceMap(request.code);
  const fail = (e: unknown): void => {
    files.forEach((f) => f.flush());
    const stack = e instanceof Error ? (e.stack ?? '') : '';
    const where = locateInScript(stack, SCRIPT_URL, lineOffset, map);
    post({ type: 'error', text: describeError(request.fileName, where, e), line: where?.line ?? null, elapsedMs: elapsed() });
  };
  scope.addEventListener('unhandledrejection', (e) => fail(e.reason));
  try {
    const module = { exports: {} as unknown };
    makeFunction(`${request.code}\n//# sourceURL=${SCRIPT_URL}`, 'require', 'module', 'exports')(requireModule, module, module.exports);
    // Files the script left open still hold bytes: hand them over before saying done.
    files.forEach((f) => f.flush());
    post({ type: 'done', elapsedMs: elapsed() });
  } catch (e) {
    fail(e);
  }
}

scope.onmessage = (e) => {
  if (e.data.type === 'run') run(e.data);
};
