// The board server over real HTTP on 127.0.0.1, ephemeral ports only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PortInUseError, startBoard } from '../../main/board/server.ts';
import { decodeWire } from '../../src/host-api-wire.ts';
import { HOST_METHODS, type HostEvent, type HostMethod, type ProjectInfo, type RunInfo } from '../../src/host-api.ts';
import { eventFile, records, scalarEvent, waitFor } from '../services/helpers.ts';
import { boardFixture, call, rendererDir, request } from './board-fixture.ts';

describe('every host method over HTTP', () => {
  it('round-trips through the wire codec and answers what the service answers', async () => {
    const { root, service, base } = await boardFixture();
    const covered = new Set<HostMethod>();
    const both = async (method: HostMethod, ...args: unknown[]) => {
      covered.add(method);
      const overHttp = await call(base, method, ...args);
      expect(overHttp, method).toEqual(await (service[method] as (...a: unknown[]) => Promise<unknown>)(...args));
      return overHttp;
    };
    const fails = async (method: HostMethod, args: unknown[], status: number, message: RegExp) => {
      covered.add(method);
      await expect(call(base, method, ...args)).rejects.toSatisfy((e: Error & { status?: number }) => e.status === status && message.test(e.message));
    };

    expect(await both('info')).toMatchObject({ host: 'board' });
    const [logs] = (await both('listOpenProjects')) as ProjectInfo[];
    expect(logs!.path).toBe(root);
    await both('listRecentProjects');
    await both('listLessons');
    const runs = (await both('listRuns')) as RunInfo[];
    const train = runs.find((r) => r.name === 'train')!;
    await both('listTags', train.id);
    expect(await both('readScalars', train.id, 'loss')).toMatchObject({ steps: [0, 1], values: [2, 1] });
    await both('listGraphs', train.id);
    const graph = await both('readGraph', train.id, 0);
    expect(graph).toBeInstanceOf(Uint8Array);
    const exported = (await both('exportRun', train.id, 'tfevents')) as { name: string; bytes: Uint8Array }[];
    expect(exported[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect(await both('compileScript', 'const a: number = 1;', 'a.ts')).toMatchObject({ ok: true });

    // Calls that change things: check their effect.
    covered.add('openProject');
    expect(((await call(base, 'openProject', path.join(root, 'train'))) as ProjectInfo).path).toBe(path.join(root, 'train'));
    await fails('openProject', [], 501, /no file dialog/);
    await fails('openProject', [path.dirname(root)], 403, /outside the folders you opened/);
    covered.add('createLessonProject');
    const lesson = (await call(base, 'createLessonProject', 'sgd')) as ProjectInfo;
    expect(lesson).toMatchObject({ path: path.join(root, 'sgd'), lesson: 'sgd' });
    await both('readLesson', lesson.id);
    covered.add('saveLessonScript');
    expect(await call(base, 'saveLessonScript', lesson.id, '// mine\n')).toBeUndefined();
    expect(fs.readFileSync(path.join(root, 'sgd', 'sgd_function.ts'), 'utf8')).toBe('// mine\n');
    covered.add('appendEventBytes');
    const bytes = eventFile([scalarEvent(0, 'loss', 5)]);
    await call(base, 'appendEventBytes', lesson.id, 'tmp/sgd/events.out.tfevents.1.browser', bytes);
    expect(new Uint8Array(fs.readFileSync(path.join(root, 'sgd', 'tmp', 'sgd', 'events.out.tfevents.1.browser')))).toEqual(bytes);
    covered.add('renameRun');
    await call(base, 'renameRun', train.id, 'train-1');
    expect(fs.existsSync(path.join(root, 'train-1'))).toBe(true);
    covered.add('deleteRun');
    const old = runs.find((r) => r.name === 'old')!;
    await call(base, 'deleteRun', old.id);
    expect(fs.existsSync(path.join(root, 'old'))).toBe(false);
    await fails('saveFiles', [[{ name: 'a.csv', bytes: new Uint8Array(1) }]], 501, /downloads/);
    covered.add('closeProject');
    await call(base, 'closeProject', lesson.id);
    expect(((await call(base, 'listOpenProjects')) as ProjectInfo[]).map((p) => p.id)).not.toContain(lesson.id);

    expect([...covered].sort()).toEqual([...HOST_METHODS].sort());
  });
});

describe('the event stream', () => {
  it('delivers run-updated when a run gains events', async () => {
    const { root, base, service } = await boardFixture();
    const train = (await service.listRuns()).find((r) => r.name === 'train')!;
    const received: HostEvent[] = [];
    const req = http.get(`${base}/api/events`, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data !== '') received.push(decodeWire(data) as HostEvent);
        }
      });
    });
    req.on('error', () => undefined); // closed by the board at the end
    await new Promise((r) => setTimeout(r, 100)); // connected
    const start = Date.now();
    fs.appendFileSync(path.join(root, 'train', 'events.out.tfevents.1600000000.test'), records([scalarEvent(2, 'loss', 0.5)]));
    await waitFor(() => received.some((e) => e.type === 'run-updated' && e.runId === train.id), 4000);
    expect(Date.now() - start).toBeLessThan(2000);
    req.destroy();
  });
});

describe('what the server refuses', () => {
  const post = (base: string, pathName: string, body = '[]', headers: Record<string, string> = {}) =>
    request(`${base}${pathName}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('answers bytes as application/octet-stream to a client that accepts them, JSON otherwise', async () => {
    const { service, base } = await boardFixture();
    const train = (await service.listRuns()).find((r) => r.name === 'train')!;
    const expected = await service.readGraph(train.id, 0);
    const ask = (method: string, args: unknown[], accept?: string) => request(`${base}/api/${method}`, {
      method: 'POST', body: JSON.stringify(args), headers: { 'Content-Type': 'application/json', ...(accept === undefined ? {} : { Accept: accept }) },
    });
    const binary = await ask('readGraph', [train.id, 0], 'application/json, application/octet-stream');
    expect(binary.headers['content-type']).toBe('application/octet-stream');
    expect(binary.bytes).toEqual(expected);
    for (const accept of [undefined, '*/*', 'application/json']) {
      const json = await ask('readGraph', [train.id, 0], accept);
      expect(json.headers['content-type'], String(accept)).toMatch(/^application\/json/);
      expect(decodeWire(json.body)).toEqual(expected);
    }
    // Only byte answers change form.
    const runs = await ask('listRuns', [], 'application/octet-stream');
    expect(runs.headers['content-type']).toMatch(/^application\/json/);
    expect(decodeWire(runs.body)).toEqual(await service.listRuns());
  });

  it('answers unknown methods with 404 and a JSON error', async () => {
    const { base } = await boardFixture();
    const r = await post(base, '/api/evalScript');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toEqual({ error: "unknown method 'evalScript'" });
    expect((await post(base, '/api/listRuns/extra')).status).toBe(404);
    expect((await post(base, '/api/subscribe')).status).toBe(404);
  });

  it('refuses other verbs, other content types, bad JSON, bad arguments and big bodies', async () => {
    const { base } = await boardFixture({ maxBodyBytes: 1000 });
    expect((await request(`${base}/api/listRuns`)).status).toBe(405);
    expect((await post(base, '/api/listRuns', '[]', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post(base, '/api/listRuns', '[')).status).toBe(400);
    expect((await post(base, '/api/listTags', '[1]')).status).toBe(400);
    expect((await post(base, '/api/compileScript', JSON.stringify(['x'.repeat(5000), 'a.ts']))).status).toBe(413);
  });

  it('refuses requests from other sites and other host names (CSRF, DNS rebinding)', async () => {
    const { base, board } = await boardFixture();
    expect((await post(base, '/api/listRuns', '[]', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(base, '/api/listRuns', '[]', { Origin: base })).status).toBe(200);
    expect((await post(base, '/api/listRuns', '[]', { Host: `evil.example:${board.port}` })).status).toBe(403);
    expect((await post(base, '/api/listRuns', '[]', { Host: `localhost:${board.port}`, Origin: `http://localhost:${board.port}` })).status).toBe(200);
    expect((await request(`${base}/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });
});

describe('the page', () => {
  it('serves the built renderer with a strict CSP, and the script worker with its own', async () => {
    const { base } = await boardFixture();
    const page = await request(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Keisan</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const worker = await request(`${base}/assets/script-worker-abc.js`);
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    for (const other of ['/assets/index-abc.js', '/assets/graph-worker-abc.js']) {
      expect((await request(`${base}${other}`)).headers['content-security-policy'], other).not.toContain('unsafe-eval');
    }
  });

  it('serves nothing outside the built folder', async () => {
    const { base } = await boardFixture();
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/leak.txt', '/missing.js', '/%00']) {
      expect((await request(`${base}${p}`)).status, p).toBe(404);
    }
  });
});

describe('listening', () => {
  it('binds 127.0.0.1 by default and prints a loopback URL', async () => {
    const { board } = await boardFixture();
    expect(board.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses a port in use with a clear message', async () => {
    const { board, service } = await boardFixture();
    const e = await startBoard({ api: service, rendererDir: rendererDir(), port: board.port }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(PortInUseError);
    expect((e as Error).message).toBe(`port ${board.port} is already in use on 127.0.0.1; stop what uses it or choose another port with --port`);
  });
});
