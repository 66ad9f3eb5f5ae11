/**
 * Tile, Transpose and Slice programs (programs/gather-index.ts) against the CPU kernels:
 * the op run in a CPU session, its program run directly on a GPU context with the same
 * int32 parameters (the backend does not yet pass parameter values to programs; kernels.ts
 * `webglHostParamKernels`). Every output element is a copy of an input element: exact.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { webglHostParamKernels } from '../../src/backend/webgl/kernels.ts';
import type { GpuProgram } from '../../src/backend/webgl/program.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 });
});

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Runs `make(x)` on the CPU and the op's program on the GPU with `params`; expects equal results. */
function expectSame(type: string, shape: number[], params: number[][], make: (x: tf.Tensor) => tf.Tensor): void {
  const data = uniform(size(shape), shape.length * 5 + 1, -4, 4);
  const g = new tf.Graph();
  const [x, out] = g.asDefault(() => {
    const x = tf.placeholder('float32', shape, 'x');
    return [x, make(x)] as const;
  });
  const cpu = [new tf.Session(g).run(out, new Map([[x, { dtype: 'float32' as const, shape, data }]]))].flat(Infinity as 1) as number[];
  const kernel = webglHostParamKernels[type]!;
  const program = kernel.make(out.op, [shape, ...params.map((p) => [p.length])], params.map((p) => Int32Array.from(p))) as GpuProgram;
  expect(program.outputShape).toEqual(out.shape);
  const ctx = backend.context;
  const tex = ctx.upload(data);
  const o = ctx.run(program, [tex]);
  const gpu = ctx.download(o, size(program.outputShape));
  ctx.pool.release(tex);
  ctx.pool.release(o);
  expect(Array.from(gpu)).toEqual(cpu.map((v) => Math.fround(v)));
}

describe('Tile', () => {
  const cases: [number[], number[]][] = [[[1], [64]], [[2, 3], [2, 1]], [[2, 1, 3], [1, 4, 2]], [[5], [1]]];
  for (const [shape, multiples] of cases) {
    test(`[${shape}] × [${multiples}]`, () => expectSame('Tile', shape, [multiples], (x) => tf.tile(x, multiples)));
  }
});

describe('Transpose', () => {
  const cases: [number[], number[]][] = [[[3, 5], [1, 0]], [[2, 3, 4], [2, 0, 1]], [[2, 3, 4], [0, 2, 1]], [[7], [0]]];
  for (const [shape, perm] of cases) {
    test(`[${shape}] perm [${perm}]`, () => expectSame('Transpose', shape, [perm], (x) => tf.transpose(x, perm)));
  }
});

describe('Slice', () => {
  const cases: [number[], number[], number[]][] = [[[4, 5], [1, 0], [2, -1]], [[3, 4, 5], [0, 1, 2], [3, 2, 3]], [[9], [4], [5]]];
  for (const [shape, begin, sz] of cases) {
    test(`[${shape}] begin [${begin}] size [${sz}]`, () => expectSame('Slice', shape, [begin, sz], (x) => tf.slice(x, begin, sz)));
  }
  test('a box past the edge names itself', () => {
    expect(() => webglHostParamKernels['Slice']!.make(null as never, [[4], [1], [1]], [Int32Array.of(2), Int32Array.of(3)])).toThrow(/Expected begin\[0\] in \[0, 4\] and size\[0\] in \[0, 2\]/);
  });
});
