/**
 * Starts the script worker. Written exactly as `new Worker(new URL(…, import.meta.url))`:
 * that is the form vite recognises to bundle the worker (with the engine) as its own file.
 */
import type { ScriptWorker } from './lesson-runner.ts';

export function startScriptWorker(): ScriptWorker {
  return new Worker(new URL('../worker/script-worker.ts', import.meta.url), { type: 'module' }) as unknown as ScriptWorker;
}
