/** A board on 127.0.0.1 (ephemeral port) over a temp logdir and a stand-in built page, and a wire client for it. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type Board, type BoardOptions, startBoard } from '../../main/board/server.ts';
import type { NodeHostService } from '../../main/services/node-host-service.ts';
import { decodeWire, encodeWire } from '../../src/host-api-wire.ts';
import { graphEvent, makeService, onCleanup, scalarEvent, tempDir, writeRun } from '../services/helpers.ts';

/** What `vite build` would leave in out/renderer, in miniature. */
export function rendererDir(): string {
  const dir = tempDir('keisan-renderer-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Keisan</title><script type="module" src="./assets/index-abc.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log("page")');
  fs.writeFileSync(path.join(dir, 'assets', 'script-worker-abc.js'), 'new Function("return 1")()');
  fs.writeFileSync(path.join(dir, 'assets', 'graph-worker-abc.js'), 'postMessage(1)');
  const secret = path.join(tempDir('keisan-secret-'), 'secret.txt');
  fs.writeFileSync(secret, 'secret');
  fs.symlinkSync(secret, path.join(dir, 'leak.txt'));
  return dir;
}

export interface BoardFixture {
  readonly root: string;
  readonly service: NodeHostService;
  readonly board: Board;
  readonly base: string;
}

export async function boardFixture(options: Partial<BoardOptions> = {}): Promise<BoardFixture> {
  const root = tempDir('keisan-logs-');
  writeRun(root, '.', [scalarEvent(0, 'x', 1)]);
  writeRun(root, 'train', [graphEvent(['inputs/x', 'simple_model/formula/add']), scalarEvent(0, 'loss', 2), scalarEvent(1, 'loss', 1)]);
  writeRun(root, 'old', [scalarEvent(0, 'loss', 9)]);
  const trash = tempDir('keisan-trash-');
  const service = makeService({ host: 'board', allowedRoots: [root], projectsDir: root, trash: async (p) => fs.renameSync(p, path.join(trash, path.basename(p))) });
  await service.openTrusted(root);
  const board = await startBoard({ api: service, rendererDir: rendererDir(), port: 0, ...options });
  onCleanup(() => board.close());
  return { root, service, board, base: board.url.replace(/\/$/, '') };
}

export interface HttpReply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** The body as sent. */
  readonly bytes: Uint8Array;
}

/** A raw HTTP request (node:http, so any header can be set, Host and Origin included). */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all.toString('utf8'), bytes: new Uint8Array(all) });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Call a host method over the wire, as the browser client does; throws the server's error message. */
export async function call(base: string, method: string, ...args: unknown[]): Promise<unknown> {
  const reply = await request(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: encodeWire(args) });
  if (reply.status !== 200) throw Object.assign(new Error((decodeWire(reply.body) as { error: string }).error), { status: reply.status });
  return reply.body === '' ? undefined : decodeWire(reply.body);
}
