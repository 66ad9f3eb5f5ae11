/**
 * The plan skips pure ops reached only through control edges (their values are never
 * read), and keeps every stateful op, in order. The case that matters: an optimizer's
 * gate_gradients groups dL/dx of a fed input with the weight gradients, so without this
 * every training step computed a whole matmul nobody reads.
 */
import { beforeEach, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';
import { CpuBackend } from '../../src/backend/cpu-backend.ts';
import type { Operation } from '../../src/engine/graph.ts';
import type { OpDef } from '../../src/engine/op-def.ts';

beforeEach(() => tf.resetDefaultGraph());

/** The CPU backend, recording which ops a plan builds kernels for. */
class RecordingBackend extends CpuBackend {
  readonly planned: string[] = [];
  override kernel(op: Operation, def: OpDef) {
    this.planned.push(op.name);
    return super.kernel(op, def);
  }
}

it('does not run a pure op whose only consumer is a control edge, but runs the stateful ops a group holds', () => {
  const x = tf.placeholder('float32', [2], 'x');
  const unused = x.mul(3);
  const v = new tf.Variable(tf.zeros([2]), { name: 'v' });
  const assign = tf.assign(v, x.add(1));
  const step = tf.group([unused, assign], 'step');
  const backend = new RecordingBackend();
  const sess = new tf.Session(tf.getDefaultGraph(), { backend });
  sess.run(tf.globalVariablesInitializer());
  sess.run(step, { 'x:0': [1, 2] });
  expect(backend.planned).toContain('Assign');
  expect(backend.planned).toContain('add');
  expect(backend.planned).not.toContain('mul');
  expect(sess.run(v)).toEqual([2, 3]);
  expect(sess.run(unused, { 'x:0': [1, 2] })).toEqual([3, 6]); // fetched, it runs
});

it("skips the gradient of a fed input that gate_gradients groups, and still trains like TF", () => {
  const x = tf.placeholder('float32', [1, 2], 'x');
  const w = new tf.Variable([[1], [2]], { name: 'w' });
  const loss = tf.reduceSum(tf.matmul(x, w));
  const train = new tf.train.GradientDescentOptimizer(0.5).minimize(loss);
  const backend = new RecordingBackend();
  const sess = new tf.Session(tf.getDefaultGraph(), { backend });
  sess.run(tf.globalVariablesInitializer());
  const before = backend.planned.length;
  sess.run(train, { 'x:0': [[1, 3]] });
  const matmuls = backend.planned.slice(before).filter((n) => n.includes('MatMul'));
  // dL/dw only: the loss is not fetched, so no forward MatMul, and dL/dx (MatMul_grad/MatMul) is skipped.
  expect(matmuls.filter((n) => !n.includes('tuple'))).toEqual(['gradients/MatMul_grad/MatMul_1']);
  expect(sess.run(w)).toEqual([[0.5], [0.5]]);
});
