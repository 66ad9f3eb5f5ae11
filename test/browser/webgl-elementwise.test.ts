/**
 * Element-wise WebGL kernels against the CPU backend, with broadcasting, on SwiftShader.
 * Tolerances (|webgl − cpu| ≤ abs + rel·|cpu|), per op:
 *   exact (0):            Identity, StopGradient, Neg, Abs, Sign, Relu, ReluGrad, Add, Sub, Mul, Maximum, Minimum, Square
 *   rel 1e-6:             RealDiv, Reciprocal, Sqrt, Rsqrt, SquaredDifference and the *Grad ops (GLSL division and
 *                         sqrt are allowed a few ulp; the compiler may fuse a multiply-add)
 *   rel 1e-5 + abs 1e-6:  Exp, Log, Sigmoid, Tanh (GLSL ES 3.00 gives exp/log a few ulp; tanh/sigmoid build on them)
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { attr } from '../../src/engine/attr.ts';
import { applyOp } from '../../src/engine/op-builder.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { compareOnBackends, type Tolerance, uniform } from './compare.ts';
import { createGL } from './gl.ts';

const EXACT: Tolerance = { abs: 0, rel: 0 };
const DIV: Tolerance = { abs: 0, rel: 1e-6 };
const TRANSCENDENTAL: Tolerance = { abs: 1e-6, rel: 1e-5 };

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 }); // every op draws: these test the kernels
});

const op = (type: string, xs: tf.Tensor[]): tf.Tensor =>
  applyOp(type, type, xs.map((x, i) => [`x${i}`, x] as const), { T: attr.type('float32') }).outputs[0]!;

/** Unary ops: [type, tolerance, input range]. */
const UNARY: [string, Tolerance, number, number][] = [
  ['Identity', EXACT, -3, 3], ['StopGradient', EXACT, -3, 3], ['Neg', EXACT, -3, 3], ['Abs', EXACT, -3, 3],
  ['Sign', EXACT, -3, 3], ['Relu', EXACT, -3, 3], ['Square', EXACT, -3, 3],
  ['Sqrt', DIV, 0, 10], ['Rsqrt', DIV, 0.01, 10], ['Reciprocal', DIV, 0.1, 10],
  ['Exp', TRANSCENDENTAL, -10, 10], ['Log', TRANSCENDENTAL, 1e-3, 100],
  ['Sigmoid', TRANSCENDENTAL, -20, 20], ['Tanh', TRANSCENDENTAL, -12, 12],
];

describe('unary', () => {
  for (const [type, tol, lo, hi] of UNARY) {
    test(`${type} (${tol.rel === 0 ? 'exact' : `rel ${tol.rel}`})`, () => {
      const data = uniform(1000, type.length * 7, lo, hi);
      data[0] = 0; // edge of Relu/Sign/Abs; Sqrt(0) = 0
      if (type === 'Rsqrt' || type === 'Reciprocal' || type === 'Log') data[0] = 1;
      backend.resetStats();
      compareOnBackends(backend, [{ shape: [10, 100], data }], (xs) => op(type, xs), tol);
      expect(backend.stats.gpuOps).toBe(1);
      expect(backend.stats.fallbacks.size).toBe(0);
    });
  }
});

/** Binary ops: [type, tolerance, range of a, range of b]. The *Grad ops take (y, dy) or (dy, x). */
const BINARY: [string, Tolerance, [number, number], [number, number]][] = [
  ['Add', EXACT, [-5, 5], [-5, 5]], ['Sub', EXACT, [-5, 5], [-5, 5]], ['Mul', EXACT, [-5, 5], [-5, 5]],
  ['Maximum', EXACT, [-5, 5], [-5, 5]], ['Minimum', EXACT, [-5, 5], [-5, 5]],
  ['RealDiv', DIV, [-5, 5], [0.5, 5]], ['SquaredDifference', DIV, [-5, 5], [-5, 5]],
  ['ReluGrad', EXACT, [-5, 5], [-5, 5]], ['SigmoidGrad', DIV, [0, 1], [-5, 5]], ['TanhGrad', DIV, [-1, 1], [-5, 5]],
  ['SqrtGrad', DIV, [0.5, 5], [-5, 5]], ['RsqrtGrad', DIV, [0.5, 5], [-5, 5]], ['ReciprocalGrad', DIV, [0.5, 5], [-5, 5]],
];
const GRAD_OPS = new Set(['ReluGrad', 'SigmoidGrad', 'TanhGrad', 'SqrtGrad', 'RsqrtGrad', 'ReciprocalGrad']);

/** Shape pairs that exercise each index path: same shape, scalar, trailing and inner broadcasts, both sides broadcast. */
const SHAPES: [number[], number[]][] = [
  [[4, 25], [4, 25]], [[4, 25], []], [[], [3, 7]], [[6, 5], [5]], [[2, 3, 4], [3, 1]], [[4, 1], [1, 5]], [[2, 1, 3, 1], [1, 4, 1, 5]],
];

describe('binary with broadcasting', () => {
  for (const [type, tol, ra, rb] of BINARY) {
    // TF's *Grad kernels take two tensors of one shape.
    const shapes = GRAD_OPS.has(type) ? [SHAPES[0]!] : SHAPES;
    for (const [sa, sb] of shapes) {
      test(`${type} [${sa}] ⊙ [${sb}]`, () => {
        const n = (s: number[]) => s.reduce((x, y) => x * y, 1);
        const a = { shape: sa, data: uniform(n(sa), 11, ...ra) };
        const b = { shape: sb, data: uniform(n(sb), 13, ...rb) };
        if (type === 'Maximum' || type === 'Minimum') b.data[0] = a.data[0]!; // ties
        backend.resetStats();
        compareOnBackends(backend, [a, b], (xs) => op(type, xs), tol);
        expect(backend.stats.gpuOps).toBe(1);
      });
    }
  }

  test('a tensor wider than the texture size limit wraps onto several texture rows', () => {
    const n = backend.context.maxTextureSize * 2 + 5;
    const a = { shape: [n], data: uniform(n, 3) };
    const b = { shape: [n], data: uniform(n, 4) };
    compareOnBackends(backend, [a, b], (xs) => op('Mul', xs), EXACT);
  });

  test('int32 Add stays on the CPU (GPU kernels are float32 only)', () => {
    const g = new tf.Graph();
    const out = g.asDefault(() => tf.add(tf.constant([1, 2], 'int32'), tf.constant([3, 4], 'int32')));
    backend.resetStats();
    expect(new tf.Session(g, { backend }).run(out)).toEqual([4, 6]);
    expect(backend.stats.gpuOps).toBe(0);
    expect(backend.stats.fallbacks.get('Add')).toBe(1);
  });
});
