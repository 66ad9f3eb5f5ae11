import { describe, expect, it } from 'vitest';
import { HOST_METHODS, type HostApi, type HostEvent } from '../../../src/host-api.ts';
import { decodeWire, encodeWire } from '../../../src/host-api-wire.ts';
import { createBoardClient, HostCallError } from '../../../renderer/host/board-client.ts';
import { createElectronClient } from '../../../renderer/host/electron-client.ts';

/** A fetch that answers like the board server, recording each request. */
function fakeFetch(answer: (method: string, args: unknown[]) => { status: number; body: string }) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const method = url.split('/').pop()!;
    const { status, body } = answer(method, decodeWire(String(init.body)) as unknown[]);
    return new Response(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const noDownload = (): void => {
  throw new Error('no download expected');
};

class FakeEventSource {
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
}

describe('board client', () => {
  it('posts each method with its arguments as wire JSON, bytes included, and decodes the answer', async () => {
    const bytes = Uint8Array.of(0, 1, 254, 255);
    const { fetch, calls } = fakeFetch((method, args) => ({ status: 200, body: encodeWire({ method, args }) }));
    const host = createBoardClient({ fetch, base: 'http://127.0.0.1:6006', download: noDownload });
    const answer = (await host.appendEventBytes('p1', 'tmp/sgd/e', bytes)) as unknown as { method: string; args: unknown[] };
    expect(answer).toEqual({ method: 'appendEventBytes', args: ['p1', 'tmp/sgd/e', bytes] });
    expect(calls[0]!.url).toBe('http://127.0.0.1:6006/api/appendEventBytes');
    expect(calls[0]!.init.method).toBe('POST');
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
  });

  it('accepts raw bytes and returns an octet-stream answer as they are, not as JSON', async () => {
    const graph = Uint8Array.of(10, 3, 0, 128, 255);
    const calls: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(graph, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    }) as unknown as typeof globalThis.fetch;
    const bytes = await createBoardClient({ fetch, download: noDownload }).readGraph('run-1', 0);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...graph]);
    expect(new Headers(calls[0]!.headers).get('accept')).toBe('application/json, application/octet-stream');
    // A server that answers JSON (an older board) still works.
    const { fetch: jsonFetch } = fakeFetch(() => ({ status: 200, body: encodeWire(graph) }));
    expect([...(await createBoardClient({ fetch: jsonFetch, download: noDownload }).readGraph('run-1', 0))]).toEqual([...graph]);
  });

  it('has every host method', () => {
    const host = createBoardClient({ fetch: fakeFetch(() => ({ status: 200, body: '' })).fetch, download: noDownload });
    for (const m of [...HOST_METHODS, 'subscribe' as const]) expect(typeof host[m], m).toBe('function');
  });

  it('turns an error answer into an error with the host message', async () => {
    const { fetch } = fakeFetch(() => ({ status: 403, body: JSON.stringify({ error: "'/etc' is outside the opened folders" }) }));
    const err = await createBoardClient({ fetch, download: noDownload }).openProject('/etc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostCallError);
    expect(err).toMatchObject({ status: 403, method: 'openProject', message: "'/etc' is outside the opened folders" });
    const { fetch: proxy } = fakeFetch(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    await expect(createBoardClient({ fetch: proxy, download: noDownload }).listRuns()).rejects.toThrow('502 Error');
  });

  it('saves files as browser downloads, never through the server', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: '' }));
    const downloaded: string[] = [];
    const host = createBoardClient({ fetch, download: (f) => downloaded.push(f.name) });
    expect(await host.saveFiles([{ name: 'a.csv', bytes: new Uint8Array() }, { name: 'b.csv', bytes: new Uint8Array() }])).toBe('downloads');
    expect(await host.saveFiles([])).toBeNull();
    expect(downloaded).toEqual(['a.csv', 'b.csv']);
    expect(calls).toEqual([]);
  });

  it('delivers server-sent events, asks for a full re-read after a lost connection, and closes on unsubscribe', () => {
    let source: FakeEventSource | null = null;
    const host = createBoardClient({ download: noDownload, eventSource: (url) => (source = new FakeEventSource(url)) });
    const seen: HostEvent[] = [];
    const off = host.subscribe((e) => seen.push(e));
    const s = source as unknown as FakeEventSource;
    expect(s.url).toBe('/api/events');
    s.onopen?.();
    s.onmessage?.({ data: encodeWire({ type: 'run-updated', runId: 'r1' }) });
    s.onerror?.();
    s.onopen?.();
    expect(seen).toEqual([{ type: 'run-updated', runId: 'r1' }, { type: 'projects-changed' }]);
    off();
    expect(s.closed).toBe(true);
  });
});

describe('electron client', () => {
  it('calls through the preload bridge, one function per method', async () => {
    const bridge = Object.fromEntries([...HOST_METHODS, 'subscribe'].map((m) => [m, (...args: unknown[]) => ({ m, args })])) as unknown as HostApi;
    const host = createElectronClient(bridge);
    expect(await host.readScalars('r1', 'loss')).toEqual({ m: 'readScalars', args: ['r1', 'loss'] });
  });

  it('refuses a bridge that lacks methods, naming them', () => {
    expect(() => createElectronClient({ info: () => null } as unknown as HostApi)).toThrow(/lacks: listRecentProjects, .*subscribe/);
    expect(() => createElectronClient(undefined)).toThrow(/preload/);
  });
});
