/** What the Node side of `keisan run --backend webgl` and its page say to each other (JSON values only). */

/**
 * What the page tells the Node side, through the one binding `keisanHost` (a playwright
 * binding: calls arrive in order, while the script runs). Event bytes travel as base64:
 * bindings carry JSON.
 */
export type HostCall =
  | { readonly kind: 'print'; readonly line: string }
  | { readonly kind: 'open'; readonly fileId: number; readonly dir: string; readonly name: string }
  | { readonly kind: 'append'; readonly fileId: number; readonly base64: string }
  | { readonly kind: 'flush'; readonly fileId: number }
  | { readonly kind: 'close'; readonly fileId: number };

export interface PageBindings {
  keisanHost(call: HostCall): Promise<void>;
}

export interface PageSetup {
  readonly hostname: string;
  /** The part of Node's `process.env` the script sees (KEISAN_LOGDIR when --logdir is given). */
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
}

export type PageStart = { readonly ok: true; readonly renderer: string } | { readonly ok: false; readonly reason: string };

export type PageRunResult =
  | { readonly ok: true; readonly elapsedMs: number }
  | {
      readonly ok: false;
      readonly elapsedMs: number;
      readonly name: string;
      readonly message: string;
      readonly stack: string;
      /** Lines the `new Function` wrapper adds before the script's first line. */
      readonly lineOffset: number;
      /** The sourceURL the script's stack frames name. */
      readonly scriptUrl: string;
    };

/** What the page script defines on `globalThis.keisanPage`. */
export interface PageApi {
  start(setup: PageSetup): PageStart;
  run(code: string): Promise<PageRunResult>;
}
