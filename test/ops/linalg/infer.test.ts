// MatMul's static shape and TF's shape errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { matmul } from '../../../src/api/linalg.ts';
import { placeholder } from '../../../src/api/state.ts';
import { resetDefaultGraph } from '../../../src/engine/graph.ts';

beforeEach(() => resetDefaultGraph());

describe('MatMul shapes', () => {
  it('[m, k] x [k, n] -> [m, n], with the transposes', () => {
    const x = placeholder('float32', [null, 784], 'x');
    const w = placeholder('float32', [784, 128], 'w');
    expect(matmul(x, w).shape).toEqual([null, 128]);
    expect(matmul(w, x, { transposeA: true, transposeB: true }).shape).toEqual([128, null]);
    expect(matmul(x, placeholder('float32', undefined, 'u')).shape).toEqual([null, null]);
  });
  it("rejects mismatched inner dimensions and non-matrices in TF's words", () => {
    const a = placeholder('float32', [2, 3], 'a');
    const b = placeholder('float32', [4, 5], 'b');
    expect(() => matmul(a, b)).toThrow("Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [4,5].");
    expect(() => matmul(placeholder('float32', [2, 3, 4], 'c'), b)).toThrow("Shape must be rank 2 but is rank 3 for 'MatMul_1' (op: 'MatMul')");
  });
});
