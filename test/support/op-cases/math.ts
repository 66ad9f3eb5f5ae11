/**
 * Element-wise math cases: binary ops broadcasting [3,1,7] against [5,7] (105 outputs, not a
 * multiple of 4, so the last RGBA texel is partial) and a scalar against 67 values; unary
 * ops on [5,13] (65 values, just above the small-on-CPU limit) and on a scalar. Domains keep
 * each function where it is defined and away from points where a 1-ulp input difference
 * flips the result (floor of an exact quotient, ties in max/min gradients).
 */
import * as tf from '../../../src/index.ts';
import { attr } from '../../../src/engine/attr.ts';
import { applyOp } from '../../../src/engine/op-builder.ts';
import { ARITH, ARITH2, DIVISION, EXACT, GRAD, TRANSCENDENTAL } from './tolerances.ts';
import type { InputSpec, OpCase, Tolerance } from './types.ts';

type Binary = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
type Unary = (x: tf.Tensor) => tf.Tensor;
type Range = readonly [number, number];

const close = (tol: Tolerance) => ({ kind: 'close', tol }) as const;

/** Two cases for a binary op: broadcasting 3-D against 2-D (with its gradient) and a scalar against 67 values. */
function binaryCases(op: string, f: Binary, tol: Tolerance, a: Range, b: Range, grad = true): OpCase[] {
  return [
    { name: `${op} [3,1,7]·[5,7] broadcast`, covers: [op], inputs: [{ shape: [3, 1, 7], range: a }, { shape: [5, 7], range: b }], build: ([x, y]) => f(x!, y!), check: close(tol), ...(grad ? { grad: GRAD } : {}) },
    { name: `${op} scalar·[67]`, covers: [op], inputs: [{ shape: [], range: a }, { shape: [67], range: b }], build: ([x, y]) => f(x!, y!), check: close(tol) },
  ];
}

/** Two cases for a unary op: [5,13] (with its gradient unless `grad` is false) and a scalar. */
function unaryCases(op: string, f: Unary, tol: Tolerance, range: Range, grad: readonly string[] | false = []): OpCase[] {
  return [
    { name: `${op} [5,13]`, covers: [op, ...(grad || [])], inputs: [{ shape: [5, 13], range }], build: ([x]) => f(x!), check: close(tol), ...(grad === false ? {} : { grad: GRAD }) },
    { name: `${op} scalar`, covers: [op], inputs: [{ shape: [], range }], build: ([x]) => f(x!), check: close(tol) },
  ];
}

const pm1: Range = [-1, 1];
const positive: Range = [0.25, 4];

/** Quotients that are exact in binary (multiples of 0.25 over 0.5, 1, 2, -2), so floor() cannot flip on a rounding. */
const dividends: InputSpec = { shape: [3, 1, 7], range: [-4, 4], step: 0.25 };
const divisors: InputSpec = { shape: [5, 7], values: Array.from({ length: 35 }, (_, i) => [0.5, 1, 2, -2, -0.5][i % 5]!) };
const intDividends: InputSpec = { shape: [3, 1, 7], dtype: 'int32', range: [-20, 20] };
const intDivisors: InputSpec = { shape: [5, 7], dtype: 'int32', values: Array.from({ length: 35 }, (_, i) => [3, -2, 7, 1, -5][i % 5]!) };

const comparisons: [string, Binary][] = [
  ['Equal', tf.equal], ['NotEqual', tf.notEqual], ['Greater', tf.greater], ['GreaterEqual', tf.greaterEqual], ['Less', tf.less], ['LessEqual', tf.lessEqual],
];
/** Values on a 0.5 grid in [-1, 1]: many exact ties, which is where comparisons differ. */
const tied: readonly InputSpec[] = [{ shape: [3, 1, 7], range: [-1, 1], step: 0.5 }, { shape: [5, 7], range: [-1, 1], step: 0.5 }];
const bools: readonly InputSpec[] = [{ shape: [3, 1, 7], dtype: 'bool' }, { shape: [5, 7], dtype: 'bool' }];
const same = (why: string) => ({ kind: 'same', why }) as const;

export const MATH_CASES: readonly OpCase[] = [
  ...binaryCases('Add', tf.add, ARITH, pm1, pm1),
  ...binaryCases('Sub', tf.sub, ARITH, pm1, pm1),
  ...binaryCases('Mul', tf.mul, ARITH, pm1, pm1),
  ...binaryCases('RealDiv', tf.div, DIVISION, pm1, [0.5, 2]),
  ...binaryCases('Maximum', tf.maximum, EXACT, pm1, pm1),
  ...binaryCases('Minimum', tf.minimum, EXACT, pm1, pm1),
  ...binaryCases('Pow', tf.pow, TRANSCENDENTAL, [0.2, 2], [-2, 2]),
  ...binaryCases('SquaredDifference', tf.squaredDifference, ARITH2, pm1, pm1),
  { name: 'FloorDiv float, exact quotients', covers: ['FloorDiv'], inputs: [dividends, divisors], build: ([x, y]) => tf.floorDiv(x!, y!), check: close(EXACT) },
  { name: 'FloorMod float, exact quotients', covers: ['FloorMod'], inputs: [dividends, divisors], build: ([x, y]) => tf.floorMod(x!, y!), check: close(ARITH), grad: GRAD },
  { name: 'FloorDiv int32, negative operands', covers: ['FloorDiv'], inputs: [intDividends, intDivisors], build: ([x, y]) => tf.floorDiv(x!, y!), check: same('int32 arithmetic is exact') },
  { name: 'FloorMod int32, negative operands', covers: ['FloorMod'], inputs: [intDividends, intDivisors], build: ([x, y]) => tf.floorMod(x!, y!), check: same('int32 arithmetic is exact') },
  ...unaryCases('Neg', tf.neg, EXACT, pm1),
  ...unaryCases('Abs', tf.abs, EXACT, pm1, ['Sign']),
  { name: 'Sign with zeros', covers: ['Sign'], inputs: [{ shape: [5, 13], range: [-2, 2], step: 1 }], build: ([x]) => tf.sign(x!), check: close(EXACT) },
  ...unaryCases('Square', tf.square, ARITH, pm1),
  ...unaryCases('Reciprocal', tf.reciprocal, DIVISION, positive, ['ReciprocalGrad']),
  ...unaryCases('Sqrt', tf.sqrt, DIVISION, positive, ['SqrtGrad']),
  ...unaryCases('Rsqrt', tf.rsqrt, DIVISION, positive, ['RsqrtGrad']),
  ...unaryCases('Exp', tf.exp, TRANSCENDENTAL, [-3, 3]),
  ...unaryCases('Log', tf.log, TRANSCENDENTAL, positive),
  ...unaryCases('Relu', tf.nn.relu, EXACT, pm1, ['ReluGrad']),
  ...unaryCases('Sigmoid', tf.nn.sigmoid, TRANSCENDENTAL, [-4, 4], ['SigmoidGrad']),
  ...unaryCases('Tanh', tf.nn.tanh, TRANSCENDENTAL, [-3, 3], ['TanhGrad']),
  ...comparisons.map(([op, f]): OpCase => ({ name: `${op} float with ties, broadcast`, covers: [op], inputs: tied, build: ([x, y]) => f(x!, y!), check: same('comparisons give bools') })),
  { name: 'Less int32 scalar·[67]', covers: ['Less'], inputs: [{ shape: [], dtype: 'int32', values: [3] }, { shape: [67], dtype: 'int32', range: [-8, 8] }], build: ([x, y]) => tf.less(x!, y!), check: same('comparisons give bools') },
  { name: 'LogicalAnd broadcast', covers: ['LogicalAnd'], inputs: bools, build: ([x, y]) => tf.logicalAnd(x!, y!), check: same('bool logic') },
  { name: 'LogicalOr broadcast', covers: ['LogicalOr'], inputs: bools, build: ([x, y]) => tf.logicalOr(x!, y!), check: same('bool logic') },
  { name: 'LogicalNot [67]', covers: ['LogicalNot'], inputs: [{ shape: [67], dtype: 'bool' }], build: ([x]) => tf.logicalNot(x!), check: same('bool logic') },
  {
    name: 'Select same-shape [5,7]', covers: ['Select', 'ZerosLike'],
    inputs: [{ shape: [5, 7], dtype: 'bool' }, { shape: [5, 7] }, { shape: [5, 7] }],
    build: ([c, x, y]) => tf.select(c!, x!, y!), check: close(EXACT), grad: GRAD,
  },
  { name: 'Cast float32→int32 truncates toward 0', covers: ['Cast'], inputs: [{ shape: [67], range: [-3, 3] }], build: ([x]) => tf.cast(x!, 'int32'), check: same('truncation is exact') },
  { name: 'Cast int32→float32', covers: ['Cast'], inputs: [{ shape: [67], dtype: 'int32', range: [-1000, 1000] }], build: ([x]) => tf.cast(x!, 'float32'), check: same('small ints are exact in float32') },
  { name: 'Cast bool→float32, float32→bool', covers: ['Cast'], inputs: [{ shape: [5, 7], range: [-1, 1], step: 1 }], build: ([x]) => [tf.cast(x!, 'bool'), tf.cast(tf.cast(x!, 'bool'), 'float32')], check: same('0/1 values') },
  { name: 'AddN of three [5,13]', covers: ['AddN'], inputs: [{ shape: [5, 13] }, { shape: [5, 13] }, { shape: [5, 13] }], build: (xs) => tf.addN(xs), check: close(ARITH2), grad: GRAD },
  { name: 'ZerosLike [3,1,7]', covers: ['ZerosLike'], inputs: [{ shape: [3, 1, 7] }], build: ([x]) => tf.zerosLike(x!), check: same('constants') },
  {
    // tf.ones_like builds Shape + Fill as TF 1.x does; the OnesLike op (TF's gen_array_ops.ones_like) is made through the op builder.
    name: 'OnesLike [3,1,7]', covers: ['OnesLike'], inputs: [{ shape: [3, 1, 7] }],
    build: ([x]) => applyOp('OnesLike', 'OnesLike', [['x', x!]], { T: attr.type('float32') }).output, check: same('constants'),
  },
];
