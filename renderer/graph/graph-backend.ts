/**
 * The page's handle on the graph work: a module worker (bundled by vite from the
 * `new Worker(new URL(…), …)` form), or — where no worker starts (an old bundler, a
 * blocked policy) — the same GraphService on the page, loaded on demand.
 */
import type { Answer, Envelope, GraphReply, GraphRequest } from './graph-protocol.ts';

export interface GraphBackend {
  request<R extends GraphRequest>(request: R): Promise<GraphReply<R>>;
  dispose(): void;
}

type Pending = { request: GraphRequest; resolve: (v: unknown) => void; reject: (e: Error) => void };

class InPageBackend implements GraphBackend {
  private service: Promise<{ handle(r: GraphRequest): Promise<unknown> }> | null = null;
  request<R extends GraphRequest>(request: R): Promise<GraphReply<R>> {
    this.service ??= import('./graph-service.ts').then((m) => new m.GraphService());
    return this.service.then((s) => s.handle(request)) as Promise<GraphReply<R>>;
  }
  dispose(): void {}
}

class WorkerBackend implements GraphBackend {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private fallback: InPageBackend | null = null;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Answer>) => {
      const p = this.pending.get(e.data.seq);
      if (p === undefined) return;
      this.pending.delete(e.data.seq);
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new Error(e.data.message));
    };
    // A worker that fails to load (policy, missing file) errors once: carry on in the page.
    worker.onerror = (e) => {
      e.preventDefault();
      this.useFallback();
    };
  }

  private useFallback(): void {
    this.worker.terminate();
    this.fallback ??= new InPageBackend();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) this.fallback.request(p.request).then(p.resolve, p.reject);
  }

  request<R extends GraphRequest>(request: R): Promise<GraphReply<R>> {
    if (this.fallback !== null) return this.fallback.request(request);
    return new Promise((resolve, reject) => {
      const seq = ++this.seq;
      this.pending.set(seq, { request, resolve: resolve as (v: unknown) => void, reject });
      // The GraphDef's bytes go over as a transferred copy: the original stays for the fallback.
      const sent: GraphRequest = request.type === 'load' ? { type: 'load', bytes: request.bytes.slice() } : request;
      const envelope: Envelope = { seq, request: sent };
      this.worker.postMessage(envelope, sent.type === 'load' ? [sent.bytes.buffer as ArrayBuffer] : []);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the graph view was closed'));
    this.pending.clear();
  }
}

export function startGraphBackend(): GraphBackend {
  try {
    return new WorkerBackend(new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return new InPageBackend();
  }
}
