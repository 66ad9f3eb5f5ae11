/**
 * One graph trained on the CPU and on WebGL side by side, for the fold tests
 * (webgl-matmul-update, webgl-reduce-update, webgl-softmax-xent-fold): one session per
 * backend, so every batch size runs through the same cached plan, and the names of the
 * WebGL programs drawn, so a test can tell whether a fold happened.
 */
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { createGL } from './gl.ts';

export interface TrainedBoth {
  /** Per batch: what `fetches` returned on each backend. */
  readonly results: { cpu: unknown[]; gl: unknown[] }[];
  /** Every WebGL program run, by name, in order. */
  readonly drawn: string[];
  /** `after` read on each backend once all batches ran (the variables the updates wrote). */
  readonly final: { cpu: unknown; gl: unknown };
}

/** Runs the graph's variable initializer, then `fetches` with `feedsFor(batch, i)` for each batch size. */
export function trainBoth(
  graph: tf.Graph, batches: readonly number[], fetches: (tf.Tensor | tf.Operation)[],
  feedsFor: (batch: number, i: number) => Map<tf.Tensor, tf.FeedValue>, after: tf.Tensor | tf.Tensor[],
): TrainedBoth {
  const backend = new WebGLBackend(createGL());
  const drawn: string[] = [];
  const run = backend.context.run.bind(backend.context);
  backend.context.run = (p, t) => { drawn.push(p.name); return run(p, t); };
  const cpu = new tf.Session(graph);
  const gl = new tf.Session(graph, { backend });
  const init = graph.asDefault(() => tf.globalVariablesInitializer());
  cpu.run(init);
  gl.run(init);
  const results = batches.map((batch, i) => {
    const f = feedsFor(batch, i);
    return { cpu: cpu.run(fetches, f) as unknown[], gl: gl.run(fetches, f) as unknown[] };
  });
  return { results, drawn, final: { cpu: cpu.run(after), gl: gl.run(after) } };
}
