/**
 * HostApi over HTTP, for `keisan board`: `POST /api/<method>` with the arguments as a wire
 * array, `GET /api/events` as Server-Sent Events. `saveFiles` never reaches the server:
 * in a browser, saving is the browser's own downloads.
 *
 *     const host = createBoardClient({ download: downloadInBrowser }); // same origin as the page
 *     const runs = await host.listRuns();
 */
import { HOST_METHODS, type ExportedFile, type HostApi, type HostEvent, type HostMethod } from '../../src/host-api.ts';
import { decodeWire, encodeWire } from '../../src/host-api-wire.ts';

export interface BoardClientOptions {
  /** Where the API lives (default: this page's origin). */
  readonly base?: string;
  readonly fetch?: typeof fetch;
  /** Opens the event stream (default: the browser's EventSource). */
  readonly eventSource?: (url: string) => EventStream;
  /** Saves one file the browser way (browser-download.ts). */
  readonly download: (file: ExportedFile) => void;
}

/** What we use of an EventSource (kept to these members so tests can stand one in). */
export interface EventStream {
  onmessage: ((e: { readonly data: string }) => void) | null;
  onerror: (() => void) | null;
  onopen: (() => void) | null;
  close(): void;
}

export class HostCallError extends Error {
  constructor(readonly method: string, readonly status: number, message: string) {
    super(message);
    this.name = 'HostCallError';
  }
}

export function createBoardClient(options: BoardClientOptions): HostApi {
  const base = options.base ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const call = async (method: HostMethod, args: unknown[]): Promise<unknown> => {
    const res = await doFetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/octet-stream' },
      body: encodeWire(args),
    });
    if (res.ok && isOctetStream(res.headers.get('content-type'))) return new Uint8Array(await res.arrayBuffer());
    const text = await res.text();
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        const body = decodeWire(text) as { error?: unknown };
        if (typeof body.error === 'string') message = body.error;
      } catch {
        // Not our JSON error body (a proxy's page, say): keep the status line.
      }
      throw new HostCallError(method, res.status, message);
    }
    return text === '' ? undefined : decodeWire(text);
  };

  const api: Record<string, unknown> = {};
  for (const method of HOST_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  api['saveFiles'] = async (files: readonly ExportedFile[]) => {
    for (const file of files) options.download(file);
    return files.length === 0 ? null : 'downloads';
  };
  api['subscribe'] = (listener: (event: HostEvent) => void) => subscribeEvents(`${base}/api/events`, listener, options.eventSource);
  return api as unknown as HostApi;
}

const isOctetStream = (type: string | null): boolean => /^application\/octet-stream\s*(;|$)/i.test(type ?? '');

const browserEventSource = (url: string): EventStream =>
  new (globalThis as unknown as { EventSource: new (url: string) => EventStream }).EventSource(url);

function subscribeEvents(url: string, listener: (event: HostEvent) => void, make: (url: string) => EventStream = browserEventSource): () => void {
  const source = make(url);
  let lostConnection = false;
  source.onmessage = (e) => {
    listener(decodeWire(e.data) as HostEvent);
  };
  source.onerror = () => {
    lostConnection = true; // EventSource reconnects by itself
  };
  source.onopen = () => {
    // Events sent while we were disconnected are gone: ask everyone to re-read.
    if (lostConnection) listener({ type: 'projects-changed' });
    lostConnection = false;
  };
  return () => source.close();
}
