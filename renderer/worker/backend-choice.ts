/**
 * Pick the backend a lesson runs on, in the worker: WebGL2 when asked for and this browser
 * can render float32 textures, else the CPU backend with the reason, for the notice the
 * user sees. The context comes from a factory so this runs (and is tested) anywhere.
 *
 *     const { backend, inUse } = chooseBackend('webgl', () => new OffscreenCanvas(1, 1).getContext('webgl2'));
 *     setDefaultBackend(backend); // inUse: { name: 'webgl', renderer: 'ANGLE (…)', fallback: null }
 */
import type { Backend } from '../../src/backend/backend.ts';
import { cpuBackend } from '../../src/backend/cpu-backend.ts';
import { type GL2, WebGLBackend, WebGLUnsupportedError } from '../../src/backend/webgl/index.ts';
import type { BackendInUse, BackendName, FallbackReason } from './protocol.ts';

export interface ChosenBackend {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly backend: Backend<any>;
  readonly inUse: BackendInUse;
}

const onCpu = (reason: FallbackReason, detail: string): ChosenBackend => ({
  backend: cpuBackend,
  inUse: { name: 'cpu', renderer: null, fallback: { reason, detail } },
});

export function chooseBackend(requested: BackendName, makeContext: () => GL2 | null, now: () => number = () => performance.now()): ChosenBackend {
  if (requested === 'cpu') return { backend: cpuBackend, inUse: { name: 'cpu', renderer: null, fallback: null } };
  let gl: GL2 | null;
  try {
    gl = makeContext();
  } catch (e) {
    return onCpu('no-webgl2', (e as Error).message);
  }
  if (gl === null) return onCpu('no-webgl2', 'OffscreenCanvas gives no webgl2 context in this browser');
  try {
    const backend = new WebGLBackend(gl, { now });
    return { backend, inUse: { name: 'webgl', renderer: backend.context.renderer, fallback: null } };
  } catch (e) {
    return onCpu(e instanceof WebGLUnsupportedError ? 'no-float-targets' : 'failed', (e as Error).message);
  }
}
