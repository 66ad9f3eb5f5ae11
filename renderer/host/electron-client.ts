/**
 * HostApi in the desktop app: the preload exposes `window.keisanHost` with one function
 * per method (and `subscribe`). This checks the bridge is complete, so a mismatch between
 * preload and renderer fails at start with a clear message instead of on first use.
 */
import { HOST_METHODS, type HostApi } from '../../src/host-api.ts';

export function createElectronClient(bridge: HostApi | undefined): HostApi {
  if (bridge === undefined) throw new Error('window.keisanHost is missing: the preload script did not run.');
  const methods = [...HOST_METHODS, 'subscribe' as const];
  const missing = methods.filter((m) => typeof bridge[m] !== 'function');
  if (missing.length > 0) throw new Error(`The preload's keisanHost lacks: ${missing.join(', ')}`);
  const api: Record<string, unknown> = {};
  // Call through the bridge object each time: contextBridge exposes plain functions, never `this`-bound methods.
  for (const m of methods) api[m] = (...args: unknown[]) => (bridge[m] as (...a: unknown[]) => unknown)(...args);
  return api as unknown as HostApi;
}
