/** The graph worker: answers GraphRequests (see graph-protocol.ts) one at a time, in order. */
import type { Answer, Envelope } from './graph-protocol.ts';
import { GraphService } from './graph-service.ts';

const service = new GraphService();
const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage(a: Answer, transfer?: Transferable[]): void };
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const { seq, request } = e.data;
  queue = queue.then(async () => {
    try {
      const value = await service.handle(request);
      const boxes = (value as { boxes?: unknown }).boxes;
      scope.postMessage({ seq, ok: true, value }, boxes instanceof Float64Array ? [boxes.buffer] : []);
    } catch (err) {
      scope.postMessage({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  });
};
