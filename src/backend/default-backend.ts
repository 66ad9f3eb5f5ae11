/**
 * The backend a `Session` uses when its options name none. A host that runs user scripts
 * (the app's lesson worker, `keisan run --backend webgl`) sets it once before the script
 * runs, so the script's own `new tf.Session()` lands on the chosen backend without the
 * script knowing — as TF 1.x picks the GPU for a plain `tf.Session()` where there is one.
 *
 *     setDefaultBackend(new WebGLBackend(gl));
 *     new tf.Session().backend.name; // 'webgl'
 */
import type { Backend } from './backend.ts';
import { cpuBackend } from './cpu-backend.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let current: Backend<any> = cpuBackend;

/** The backend new sessions use by default (the CPU backend unless a host set another). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getDefaultBackend(): Backend<any> {
  return current;
}

/** Make `backend` the default for sessions created from now on; returns the previous one (to restore). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function setDefaultBackend(backend: Backend<any>): Backend<any> {
  const previous = current;
  current = backend;
  return previous;
}
