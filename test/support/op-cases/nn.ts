/**
 * MatMul (every transpose combination, odd K = 37, and a larger 33×65·65×17 product) and the
 * softmax family on [5,13] (rows of 13: a partial texel per row) and a [1,67] row.
 */
import * as tf from '../../../src/index.ts';
import { GRAD, LONG_SUM, SOFTMAX } from './tolerances.ts';
import type { OpCase } from './types.ts';

const long = { kind: 'close', tol: LONG_SUM } as const;
const soft = { kind: 'close', tol: SOFTMAX } as const;

export const NN_CASES: readonly OpCase[] = [
  { name: 'MatMul [7,37]·[37,5]', covers: ['MatMul'], inputs: [{ shape: [7, 37] }, { shape: [37, 5] }], build: ([a, b]) => tf.matmul(a!, b!), check: long, grad: GRAD },
  { name: 'MatMul transpose_a [37,7]ᵀ·[37,5]', covers: ['MatMul'], inputs: [{ shape: [37, 7] }, { shape: [37, 5] }], build: ([a, b]) => tf.matmul(a!, b!, { transposeA: true }), check: long, grad: GRAD },
  { name: 'MatMul transpose_b [7,37]·[5,37]ᵀ', covers: ['MatMul'], inputs: [{ shape: [7, 37] }, { shape: [5, 37] }], build: ([a, b]) => tf.matmul(a!, b!, { transposeB: true }), check: long, grad: GRAD },
  { name: 'MatMul both transposed', covers: ['MatMul'], inputs: [{ shape: [37, 7] }, { shape: [5, 37] }], build: ([a, b]) => tf.matmul(a!, b!, { transposeA: true, transposeB: true }), check: long, grad: GRAD },
  { name: 'MatMul [33,65]·[65,17]', covers: ['MatMul'], inputs: [{ shape: [33, 65] }, { shape: [65, 17] }], build: ([a, b]) => tf.matmul(a!, b!), check: long },
  { name: 'MatMul [1,1]·[1,1] (scalar-sized)', covers: ['MatMul'], inputs: [{ shape: [1, 1] }, { shape: [1, 1] }], build: ([a, b]) => tf.matmul(a!, b!), check: long },
  { name: 'Softmax [5,13]', covers: ['Softmax'], inputs: [{ shape: [5, 13], range: [-4, 4] }], build: ([x]) => tf.nn.softmax(x!), check: soft, grad: GRAD },
  { name: 'Softmax [1,67]', covers: ['Softmax'], inputs: [{ shape: [1, 67], range: [-4, 4] }], build: ([x]) => tf.nn.softmax(x!), check: soft },
  { name: 'LogSoftmax [5,13]', covers: ['LogSoftmax'], inputs: [{ shape: [5, 13], range: [-4, 4] }], build: ([x]) => tf.nn.logSoftmax(x!), check: soft, grad: GRAD },
  {
    name: 'SoftmaxCrossEntropyWithLogits [5,13]', covers: ['SoftmaxCrossEntropyWithLogits'],
    inputs: [{ shape: [5, 13], range: [0, 1] }, { shape: [5, 13], range: [-4, 4] }],
    build: ([labels, logits]) => tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: labels!, logits: logits! }), check: soft, grad: GRAD,
  },
];
