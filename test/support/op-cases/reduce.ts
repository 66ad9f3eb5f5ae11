/**
 * Reductions and scans over [3,5,7] (odd on every axis) and [67]: keep_dims, negative
 * axes, several axes, all axes. Sums of K terms get LONG_SUM; max/min/argmax select a value
 * (exact); products and cumulative products of K factors in [0.5, 1.5] accumulate like
 * sums, so they get LONG_SUM too.
 */
import * as tf from '../../../src/index.ts';
import { EXACT, GRAD, LONG_SUM } from './tolerances.ts';
import type { OpCase } from './types.ts';

const long = { kind: 'close', tol: LONG_SUM } as const;
const exact = { kind: 'close', tol: EXACT } as const;
const x357 = [{ shape: [3, 5, 7] }] as const;
const nearOne = [{ shape: [3, 5, 7], range: [0.5, 1.5] }] as const;

export const REDUCE_CASES: readonly OpCase[] = [
  { name: 'Sum axis 1 keep_dims', covers: ['Sum'], inputs: x357, build: ([x]) => tf.reduceSum(x!, 1, true), check: long, grad: GRAD },
  { name: 'Sum axis -1', covers: ['Sum'], inputs: x357, build: ([x]) => tf.reduceSum(x!, -1), check: long, grad: GRAD },
  { name: 'Sum all of [67]', covers: ['Sum'], inputs: [{ shape: [67] }], build: ([x]) => tf.reduceSum(x!), check: long, grad: GRAD },
  { name: 'Mean axes [0,2]', covers: ['Mean'], inputs: x357, build: ([x]) => tf.reduceMean(x!, [0, 2]), check: long, grad: GRAD },
  { name: 'Mean all, keep_dims', covers: ['Mean'], inputs: x357, build: ([x]) => tf.reduceMean(x!, undefined, true), check: long, grad: GRAD },
  { name: 'Max axis -1 keep_dims', covers: ['Max'], inputs: x357, build: ([x]) => tf.reduceMax(x!, -1, true), check: exact, grad: GRAD },
  { name: 'Min axis 0', covers: ['Min'], inputs: x357, build: ([x]) => tf.reduceMin(x!, 0), check: exact, grad: GRAD },
  { name: 'Prod axis 1 of values near 1', covers: ['Prod'], inputs: nearOne, build: ([x]) => tf.reduceProd(x!, 1), check: long, grad: GRAD },
  { name: 'ArgMax axis -1', covers: ['ArgMax'], inputs: x357, build: ([x]) => tf.argmax(x!, -1), check: { kind: 'same', why: 'indices' } },
  { name: 'ArgMin axis 0', covers: ['ArgMin'], inputs: x357, build: ([x]) => tf.argmin(x!, 0), check: { kind: 'same', why: 'indices' } },
  { name: 'Cumsum axis 1', covers: ['Cumsum'], inputs: x357, build: ([x]) => tf.cumsum(x!, 1), check: long, grad: GRAD },
  { name: 'Cumsum axis -1 exclusive reverse', covers: ['Cumsum'], inputs: x357, build: ([x]) => tf.cumsum(x!, -1, { exclusive: true, reverse: true }), check: long, grad: GRAD },
  { name: 'Cumprod axis 2 of values near 1', covers: ['Cumprod'], inputs: nearOne, build: ([x]) => tf.cumprod(x!, 2), check: long, grad: GRAD },
];
