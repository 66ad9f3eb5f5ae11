/**
 * IEEE special values, where a GPU formula most often parts from the CPU kernel: ±0,
 * ±infinity, NaN, overflow (exp(100)), saturation (tanh and sigmoid at ±100 and ±∞, where a
 * formula like (e^x − e^−x)/(e^x + e^−x) gives ∞/∞ = NaN) and softmax of logits ±1000
 * (which overflows unless the row maximum is subtracted first). The CPU kernels are the
 * spec: a NaN must come out NaN and an infinity the same infinity (compare-values.ts).
 */
import * as tf from '../../../src/index.ts';
import { ARITH, DIVISION, EXACT, SOFTMAX, TRANSCENDENTAL } from './tolerances.ts';
import type { InputSpec, OpCase, Tolerance } from './types.ts';

/** 11 values: ±0, ±1, ±100, ±∞ and a few ordinary ones (NaN has cases of its own, below). */
const SPECIALS: InputSpec = { shape: [11], values: [0, -0, 1, -1, 0.5, 100, -100, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3] };
/** The same values reversed, as the other operand of binary ops (so 0/0, ∞−∞, ∞·0 … all occur). */
const REVERSED: InputSpec = { ...SPECIALS, values: [...SPECIALS.values!].reverse() };
/** NaN among ordinary values, on either side of a binary op. */
const NANS: InputSpec = { shape: [5], values: [Number.NaN, 1, Number.NaN, -2, 0] };
const NANS_OTHER: InputSpec = { shape: [5], values: [1, Number.NaN, Number.NaN, 0.5, -3] };

const close = (tol: Tolerance) => ({ kind: 'close', tol }) as const;
type Unary = (x: tf.Tensor) => tf.Tensor;
type Binary = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
const unary = (op: string, f: Unary, tol: Tolerance): OpCase[] => [
  { name: `${op} of ±0, ±∞, ±100`, covers: [op], inputs: [SPECIALS], build: ([x]) => f(x!), check: close(tol) },
  { name: `${op} of NaN`, covers: [op], inputs: [NANS], build: ([x]) => f(x!), check: close(tol) },
];
const binary = (op: string, f: Binary, tol: Tolerance): OpCase[] => [
  { name: `${op} of ±0, ±∞ pairs`, covers: [op], inputs: [SPECIALS, REVERSED], build: ([x, y]) => f(x!, y!), check: close(tol) },
  { name: `${op} with NaN on either side`, covers: [op], inputs: [NANS, NANS_OTHER], build: ([x, y]) => f(x!, y!), check: close(tol) },
];

export const SPECIAL_CASES: readonly OpCase[] = [
  ...unary('Exp', tf.exp, TRANSCENDENTAL),
  ...unary('Log', tf.log, TRANSCENDENTAL),
  ...unary('Sqrt', tf.sqrt, DIVISION),
  ...unary('Rsqrt', tf.rsqrt, DIVISION),
  ...unary('Reciprocal', tf.reciprocal, DIVISION),
  ...unary('Tanh', tf.nn.tanh, TRANSCENDENTAL),
  ...unary('Sigmoid', tf.nn.sigmoid, TRANSCENDENTAL),
  ...unary('Relu', tf.nn.relu, EXACT),
  ...unary('Abs', tf.abs, EXACT),
  ...unary('Sign', tf.sign, EXACT),
  ...unary('Square', tf.square, ARITH),
  ...binary('Add', tf.add, ARITH),
  ...binary('Mul', tf.mul, ARITH),
  ...binary('RealDiv', tf.div, DIVISION),
  ...binary('Maximum', tf.maximum, EXACT),
  ...binary('Minimum', tf.minimum, EXACT),
  ...binary('Pow', tf.pow, TRANSCENDENTAL),
  {
    name: 'Softmax and LogSoftmax of logits ±1000', covers: ['Softmax', 'LogSoftmax'],
    inputs: [{ shape: [3, 5], values: [1000, 0, -1000, 999, 1, 0, 0, 0, 0, 0, -1000, -1000, -1000, -999, -1000] }],
    build: ([x]) => [tf.nn.softmax(x!), tf.nn.logSoftmax(x!)], check: close(SOFTMAX),
  },
];
