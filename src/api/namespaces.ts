/** `tf.nn` and `tf.math`: TF 1.x's namespaces for functions that also live elsewhere. */
import * as m from './math.ts';
import * as n from './nn.ts';
import * as r from './reduce.ts';

export const nn = {
  relu: m.relu,
  sigmoid: m.sigmoid,
  tanh: m.tanh,
  softmax: n.softmax,
  logSoftmax: n.logSoftmax,
  softmaxCrossEntropyWithLogitsV2: n.softmaxCrossEntropyWithLogitsV2,
} as const;

export const math = {
  add: m.add, subtract: m.sub, multiply: m.mul, divide: m.div, realDiv: m.realDiv, floorDiv: m.floorDiv, floorMod: m.floorMod,
  negative: m.neg, square: m.square, sqrt: m.sqrt, rsqrt: m.rsqrt, exp: m.exp, log: m.log, abs: m.abs, sign: m.sign,
  reciprocal: m.reciprocal, pow: m.pow, maximum: m.maximum, minimum: m.minimum, squaredDifference: m.squaredDifference,
  equal: m.equal, notEqual: m.notEqual, greater: m.greater, greaterEqual: m.greaterEqual, less: m.less, lessEqual: m.lessEqual,
  logicalAnd: m.logicalAnd, logicalOr: m.logicalOr, logicalNot: m.logicalNot, addN: m.addN, sigmoid: m.sigmoid, tanh: m.tanh,
  reduceSum: r.reduceSum, reduceMean: r.reduceMean, reduceMax: r.reduceMax, reduceMin: r.reduceMin, reduceProd: r.reduceProd,
  argmax: r.argmax, argmin: r.argmin, cumsum: r.cumsum, cumprod: r.cumprod,
} as const;
