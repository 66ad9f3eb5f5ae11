/**
 * Reduction programs (programs/reduce.ts) against the CPU kernels: the op run in a CPU
 * session, the program run directly on a GPU context (the backend does not yet pass the
 * int32 axes to programs; kernels.ts `webglHostParamKernels`). Tolerance per element:
 * exact for Max and Min; for Sum and Mean count·2⁻²³·Σ|x| over the element's reduced
 * inputs (float32 accumulation against the CPU's float64), for Prod a relative 1e-5.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { attr } from '../../src/engine/attr.ts';
import { applyOp } from '../../src/engine/op-builder.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { webglHostParamKernels } from '../../src/backend/webgl/kernels.ts';
import type { GpuProgram } from '../../src/backend/webgl/program.ts';
import { reduceProgram } from '../../src/backend/webgl/programs/reduce.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 });
});

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** [input shape, axes, keep_dims]: the MLP's bias gradients, inner/outer/middle axes, all axes, negative axes, size-1 dims. */
const CASES: [number[], number[], boolean][] = [
  [[64, 10], [0], false], [[64, 128], [0], false], [[64, 10], [1], true], [[3, 4, 5], [1], false], [[3, 4, 5], [0, 2], true],
  [[3, 4, 5], [0, 1, 2], false], [[6, 7], [-1], false], [[2, 1, 9], [2, 0], false], [[37], [0], true], [[5, 3], [], false],
];

function runBoth(type: string, shape: number[], axes: number[], keepDims: boolean, data: Float32Array): { cpu: Float32Array; gpu: Float32Array; program: GpuProgram } {
  const g = new tf.Graph();
  const [x, out] = g.asDefault(() => {
    const x = tf.placeholder('float32', shape, 'x');
    const ax = tf.constant(Int32Array.from(axes), 'int32', [axes.length]);
    return [x, applyOp(type, type, [['input', x], ['reduction_indices', ax]], { T: attr.type('float32'), Tidx: attr.type('int32'), keep_dims: attr.bool(keepDims) }, { sameType: [0] }).output] as const;
  });
  const res = new tf.Session(g).run(out, new Map([[x, { dtype: 'float32' as const, shape, data }]]));
  const cpu = Float32Array.from([res].flat(Infinity as 1) as number[]);
  const op = out.op;
  const program = webglHostParamKernels[type]!.make(op, [shape, [axes.length]], [Int32Array.from(axes)]) as GpuProgram;
  const ctx = backend.context;
  const tex = ctx.upload(data);
  const o = ctx.run(program, [tex]);
  const gpu = ctx.download(o, size(program.outputShape));
  ctx.pool.release(tex);
  ctx.pool.release(o);
  expect(program.outputShape).toEqual(out.shape);
  return { cpu, gpu, program };
}

describe('reductions', () => {
  for (const type of ['Sum', 'Mean', 'Prod', 'Max', 'Min']) {
    for (const [shape, axes, keep] of CASES) {
      test(`${type} [${shape}] axes [${axes}] keep_dims=${keep}`, () => {
        const data = uniform(size(shape), shape.length + axes.length, type === 'Prod' ? 0.5 : -3, type === 'Prod' ? 1.5 : 3);
        const { cpu, gpu } = runBoth(type, shape, axes, keep, data);
        const count = size(shape) / Math.max(cpu.length, 1);
        const bad: string[] = [];
        for (let i = 0; i < cpu.length; i++) {
          const c = cpu[i]!;
          // Σ|x| ≤ count·3 for these inputs: a bound, not the element's exact sum, so it cannot be too tight.
          const tol = type === 'Max' || type === 'Min' ? 0 : type === 'Prod' ? 1e-5 * Math.abs(c) : count * 2 ** -23 * count * 3 / (type === 'Mean' ? count : 1);
          if (!(Math.abs(gpu[i]! - c) <= tol) && bad.length < 5) bad.push(`[${i}] webgl ${gpu[i]} vs cpu ${c} (tol ${tol})`);
        }
        expect(bad).toEqual([]);
      });
    }
  }

  test('a bad axis names itself', () => {
    expect(() => reduceProgram('Sum', [2, 3], [2], false)).toThrow(/Invalid reduction dimension \(2 for input with 2/);
  });
});
