/**
 * Session ↔ backend contract, checked with a bookkeeping backend: values are boxes around
 * CPU values, so the test sees every upload, kernel result and dispose. A session must
 * hand kernels only live values, dispose every value exactly once (including fetched ones,
 * after reading them back, and everything left when a kernel fails), and give the same
 * results as the default CPU backend.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import type { Backend, Kernel } from '../../src/backend/backend.ts';
import { cpuBackend } from '../../src/backend/cpu-backend.ts';
import type { Operation } from '../../src/engine/graph.ts';
import type { OpDef } from '../../src/engine/op-def.ts';
import { allocate, type TensorValue } from '../../src/engine/tensor-value.ts';
import { lessonGraph, mlpGraph, train } from './graphs.ts';

interface Box { value: TensorValue; alive: boolean }

class BookkeepingBackend implements Backend<Box> {
  readonly name = 'bookkeeping';
  readonly disposes = true;
  made = 0;
  disposed = 0;
  problems: string[] = [];
  private box(value: TensorValue): Box {
    this.made++;
    return { value, alive: true };
  }
  allocate(dtype: TensorValue['dtype'], shape: readonly number[]): Box { return this.box(allocate(dtype, shape)); }
  upload(value: TensorValue): Box { return this.box(value); }
  download(b: Box): TensorValue {
    if (!b.alive) this.problems.push('download of a disposed value');
    return b.value;
  }
  dispose(b: Box): void {
    if (!b.alive) this.problems.push('disposed twice');
    b.alive = false;
    this.disposed++;
  }
  kernel(op: Operation, def: OpDef): Kernel<Box> {
    return (inputs, ctx) => {
      for (const b of inputs) if (b !== null && !b.alive) this.problems.push(`'${op.name}' got a disposed input`);
      return def.cpu(inputs.map((b) => (b === null ? null : b.value)) as TensorValue[], ctx).map((v) => this.box(v));
    };
  }
}

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
