/** Messages between the page and the worker that runs a user's script (structured-clone data only). */

/** The backends a lesson can ask for: WebGL2 (the default in the app) or the CPU reference. */
export type BackendName = 'webgl' | 'cpu';

/** Why the worker ran on the CPU although WebGL was asked for. */
export type FallbackReason =
  /** No OffscreenCanvas, or it gives no `webgl2` context (old browser, GPU blocklisted, WebGL off). */
  | 'no-webgl2'
  /** WebGL2 is there but cannot render to float32 textures (`EXT_color_buffer_float`). */
  | 'no-float-targets'
  /** Setting up the backend failed in another way (the detail says how). */
  | 'failed';

/** The backend a run actually uses, as the worker reports it before the script starts. */
export interface BackendInUse {
  readonly name: BackendName;
  /** The GPU as the driver names it (unmasked where allowed), for WebGL. */
  readonly renderer: string | null;
  /** Set when WebGL was asked for and the CPU is used instead. */
  readonly fallback: { readonly reason: FallbackReason; readonly detail: string } | null;
}

export interface RunRequest {
  readonly type: 'run';
  /** CommonJS from HostApi.compileScript, with its inline source map. */
  readonly code: string;
  /** The script's file name, for error locations (`sgd_function.ts:14`). */
  readonly fileName: string;
  /** The backend the user chose; the worker falls back to the CPU (and says why) where WebGL cannot run. */
  readonly backend: BackendName;
}

export type WorkerMessage =
  | { readonly type: 'backend'; readonly backend: BackendInUse }
  | { readonly type: 'print'; readonly line: string; readonly elapsedMs: number }
  | { readonly type: 'file-open'; readonly fileId: number; readonly dir: string; readonly name: string }
  | { readonly type: 'file-bytes'; readonly fileId: number; readonly bytes: Uint8Array }
  | { readonly type: 'file-close'; readonly fileId: number }
  | { readonly type: 'error'; readonly text: string; readonly line: number | null; readonly elapsedMs: number }
  | { readonly type: 'done'; readonly elapsedMs: number };
