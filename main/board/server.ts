/**
 * `keisan board`'s web server: the built renderer, `POST /api/<method>` (body and answer in
 * the wire codec, src/host-api-wire.ts), and `GET /api/events` (Server-Sent Events of
 * HostEvents). It binds loopback unless told otherwise.
 *
 * A method that answers bytes (readGraph, a graph of megabytes) answers them as they are,
 * `application/octet-stream`, to a request that accepts that type: base64 in JSON is a
 * third larger and costs the page a decode on its main thread. Other requests get the
 * wire codec's `{"$bytes": …}` as before.
 *
 * A page on any other site open in the same browser can send requests to 127.0.0.1 too.
 * So: requests whose `Origin` is not this server's own are refused (cross-site request
 * forgery), the API takes only `application/json` bodies (so no cross-origin form or
 * "simple" request reaches it without a CORS preflight, which we never grant), and on
 * loopback the `Host` header must name loopback (DNS rebinding).
 *
 *     const board = await startBoard({ api, rendererDir: 'out/renderer', port: 0 });
 *     console.log(board.url); // http://127.0.0.1:41234/
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import { decodeWire, encodeWire } from '../../src/host-api-wire.ts';
import type { HostApi, HostEvent } from '../../src/host-api.ts';
import { dispatch, MAX_BYTES_ARG } from '../services/host-args.ts';
import { HostError } from '../services/host-error.ts';
import { contentType, resolveRendererFile, securityHeaders } from '../services/renderer-files.ts';

export interface BoardOptions {
  readonly api: HostApi;
  /** The built renderer (out/renderer); it may appear after the server starts (board binds first, then builds). */
  readonly rendererDir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 6006 (TensorBoard's); 0 picks a free port. */
  readonly port?: number;
  /** Largest request body (default: the largest bytes argument, base64-encoded, plus room). */
  readonly maxBodyBytes?: number;
}

export interface Board {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The port is taken; `message` is the one line to show. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const DEFAULT_MAX_BODY = Math.ceil((MAX_BYTES_ARG * 4) / 3) + 1024 * 1024;

/** `host:port` as a URL authority (IPv6 in brackets). */
const authority = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

function hostnameOf(hostHeader: string): string {
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d+$/, '');
}

/** Whether the request's Accept header names application/octet-stream (not just `*\/*`). */
const acceptsBytes = (req: http.IncomingMessage): boolean => /(^|,)\s*application\/octet-stream\s*(;|,|$)/i.test(req.headers.accept ?? '');

function send(res: http.ServerResponse, status: number, body: string | Uint8Array, type: string, urlPath: string): void {
  res.writeHead(status, { ...securityHeaders(urlPath), 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const sendError = (res: http.ServerResponse, status: number, message: string, urlPath: string): void =>
  send(res, status, encodeWire({ error: message }), 'application/json; charset=utf-8', urlPath);

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new HostError(`request body too large (${declared} bytes; at most ${limit})`, 413));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HostError(`request body too large (at most ${limit} bytes)`, 413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBoard(options: BoardOptions): Promise<Board> {
  const bindHost = options.host ?? '127.0.0.1';
  const loopbackOnly = LOOPBACK.has(bindHost);
  let rendererReal: string | null = null;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const streams = new Set<http.ServerResponse>();

  async function api(req: http.IncomingMessage, res: http.ServerResponse, method: string, urlPath: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, `use POST for /api/${method}`, urlPath);
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendError(res, 415, 'the body must be application/json', urlPath);
    try {
      const args = decodeWire(await readBody(req, maxBody));
      const result = await dispatch(options.api, method, args);
      if (result instanceof Uint8Array && acceptsBytes(req)) return send(res, 200, result, 'application/octet-stream', urlPath);
      send(res, 200, result === undefined ? '' : encodeWire(result), 'application/json; charset=utf-8', urlPath);
    } catch (e) {
      if (e instanceof HostError) return sendError(res, e.status, e.message, urlPath);
      if (e instanceof SyntaxError) return sendError(res, 400, `the body is not valid JSON: ${e.message}`, urlPath);
      process.stderr.write(`keisan board: /api/${method} failed: ${(e as Error).stack ?? String(e)}\n`);
      sendError(res, 500, (e as Error).message ?? String(e), urlPath);
    }
  }

  function events(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): void {
    res.writeHead(200, { ...securityHeaders(urlPath), 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const unsubscribe = options.api.subscribe((e: HostEvent) => res.write(`data: ${encodeWire(e)}\n\n`));
    // A comment now and then keeps proxies and idle timers from closing the stream.
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function file(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'method not allowed', urlPath);
    }
    rendererReal ??= await fs.realpath(options.rendererDir).catch(() => null);
    const found = rendererReal === null ? null : await resolveRendererFile(rendererReal, urlPath);
    if (found === null) return send(res, 404, 'Not found\n', 'text/plain; charset=utf-8', urlPath);
    const body = await fs.readFile(found);
    // Built assets carry a content hash in their names; everything else is re-checked.
    const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...securityHeaders(urlPath), 'Content-Type': contentType(found), 'Cache-Control': cache, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    const urlPath = (req.url ?? '/').split('?')[0]!;
    if (loopbackOnly && !LOOPBACK.has(hostnameOf(hostHeader))) return sendError(res, 403, 'this server answers only to 127.0.0.1 / localhost', urlPath);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader}`) return sendError(res, 403, 'requests from other sites are refused', urlPath);
    if (req.headers['sec-fetch-site'] === 'cross-site') return sendError(res, 403, 'requests from other sites are refused', urlPath);
    const handle = async (): Promise<void> => {
      if (urlPath === '/api/events' && req.method === 'GET') return events(req, res, urlPath);
      const m = /^\/api\/([^/]*)$/.exec(urlPath);
      if (m !== null) return api(req, res, m[1]!, urlPath);
      if (urlPath.startsWith('/api/')) return sendError(res, 404, `unknown API path '${urlPath}'`, urlPath);
      return file(req, res, urlPath);
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, (e as Error).message, urlPath);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new PortInUseError(`port ${options.port ?? 6006} is already in use on ${bindHost}; stop what uses it or choose another port with --port`));
      else if (e.code === 'EACCES') reject(new PortInUseError(`not allowed to listen on port ${options.port ?? 6006} of ${bindHost}; choose a port above 1023 with --port`));
      else reject(e);
    });
    server.listen({ host: bindHost, port: options.port ?? 6006 }, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${authority(bindHost, port)}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
