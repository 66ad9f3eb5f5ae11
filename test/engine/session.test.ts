import { beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';

beforeEach(() => tf.resetDefaultGraph());

describe('Session.run', () => {
  it('returns results in the structure of the fetches', () => {
    const a = tf.constant(2);
    const b = tf.constant([[1, 2], [3, 4]]);
    const noop = tf.noOp();
    const sess = new tf.Session();
    expect(sess.run(a)).toBe(2);
    expect(sess.run([a, { m: b, n: [noop] }])).toEqual([2, { m: [[1, 2], [3, 4]], n: [null] }]);
    expect(sess.run('Const:0')).toBe(2);
  });

  it('feeds placeholders by tensor, by name, and with typed arrays', () => {
    const x = tf.nameScope('inputs', () => tf.placeholder('float32', [null, 2]));
    const y = x.mul(2);
    const sess = new tf.Session();
    expect(sess.run(y, new Map([[x, [[1, 2]]]]))).toEqual([[2, 4]]);
    expect(sess.run(y, { 'inputs/Placeholder:0': [[3, 4], [5, 6]] })).toEqual([[6, 8], [10, 12]]);
  });

  it('says which placeholder was not fed, in TF words, naming the node', () => {
    const x = tf.nameScope('inputs', () => tf.placeholder('float32'));
    const sess = new tf.Session();
    expect(() => sess.run(x.add(1))).toThrow(/You must feed a value for placeholder tensor 'inputs\/Placeholder' with dtype float/);
    try {
      sess.run(x.add(1));
    } catch (e) {
      expect((e as tf.InvalidArgumentError).node).toBe('inputs/Placeholder');
    }
  });

  it('rejects a fed value whose shape does not fit', () => {
    const x = tf.placeholder('float32', [null, 1]);
    const sess = new tf.Session();
    expect(() => sess.run(x, new Map([[x, [1, 2, 3]]]))).toThrow(
      "Cannot feed value of shape (3,) for Tensor 'Placeholder:0', which has shape '(?, 1)'",
    );
  });

  it('reports an uninitialized variable in TF words', () => {
    const v = tf.variableScope('m', () => tf.getVariable('w', { shape: [2] }));
    const sess = new tf.Session();
    expect(() => sess.run(v.mul(2))).toThrow(/Attempting to use uninitialized value m\/w/);
  });

  it('keeps variable state across runs', () => {
    const v = new tf.Variable(1, { name: 'counter' });
    const inc = tf.assign(v, v.add(1));
    const sess = new tf.Session();
    sess.run(tf.globalVariablesInitializer());
    sess.run(inc);
    sess.run(inc);
    expect(sess.run(v)).toBe(3);
  });

  it('replans when the graph grows', () => {
    const a = tf.constant(1);
    const sess = new tf.Session();
    expect(sess.run(a)).toBe(1);
    const b = a.add(1);
    expect(sess.run([a, b])).toEqual([1, 2]);
  });

  it('does not run the producer of a fed tensor', () => {
    const x = tf.placeholder('float32', []);
    const y = x.add(1);
    const z = y.mul(2);
    const sess = new tf.Session();
    expect(sess.run(z, new Map([[y, 10]]))).toBe(20);
  });
});
