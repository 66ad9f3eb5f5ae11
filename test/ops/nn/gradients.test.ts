// Softmax, LogSoftmax and softmax cross-entropy gradients against finite differences,
// for matrices, higher ranks (flattened around the op as TF 1.x does) and a non-last axis.
import { describe, it } from 'vitest';
import * as nn from '../../../src/api/nn.ts';
import { checkGradient } from '../../support/check.ts';
import { rand } from '../array/inputs.ts';

/** Rows of probabilities (each sums to 1), as labels usually are. */
function distribution(rows: number, cols: number, seed: number): number[][] {
  return Array.from({ length: rows }, (_, r) => {
    const w = Array.from({ length: cols }, (_, c) => 1 + ((r * 7 + c * 3 + seed) % 5));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });
}

describe('softmax gradients', () => {
  for (const [name, fn] of [['Softmax', nn.softmax], ['LogSoftmax', nn.logSoftmax]] as const) {
    it(`${name}: matrix, rank 3, and axis 0`, () => {
      checkGradient((x) => fn(x), [rand([3, 4], -2, 2)]);
      checkGradient((x) => fn(x), [rand([2, 2, 3], -2, 2)]);
      checkGradient((x) => fn(x, undefined, 0), [rand([3, 2], -2, 2)]);
    });
  }

  it('softmaxCrossEntropyWithLogitsV2: both logits and labels', () => {
    checkGradient((labels, logits) => nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }), [distribution(3, 4, 1), rand([3, 4], -2, 2)]);
  });

  it('softmaxCrossEntropyWithLogitsV2: rank 3 and a class axis of 0', () => {
    const labels3 = [distribution(2, 3, 2), distribution(2, 3, 5)];
    checkGradient((labels, logits) => nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }), [labels3, rand([2, 2, 3], -2, 2)]);
    const labelsT = [[0.2, 0.5], [0.3, 0.1], [0.5, 0.4]];
    checkGradient((labels, logits) => nn.softmaxCrossEntropyWithLogitsV2({ labels, logits, axis: 0 }), [labelsT, rand([3, 2], -2, 2)]);
  });
});
