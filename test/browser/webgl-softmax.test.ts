/**
 * Softmax, LogSoftmax and SoftmaxCrossEntropyWithLogits on WebGL against the CPU backend.
 * Tolerance |webgl − cpu| ≤ 1e-5 + 1e-5·|cpu|: the CPU kernels sum exp() in float64, the
 * programs in float32 (row sums of up to a few hundred terms, plus GLSL's exp/log, a few
 * ulp each), so agreement is to float32 rounding of the row statistics, not bit for bit.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { attr } from '../../src/engine/attr.ts';
import { applyOp } from '../../src/engine/op-builder.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { compareOnBackends, type Tolerance, uniform } from './compare.ts';
import { createGL } from './gl.ts';

const TOL: Tolerance = { abs: 1e-5, rel: 1e-5 };

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 });
});

/** Rows × cols: a texel inside one row (cols % 4 == 0), texels spanning two rows (10), several rows (3, 1), a long row. */
const SHAPES: [number, number][] = [[64, 10], [8, 16], [5, 3], [7, 1], [3, 300]];

describe('row softmax', () => {
  for (const type of ['Softmax', 'LogSoftmax']) {
    for (const [r, c] of SHAPES) {
      test(`${type} [${r},${c}]`, () => {
        const x = { shape: [r, c], data: uniform(r * c, r + c, -20, 20) };
        backend.resetStats();
        compareOnBackends(backend, [x], ([t]) => applyOp(type, type, [['logits', t!]], { T: attr.type('float32') }).output, TOL);
        expect(backend.stats.gpuOps).toBe(1);
        expect(backend.stats.fallbacks.size).toBe(0);
      });
    }
  }
});

describe('SoftmaxCrossEntropyWithLogits', () => {
  for (const [r, c] of SHAPES) {
    for (const output of [0, 1]) {
      test(`[${r},${c}] ${output === 0 ? 'loss' : 'backprop'}`, () => {
        const logits = { shape: [r, c], data: uniform(r * c, 3 * r + c, -10, 10) };
        // Soft labels, rows summing to 1 (one-hot is a special case).
        const raw = uniform(r * c, r + 7 * c, 0, 1);
        for (let i = 0; i < r; i++) {
          let s = 0;
          for (let j = 0; j < c; j++) s += raw[i * c + j]!;
          for (let j = 0; j < c; j++) raw[i * c + j] = raw[i * c + j]! / s;
        }
        backend.resetStats();
        compareOnBackends(backend, [logits, { shape: [r, c], data: raw }], ([l, y]) =>
          applyOp('SoftmaxCrossEntropyWithLogits', 'xent', [['features', l!], ['labels', y!]], { T: attr.type('float32') }).outputs[output]!, TOL);
        expect(backend.stats.fallbacks.size).toBe(0);
      });
    }
  }
});

test('the mean cross-entropy of a batch through the public API matches', () => {
  const logits = { shape: [16, 10], data: uniform(160, 9, -5, 5) };
  const labels = new Float32Array(160);
  for (let i = 0; i < 16; i++) labels[i * 10 + (i % 10)] = 1;
  compareOnBackends(backend, [logits, { shape: [16, 10], data: labels }], ([l, y]) =>
    tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: y!, logits: l! }), TOL);
});
