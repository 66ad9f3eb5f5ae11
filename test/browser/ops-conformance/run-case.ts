/**
 * Runs one built op case (test/support/op-cases.ts) in a session on a given backend: the
 * `before` runs in order, then the fetches and gradients in one run, capturing what
 * `tf.print` wrote, so strings and printed lines can be compared too.
 */
import * as tf from '../../../src/index.ts';
import type { BuiltCase } from '../../support/op-cases.ts';

export interface CaseResult {
  readonly fetched: readonly unknown[];
  readonly grads: readonly unknown[];
  readonly printed: readonly string[];
}

/** `makeSession(graph)` gives the session (CPU: `new tf.Session(g)`; WebGL: `new tf.Session(g, { backend })`); it is closed here. */
export function runCase(b: BuiltCase, makeSession: (g: tf.Graph) => tf.Session): CaseResult {
  const printed: string[] = [];
  const previous = tf.setHost({ print: (line) => printed.push(line) });
  const sess = makeSession(b.graph);
  try {
    for (const fetches of b.before) sess.run([...fetches], b.feeds);
    const out = sess.run([...b.fetches, ...b.gradFetches], b.feeds) as unknown[];
    return { fetched: out.slice(0, b.fetches.length), grads: out.slice(b.fetches.length), printed };
  } finally {
    sess.close();
    tf.setHost(previous);
  }
}
