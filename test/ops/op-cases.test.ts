/**
 * The op case table (test/support/op-cases.ts) covers every registered op: each op type
 * appears in some case's graph, forward or gradient, so no op — including one added later —
 * skips the both-backends conformance run (test/browser/ops-conformance.test.ts). Also
 * checks that each case builds, names only ops its graph really contains, and runs on the
 * CPU backend. Runs in Node.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { registeredOpTypes } from '../../src/engine/registry.ts';
import { OP_CASES, buildCase } from '../support/op-cases.ts';

const built = OP_CASES.map((c) => ({ c, b: buildCase(c) }));
const typesIn = (g: tf.Graph): Set<string> => new Set(g.operations.map((op) => op.type));

test('every registered op type appears in some case\'s graph', () => {
  const seen = new Set(built.flatMap(({ b }) => [...typesIn(b.graph)]));
  expect(registeredOpTypes().filter((t) => !seen.has(t))).toEqual([]);
});

test('every registered op type is named by some case (its tolerance is chosen for it)', () => {
  const named = new Set(OP_CASES.flatMap((c) => c.covers));
  expect(registeredOpTypes().filter((t) => !named.has(t))).toEqual([]);
});

test('case names are unique', () => {
  expect(new Set(OP_CASES.map((c) => c.name)).size).toBe(OP_CASES.length);
});

describe('each case', () => {
  for (const { c, b } of built) {
    test(c.name, () => {
      const types = typesIn(b.graph);
      expect(c.covers.filter((t) => !types.has(t))).toEqual([]);
      const sess = new tf.Session(b.graph);
      const previous = tf.setHost({ print: () => {} });
      try {
        for (const fetches of b.before) sess.run([...fetches], b.feeds);
        sess.run([...b.fetches, ...b.gradFetches], b.feeds);
      } finally {
        tf.setHost(previous);
        sess.close();
      }
    });
  }
});
