import { beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';

beforeEach(() => tf.resetDefaultGraph());

const names = () => tf.getDefaultGraph().operations.map((o) => o.name);

describe('tf.gradients (TF 1.x driver)', () => {
  it('builds grad_ys as gradients/Shape, Const, Fill and per-op gradients/<op>_grad scopes', () => {
    const x = tf.placeholder('float32', [], 'x');
    const y = tf.square(x);
    const before = names().length;
    const [dx] = tf.gradients(y, [x]);
    expect(names().slice(before)).toEqual([
      'gradients/Shape', 'gradients/Const', 'gradients/Fill',
      'gradients/Square_grad/mul/x', 'gradients/Square_grad/mul', 'gradients/Square_grad/mul_1',
    ]);
    const sess = new tf.Session();
    expect(sess.run(dx!, { 'x:0': 3 })).toBe(6);
  });

  it('sums several gradients of one tensor with gradients/AddN', () => {
    const x = tf.placeholder('float32', [], 'x');
    const y = tf.mul(x, x);
    const [dx] = tf.gradients(y, [x]);
    expect(dx!.op.type).toBe('AddN');
    expect(dx!.op.name).toBe('gradients/AddN');
    expect(new tf.Session().run(dx!, { 'x:0': 5 })).toBe(10);
  });

  it('returns null for xs that ys do not depend on, and opens gradients_1 the second time', () => {
    const x = tf.placeholder('float32', [], 'x');
    const z = tf.placeholder('float32', [], 'z');
    const y = tf.exp(x);
    expect(tf.gradients(y, [x, z])[1]).toBeNull();
    const [dx] = tf.gradients(y, [x]);
    expect(dx!.op.name.startsWith('gradients_1/')).toBe(true);
  });

  it('uses given gradYs', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const y = x.mul(3);
    const [dx] = tf.gradients(y, [x], [tf.constant([1, 10])]);
    expect(new tf.Session().run(dx!, { 'x:0': [0, 0] })).toEqual([3, 30]);
  });

  it('gates multi-input gradients with tuple only when asked (optimizers do)', () => {
    const a = tf.placeholder('float32', [], 'a');
    const b = tf.placeholder('float32', [], 'b');
    tf.gradients(a.sub(b), [a, b]);
    expect(names().some((n) => n.includes('tuple'))).toBe(false);
    tf.gradients(a.sub(b), [a, b], undefined, { gateGradients: true });
    expect(names()).toContain('gradients_1/sub_1_grad/tuple/group_deps');
    expect(names()).toContain('gradients_1/sub_1_grad/tuple/control_dependency_1');
  });

  it('differentiates a variable through its read snapshot', () => {
    const w = new tf.Variable([1, 2], { name: 'w' });
    const loss = tf.reduceSum(tf.square(w));
    const [dw] = tf.gradients(loss, [w]);
    const sess = new tf.Session();
    sess.run(tf.globalVariablesInitializer());
    expect(sess.run(dw!)).toEqual([2, 4]);
  });

  it('fills a zero gradient for an unused float output (gradients/zeros_like)', () => {
    const logits = tf.placeholder('float32', [2, 3], 'logits');
    const labels = tf.constant([[0, 1, 0], [1, 0, 0]]);
    const loss = tf.reduceMean(tf.nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }));
    const [d] = tf.gradients(loss, [logits]);
    expect(names().some((n) => /^gradients\/zeros_like/.test(n))).toBe(true);
    const g = new tf.Session().run(d!, { 'logits:0': [[0, 0, 0], [0, 0, 0]] }) as number[][];
    expect(g[0]![1]).toBeCloseTo((1 / 3 - 1) / 2, 6);
  });
});
