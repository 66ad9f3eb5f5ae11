// MatMul's gradient in all four transpose combinations against finite differences.
import { describe, it } from 'vitest';
import { matmul } from '../../../src/api/linalg.ts';
import { checkGradient } from '../../support/check.ts';
import { rand } from '../array/inputs.ts';

describe('MatMul gradient', () => {
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      it(`transpose_a=${transposeA} transpose_b=${transposeB}`, () => {
        const a = transposeA ? rand([5, 3]) : rand([3, 5]);
        const b = transposeB ? rand([2, 5]) : rand([5, 2]);
        checkGradient((x, y) => matmul(x, y, { transposeA, transposeB }), [a, b]);
      });
    }
  }
});
