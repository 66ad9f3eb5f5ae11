/**
 * The session's plan hook (`Backend.fuse`) with the WebGL backend's grouping rules
 * (fusion.ts), on a bookkeeping backend whose fused kernels run the members' CPU kernels
 * in order: results must equal the CPU backend's exactly, every value must be disposed
 * once (release bookkeeping stays right when steps merge), and the groups must stop at
 * fetched values, fed values, values read outside the group, and control dependencies —
 * except readers of the shape only (Shape, Size…), which get a shape-only value (NaN
 * elements here, so a reader that used them would show).
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import type { Backend, FusedKernel, PlannedRun } from '../../src/backend/backend.ts';
import { findElementwiseGroups } from '../../src/backend/webgl/fusion.ts';
import { isFusable } from '../../src/backend/webgl/programs/fused.ts';
import type { Operation } from '../../src/engine/graph.ts';
import { lookupOpDef } from '../../src/engine/registry.ts';
import type { TensorValue } from '../../src/engine/tensor-value.ts';
import { type Box, BookkeepingBackend } from './bookkeeping-backend.ts';
import { lessonGraph, mlpGraph, train } from './graphs.ts';

class FusingBackend extends BookkeepingBackend implements Backend<Box> {
  override readonly name = 'fusing';
  /** Op types of each group, per planned run. */
  groups: string[][] = [];
  /** Names of the fused-away tensors handed to shape readers, per planned run. */
  shapeOutputs: string[] = [];
  /** With `shapeReaders`, Shape/Size/Rank outside a group may read a member's output (the WebGL backend's rule). */
  constructor(private readonly shapeReaders = false) {
    super();
  }
  fuse(run: PlannedRun): FusedKernel<Box>[] {
    const fusable = (op: Operation) => isFusable(op.type) && op.outputs.length === 1 && [...op.inputs, ...op.outputs].every((t) => t.dtype === 'float32');
    const shapeReader = this.shapeReaders ? (op: Operation) => ['Shape', 'ShapeN', 'Size', 'Rank'].includes(op.type) : undefined;
    return findElementwiseGroups(run, { fusable, rootable: (op) => op.type !== 'Identity', shapeReader }).map((g) => {
      this.groups.push(g.ops.map((op) => op.type));
      this.shapeOutputs.push(...g.shapeOutputs.map((s) => s.tensor.name));
      const members = g.ops.map((op) => ({ cpu: lookupOpDef(op.type).cpu, ctx: run.context(op) }));
      return {
        ops: g.ops,
        inputs: g.inputs,
        shapeOutputs: g.shapeOutputs.map((s) => s.tensor),
        kernel: (inputs) => {
          for (const b of inputs) if (b === null || !b.alive) this.problems.push('a fused kernel got a disposed input');
          const results: TensorValue[] = [];
          g.nodes.forEach((node, n) => {
            const args = node.args.map((a) => ('input' in a ? inputs[a.input]!.value : results[a.node]!));
            results.push(members[n]!.cpu(args, members[n]!.ctx)[0]!);
          });
          // A shape-only value: its elements are NaN, so a reader that used them would show in the results.
          const shapeOnly = (v: TensorValue): TensorValue => ({ dtype: v.dtype, shape: v.shape, data: new Float32Array(v.data.length).fill(NaN) });
          return [this.box(results[results.length - 1]!), ...g.shapeOutputs.map((o) => this.box(shapeOnly(results[o.node]!)))];
        },
      };
    });
  }
}

describe('Session plan hook: element-wise groups', () => {
  for (const [name, make, steps] of [['lesson', lessonGraph, 30], ['mlp', mlpGraph, 5]] as const) {
    test(`${name}: with shape-only outputs for Shape readers, still the CPU backend's exact losses and variables`, () => {
      const backend = new FusingBackend(true);
      const g = make();
      expect(train(g, steps, { backend })).toEqual(train(g, steps));
      expect(backend.problems).toEqual([]);
      expect(backend.disposed).toBe(backend.made);
    });

    test(`${name}: fused groups give the CPU backend's exact losses and variables; every value disposed once`, () => {
      const backend = new FusingBackend();
      const g = make();
      expect(train(g, steps, { backend })).toEqual(train(g, steps));
      expect(backend.problems).toEqual([]);
      expect(backend.disposed).toBe(backend.made);
      expect(backend.groups.length).toBeGreaterThan(0);
    });
  }

  test('the benchmark chain sigmoid(square(x·1.5 + 0.5) − x) is one group of five', () => {
    const g = new tf.Graph();
    const [x, y] = g.asDefault(() => {
      const x = tf.placeholder('float32', [4], 'x');
      return [x, tf.nn.sigmoid(tf.square(x.mul(1.5).add(0.5)).sub(x))];
    });
    const backend = new FusingBackend();
    const feed = new Map<tf.Tensor, tf.FeedValue>([[x, [0, 1, -2, 3]]]);
    expect(new tf.Session(g, { backend }).run(y, feed)).toEqual(new tf.Session(g).run(y, feed));
    expect(backend.groups).toEqual([['Mul', 'Add', 'Square', 'Sub', 'Sigmoid']]);
  });

  test('a fetched intermediate ends a group; so does a value read outside it; a diamond is one group', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [3], 'x');
      const a = tf.exp(x);
      const b = tf.neg(a);
      const c = tf.square(b); // c's only reader is d
      const d = tf.add(c, 1);
      const e = tf.mul(b, 2); // b is read by c and e: two groups' worth unless both join
      const ax = tf.abs(x);
      const diamond = tf.add(tf.sqrt(ax), ax);
      return { x, a, d, e, diamond };
    });
    const feed = new Map<tf.Tensor, tf.FeedValue>([[t.x, [1, -2, 0.5]]]);
    const run = (fetches: tf.Tensor[]) => {
      const backend = new FusingBackend();
      const out = new tf.Session(g, { backend }).run(fetches, feed);
      expect(out).toEqual(new tf.Session(g).run(fetches, feed));
      expect(backend.problems).toEqual([]);
      expect(backend.disposed).toBe(backend.made);
      return backend.groups;
    };
    // b feeds both d's chain and e: groups end at b (b itself joins neither root's group).
    expect(run([t.d, t.e])).toEqual([['Exp', 'Neg'], ['Square', 'Add']]);
    // Fetching a: Exp's value must exist, so it is no group's intermediate.
    expect(run([t.a, t.d])).toEqual([['Neg', 'Square', 'Add']]);
    // Abs is read twice, both readers in the group: one group of three.
    expect(run([t.diamond])).toEqual([['Abs', 'Sqrt', 'Add']]);
  });

  test('a value read by Shape/Size after the root is fused away and the readers get its shape; a reader planned before the root ends the group', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 3], 'x');
      const a = tf.exp(x);
      const b = tf.add(a, 1);
      return { x, a, b, y: tf.neg(b), shapeA: tf.shape(a), sizeB: tf.size(b) };
    });
    const feed = new Map<tf.Tensor, tf.FeedValue>([[t.x, [[1, -2, 0.5], [0, 3, 1]]]]);
    const run = (fetches: tf.Tensor[]) => {
      const backend = new FusingBackend(true);
      expect(new tf.Session(g, { backend }).run(fetches, feed)).toEqual(new tf.Session(g).run(fetches, feed));
      expect(backend.problems).toEqual([]);
      expect(backend.disposed).toBe(backend.made);
      return backend;
    };
    // y first: the Shape and Size readers are planned after Neg, so Exp and Add join its group.
    const after = run([t.y, t.shapeA, t.sizeB]);
    expect(after.groups).toEqual([['Exp', 'Add', 'Neg']]);
    expect(after.shapeOutputs).toEqual(['Exp:0', 'Add:0']);
    // Shape(a) first: it runs before any group root could, so Exp keeps its own value.
    const before = run([t.shapeA, t.y]);
    expect(before.groups).toEqual([['Add', 'Neg']]);
    expect(before.shapeOutputs).toEqual([]);
  });

  test('a fed intermediate and a control dependency end a group', () => {
    const g = new tf.Graph();
    const t = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      const a = tf.square(x);
      const b = tf.neg(a);
      const c = tf.exp(b);
      const gated = tf.neg(x, 'gated');
      const after = g.controlDependencies([gated], () => tf.identity(tf.abs(x)));
      return { x, a, c, gated, out: tf.add(tf.square(gated), after) };
    });
    const fedA = new FusingBackend();
    const feeds = new Map<tf.Tensor, tf.FeedValue>([[t.x, [1, 2]], [t.a, [9, 9]]]);
    expect(new tf.Session(g, { backend: fedA }).run(t.c, feeds)).toEqual(new tf.Session(g).run(t.c, feeds));
    expect(fedA.groups).toEqual([['Neg', 'Exp']]);
    const gatedRun = new FusingBackend();
    const feed = new Map<tf.Tensor, tf.FeedValue>([[t.x, [1, -2]]]);
    expect(new tf.Session(g, { backend: gatedRun }).run(t.out, feed)).toEqual(new tf.Session(g).run(t.out, feed));
    // 'gated' is awaited by a control dependency, so it runs where planned, outside any group.
    expect(gatedRun.groups.flat()).not.toContain('Neg');
  });
});
