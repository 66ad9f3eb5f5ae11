/**
 * Session ↔ backend contract, checked with a bookkeeping backend: values are boxes around
 * CPU values, so the test sees every upload, kernel result and dispose. A session must
 * hand kernels only live values, dispose every value exactly once (including fetched ones,
 * after reading them back, and everything left when a kernel fails), and give the same
 * results as the default CPU backend.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { cpuBackend } from '../../src/backend/cpu-backend.ts';
import { BookkeepingBackend } from './bookkeeping-backend.ts';
import { lessonGraph, mlpGraph, train } from './graphs.ts';

describe('Session with a backend', () => {
  test('defaults to the shared CPU backend', () => {
    expect(new tf.Session(new tf.Graph()).backend).toBe(cpuBackend);
  });

  for (const [name, make, steps] of [['lesson', lessonGraph, 30], ['mlp', mlpGraph, 5]] as const) {
    test(`${name}: same losses and variables as the CPU backend; every value disposed once`, () => {
      const backend = new BookkeepingBackend();
      const g = make();
      const viaBackend = train(g, steps, { backend });
      const viaCpu = train(g, steps);
      expect(viaBackend).toEqual(viaCpu);
      expect(backend.problems).toEqual([]);
      expect(backend.disposed).toBe(backend.made);
    });
  }

  test('a tensor fetched twice, a fed tensor fetched, and a fed intermediate are disposed once each', () => {
    const g = new tf.Graph();
    const backend = new BookkeepingBackend();
    const [x, y, z] = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      const y = tf.square(x);
      return [x, y, tf.add(y, 1)];
    });
    const sess = new tf.Session(g, { backend });
    expect(sess.run([y, y, x], { 'x:0': [1, 2] })).toEqual([[1, 4], [1, 4], [1, 2]]);
    expect(sess.run(z, new Map<tf.Tensor, tf.FeedValue>([[x, [1, 2]], [y, [5, 5]]]))).toEqual([6, 6]);
    expect(backend.problems).toEqual([]);
    expect(backend.disposed).toBe(backend.made);
  });

  test('values are disposed when a kernel fails mid-run', () => {
    const g = new tf.Graph();
    const backend = new BookkeepingBackend();
    const [x, out] = g.asDefault(() => {
      const x = tf.placeholder('float32', [null], 'x');
      return [x, tf.add(tf.square(x), tf.constant([1, 2, 3]))];
    });
    const sess = new tf.Session(g, { backend });
    expect(() => sess.run(out, new Map([[x, [1, 2]]]))).toThrow(/Incompatible shapes/);
    expect(backend.problems).toEqual([]);
    expect(backend.disposed).toBe(backend.made);
  });
});
