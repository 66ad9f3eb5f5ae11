/** Messages between the page and the worker that runs a user's script (structured-clone data only). */

export interface RunRequest {
  readonly type: 'run';
  /** CommonJS from HostApi.compileScript, with its inline source map. */
  readonly code: string;
  /** The script's file name, for error locations (`sgd_function.ts:14`). */
  readonly fileName: string;
}

export type WorkerMessage =
  | { readonly type: 'print'; readonly line: string; readonly elapsedMs: number }
  | { readonly type: 'file-open'; readonly fileId: number; readonly dir: string; readonly name: string }
  | { readonly type: 'file-bytes'; readonly fileId: number; readonly bytes: Uint8Array }
  | { readonly type: 'file-close'; readonly fileId: number }
  | { readonly type: 'error'; readonly text: string; readonly line: number | null; readonly elapsedMs: number }
  | { readonly type: 'done'; readonly elapsedMs: number };
