/**
 * The page side of `keisan run --backend webgl` (bundled by esbuild into an IIFE, run in
 * headless Chromium): make a WebGL2 context on an OffscreenCanvas, make the WebGL backend
 * the default backend, point the engine's host at the Node side (bindings the runner
 * exposes), then run the user's compiled script. Type-checked with tsconfig.node.json (no
 * DOM library), so the few browser names it uses are declared here.
 */
import * as keisan from '../../src/index.ts';
import { setDefaultBackend } from '../../src/backend/default-backend.ts';
import { WebGLBackend, type GL2 } from '../../src/backend/webgl/index.ts';
import type { AppendableFile } from '../../src/host.ts';
import type { PageBindings, PageRunResult, PageSetup, PageStart } from './page-protocol.ts';

declare const OffscreenCanvas: new (width: number, height: number) => { getContext(kind: 'webgl2'): unknown };
declare function btoa(data: string): string;
declare function setTimeout(fn: () => void, ms: number): unknown;
declare function addEventListener(type: 'unhandledrejection' | 'error', listener: (e: { reason?: unknown; error?: unknown }) => void): void;

const page = globalThis as unknown as PageBindings & { keisanPage?: unknown; process?: unknown };
/** The name stack frames give the user's code; the Node side looks for it. */
const SCRIPT_URL = 'keisan-user-script.js';
/** How often buffered event bytes go to Node: often enough for `keisan board` to look live. */
const SEND_MS = 100;

/** Bytes → base64 for a binding (bindings carry JSON); chunked to keep argument lists short. */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * An event file's appends, sent to Node at most `SEND_MS` apart (and on flush and close):
 * one binding call per append would cost more than the lesson's whole training step.
 * The check runs on every append because a training loop never yields to timers.
 */
class BatchedFile implements AppendableFile {
  private chunks: Uint8Array[] = [];
  private last = performance.now();
  constructor(private readonly send: (base64: string) => void, private readonly sync: () => void, private readonly closed: () => void) {}

  append(bytes: Uint8Array): void {
    this.chunks.push(bytes.slice());
    if (performance.now() - this.last >= SEND_MS) this.sendNow();
  }

  sendNow(): void {
    this.last = performance.now();
    if (this.chunks.length === 0) return;
    const all = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      all.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    this.send(toBase64(all));
  }

  flush(): void {
    this.sendNow();
    this.sync();
  }

  close(): void {
    this.sendNow();
    this.closed();
  }
}

const openFiles = new Set<BatchedFile>();

function start(setup: PageSetup): PageStart {
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2') as GL2 | null;
  if (gl === null) return { ok: false, reason: 'this Chromium gives no WebGL2 context' };
  let backend: WebGLBackend;
  try {
    backend = new WebGLBackend(gl, { now: () => performance.now() });
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  setDefaultBackend(backend);
  let nextFileId = 1;
  keisan.setHost({
    print: (line) => void page.keisanHost({ kind: 'print', line }),
    hostname: () => setup.hostname,
    openAppendable: (dir, name) => {
      const id = nextFileId++;
      void page.keisanHost({ kind: 'open', fileId: id, dir, name });
      const file = new BatchedFile((base64) => void page.keisanHost({ kind: 'append', fileId: id, base64 }), () => void page.keisanHost({ kind: 'flush', fileId: id }), () => {
        openFiles.delete(file);
        void page.keisanHost({ kind: 'close', fileId: id });
      });
      openFiles.add(file);
      return file;
    },
  });
  // What the script may read of Node's `process`: --logdir's KEISAN_LOGDIR and its argv.
  page.process = { env: { ...setup.env }, argv: [...setup.argv] };
  return { ok: true, renderer: backend.context.renderer };
}

/** Lines `new Function` puts before the body (engines differ), measured with a probe. */
function functionLineOffset(): number {
  try {
    new Function(`throw new Error('probe');\n//# sourceURL=keisan-offset-probe.js`)();
  } catch (e) {
    const m = /keisan-offset-probe\.js:(\d+):\d+/.exec(String((e as Error).stack));
    if (m !== null) return Number(m[1]) - 1;
  }
  return 2;
}

const describe = (e: unknown, elapsedMs: number): PageRunResult => {
  const err = e instanceof Error ? e : new Error(String(e));
  return { ok: false, elapsedMs, name: err.name, message: err.message, stack: err.stack ?? '', lineOffset: functionLineOffset(), scriptUrl: SCRIPT_URL };
};

async function run(code: string): Promise<PageRunResult> {
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  let late: unknown = null;
  // Errors the script raises later, from its promises or timers, are its errors too.
  addEventListener('unhandledrejection', (e) => (late ??= e.reason ?? new Error('unhandled rejection')));
  addEventListener('error', (e) => (late ??= e.error ?? new Error('uncaught error')));
  const require = (name: string): unknown => {
    if (name === 'keisan') return keisan;
    throw new Error(`Cannot find module '${name}': in the browser a script can import only 'keisan' and its own files.`);
  };
  try {
    const module = { exports: {} as unknown };
    new Function('require', 'module', 'exports', `${code}\n//# sourceURL=${SCRIPT_URL}`)(require, module, module.exports);
  } catch (e) {
    // What the script wrote before it failed is kept, as in a CPU run.
    openFiles.forEach((f) => f.sendNow());
    return describe(e, elapsed());
  }
  // Let promises the script started settle before saying done.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  // Files the script left open still hold bytes.
  openFiles.forEach((f) => f.sendNow());
  return late === null ? { ok: true, elapsedMs: elapsed() } : describe(late, elapsed());
}

page.keisanPage = { start, run };
