/**
 * `Session.run`'s third argument (`RunOptions`): results as `TensorValue`s (flat typed
 * arrays, as TF.js's dataSync gives) in the fetch structure, and typed-array feeds used
 * without a copy.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';

beforeEach(() => tf.resetDefaultGraph());

describe("Session.run with { output: 'tensor-values' }", () => {
  it('hands back dtype, shape and a flat typed array for each fetch, in the fetch structure', () => {
    const a = tf.constant([[1, 2], [3, 4]]);
    const n = tf.constant([7, 8], 'int32');
    const sess = new tf.Session();
    const [va, rest] = sess.run([a.mul(2), { n, op: tf.noOp() }], undefined, { output: 'tensor-values' });
    expect(va.dtype).toBe('float32');
    expect(va.shape).toEqual([2, 2]);
    expect(va.data).toBeInstanceOf(Float32Array);
    expect(Array.from(va.data)).toEqual([2, 4, 6, 8]);
    expect(rest.n.data).toBeInstanceOf(Int32Array);
    expect(Array.from(rest.n.data)).toEqual([7, 8]);
    expect(rest.op).toBeNull();
  });

  it('gives a scalar as a rank-0 value, and the default stays nested JS arrays', () => {
    const s = tf.constant(3).add(1);
    const sess = new tf.Session();
    const v = sess.run(s, undefined, { output: 'tensor-values' });
    expect(v.shape).toEqual([]);
    expect(Array.from(v.data)).toEqual([4]);
    expect(sess.run(s)).toBe(4);
    expect(sess.run(s, undefined, { output: 'js' })).toBe(4);
  });

  it('rejects an unknown output kind by name', () => {
    const sess = new tf.Session();
    expect(() => sess.run(tf.constant(1), undefined, { output: 'numpy' as never })).toThrow(/Unknown run output 'numpy': expected 'js' or 'tensor-values'/);
  });
});

describe('typed-array feeds', () => {
  it('uses a Float32Array of the right length as it is, and copies other array types', () => {
    const x = tf.placeholder('float32', [2, 3]);
    const sess = new tf.Session();
    const data = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const fed = sess.run(x, new Map([[x, { dtype: 'float32', shape: [2, 3], data }]]), { output: 'tensor-values' });
    expect(fed.data).toBe(data);
    const doubles = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const copied = sess.run(x, new Map([[x, { dtype: 'float32', shape: [2, 3], data: doubles as never }]]), { output: 'tensor-values' });
    expect(copied.data).toBeInstanceOf(Float32Array);
    expect(Array.from(copied.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never writes into a fed array, even when it is assigned to a variable that is then updated', () => {
    const x = tf.placeholder('float32', [3]);
    const v = new tf.Variable(tf.zeros([3]));
    const assign = v.assign(x);
    const bump = new tf.train.GradientDescentOptimizer(1).minimize(tf.reduceSum(v)); // ApplyGradientDescent: v -= 1, in place
    const sess = new tf.Session();
    const data = Float32Array.from([1, 2, 3]);
    sess.run(assign, new Map([[x, data]]));
    sess.run(bump);
    expect(sess.run(v)).toEqual([0, 1, 2]);
    expect(Array.from(data)).toEqual([1, 2, 3]);
  });

  it('still checks the fed shape against the placeholder', () => {
    const x = tf.placeholder('float32', [2, 2]);
    const sess = new tf.Session();
    expect(() => sess.run(x, new Map([[x, { dtype: 'float32', shape: [4], data: new Float32Array(4) }]]))).toThrow(/Cannot feed value of shape \(4,\) for Tensor/);
  });
});
