/**
 * Ops whose int32 parameters shape their program (host-param-kernel.ts): under the backend
 * they draw for float32 without reading their GPU input back, take the CPU kernel for
 * other dtypes, and report TensorFlow's error for bad parameters.
 */
import { expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { createGL } from './gl.ts';

const backend = new WebGLBackend(createGL(), { smallOnCpu: 0 });

test('Sum, Mean, Transpose, Tile and Slice of a GPU value draw, with no readback until the fetch', () => {
  const g = new tf.Graph();
  const [x, out] = g.asDefault(() => {
    const x = tf.placeholder('float32', [2, 3]);
    const y = x.mul(2); // on the GPU
    return [x, [tf.reduceSum(y, 0), tf.reduceMean(y, [1], true), tf.transpose(y), tf.tile(y, [1, 2]), tf.slice(y, [0, 1], [2, 2])]];
  });
  const sess = new tf.Session(g, { backend });
  backend.resetStats();
  const [sum, mean, t, tiled, sliced] = sess.run(out, new Map([[x, [[1, 2, 3], [4, 5, 6]]]]));
  expect(sum).toEqual([10, 14, 18]);
  expect(mean).toEqual([[4], [10]]);
  expect(t).toEqual([[2, 8], [4, 10], [6, 12]]);
  expect(tiled).toEqual([[2, 4, 6, 2, 4, 6], [8, 10, 12, 8, 10, 12]]);
  expect(sliced).toEqual([[4, 6], [10, 12]]);
  // Only the int32 plumbing of Transpose's default perm (Range, Sub, Const) runs on the host, reading nothing back.
  expect([...backend.stats.fallbacks.keys()].filter((t) => ['Sum', 'Mean', 'Transpose', 'Tile', 'Slice'].includes(t))).toEqual([]);
  expect([...backend.stats.fallbackReadbacks.keys()]).toEqual([]);
  expect(backend.stats.downloads).toBe(5); // the five fetches
});

test('an int32 Sum takes the CPU kernel', () => {
  const g = new tf.Graph();
  const s = g.asDefault(() => tf.reduceSum(tf.constant([1, 2, 3], 'int32')));
  backend.resetStats();
  expect(new tf.Session(g, { backend }).run(s)).toBe(6);
  expect(backend.stats.fallbacks.get('Sum')).toBe(1);
});

test("an axis out of range gives TensorFlow's error, as on the CPU", () => {
  const g = new tf.Graph();
  const s = g.asDefault(() => tf.reduceSum(tf.placeholder('float32', [2, 2], 'x'), tf.placeholder('int32', [1], 'axis')));
  const run = (b?: WebGLBackend) => new tf.Session(g, b ? { backend: b } : {}).run(s, { 'x:0': [[1, 2], [3, 4]], 'axis:0': [5] });
  let cpuMessage = '';
  try { run(); } catch (e) { cpuMessage = (e as Error).message; }
  expect(cpuMessage).not.toBe('');
  expect(() => run(backend)).toThrow(cpuMessage);
});
