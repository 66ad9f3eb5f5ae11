/**
 * Fused element-wise programs (programs/fused.ts) against the CPU kernels applied op by
 * op: the same chain built as a graph and run on the CPU backend. Tolerance
 * |fused − cpu| ≤ 1e-6 + 1e-5·|cpu|: each node is its op's own GLSL, so a chain of exact
 * ops is exact, but transcendental snippets (exp, log, tanh) are a few ulp off the CPU's
 * and the compiler may contract a Mul feeding an Add into one fused multiply-add.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { attr, type AttrValue } from '../../src/engine/attr.ts';
import { applyOp } from '../../src/engine/op-builder.ts';
import { WebGLBackend } from '../../src/backend/webgl/index.ts';
import { type FusedSpec, fusedElementwiseProgram, isFusable } from '../../src/backend/webgl/programs/fused.ts';
import { uniform } from './compare.ts';
import { createGL } from './gl.ts';

let backend: WebGLBackend;
beforeAll(() => {
  backend = new WebGLBackend(createGL(), { debug: true, smallOnCpu: 0 });
});

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** The chain as a graph of real ops, run on the CPU backend: the reference. */
function cpuChain(spec: FusedSpec, data: readonly Float32Array[]): Float32Array {
  const g = new tf.Graph();
  const [xs, out] = g.asDefault(() => {
    const xs = spec.inputShapes.map((s, k) => tf.placeholder('float32', s, `x${k}`));
    const values: tf.Tensor[] = [];
    for (const node of spec.nodes) {
      const args = node.args.map((a) => ('input' in a ? xs[a.input]! : values[a.node]!));
      const named = args.map((t, i) => [node.type === 'AddN' ? 'inputs' : `x${i}`, t] as const);
      const attrs: Record<string, AttrValue> = { T: attr.type('float32') };
      if (node.type === 'AddN') attrs['N'] = attr.int(args.length);
      values.push(applyOp(node.type, node.type, named, attrs).outputs[0]!);
    }
    return [xs, values[values.length - 1]!] as const;
  });
  const feeds = new Map<tf.Tensor, tf.FeedValue>(xs.map((x, k) => [x, { dtype: 'float32', shape: spec.inputShapes[k]!, data: data[k]! }]));
  const flat = (v: unknown): number[] => (Array.isArray(v) ? (v.flat(Infinity as 1) as number[]) : [v as number]);
  return Float32Array.from(flat(new tf.Session(g).run(out, feeds)));
}

/** Runs the fused program on the GPU context directly (no session plan involved). */
function gpuChain(spec: FusedSpec, data: readonly Float32Array[]): Float32Array {
  const ctx = backend.context;
  const program = fusedElementwiseProgram(spec);
  const textures = data.map((d) => ctx.upload(d));
  const out = ctx.run(program, textures);
  const result = ctx.download(out, size(spec.outputShape));
  for (const t of [...textures, out]) ctx.pool.release(t);
  return result;
}

function expectClose(gpu: Float32Array, cpu: Float32Array): void {
  expect(gpu.length).toBe(cpu.length);
  const bad: string[] = [];
  for (let i = 0; i < cpu.length; i++) {
    const ok = Number.isNaN(cpu[i]!) ? Number.isNaN(gpu[i]!) : Math.abs(gpu[i]! - cpu[i]!) <= 1e-6 + 1e-5 * Math.abs(cpu[i]!);
    if (!ok && bad.length < 5) bad.push(`[${i}] fused ${gpu[i]} vs cpu ${cpu[i]}`);
  }
  expect(bad).toEqual([]);
}

const I = (input: number) => ({ input });
const N = (node: number) => ({ node });

const CHAINS: [string, FusedSpec, [number, number][]][] = [
  ['the bench chain: relu(exp(x·y + z) − y), same shapes', {
    inputShapes: [[1000], [1000], [1000]],
    nodes: [{ type: 'Mul', args: [I(0), I(1)] }, { type: 'Add', args: [N(0), I(2)] }, { type: 'Exp', args: [N(1)] },
      { type: 'Sub', args: [N(2), I(1)] }, { type: 'Relu', args: [N(3)] }],
    outputShape: [1000],
  }, [[-2, 2], [-1, 1], [-1, 1]]],
  ['a dense layer epilogue: relu(x·w + b), b broadcast over rows', {
    inputShapes: [[64, 33], [64, 33], [33]],
    nodes: [{ type: 'Mul', args: [I(0), I(1)] }, { type: 'Add', args: [N(0), I(2)] }, { type: 'Relu', args: [N(1)] }],
    outputShape: [64, 33],
  }, [[-2, 2], [-2, 2], [-1, 1]]],
  ['both sides broadcast, a scalar, an input read twice', {
    inputShapes: [[4, 1, 3], [5, 1], []],
    nodes: [{ type: 'SquaredDifference', args: [I(0), I(1)] }, { type: 'Mul', args: [N(0), I(2)] },
      { type: 'Maximum', args: [N(1), I(0)] }, { type: 'Tanh', args: [N(2)] }],
    outputShape: [4, 5, 3],
  }, [[-2, 2], [-2, 2], [0.5, 1.5]]],
  ['a node narrower than the output (broadcast after computing)', {
    inputShapes: [[7], [7], [6, 7]],
    nodes: [{ type: 'RealDiv', args: [I(0), I(1)] }, { type: 'Sigmoid', args: [N(0)] }, { type: 'Sub', args: [I(2), N(1)] }],
    outputShape: [6, 7],
  }, [[-3, 3], [0.5, 2], [-1, 1]]],
  ['AddN of three and a gradient op (the backward of a sum of ReLUs)', {
    inputShapes: [[3, 40], [3, 40], [3, 40], [3, 40]],
    nodes: [{ type: 'AddN', args: [I(0), I(1), I(2)] }, { type: 'ReluGrad', args: [N(0), I(3)] }, { type: 'Neg', args: [N(1)] }],
    outputShape: [3, 40],
  }, [[-1, 1], [-1, 1], [-1, 1], [-1, 1]]],
  ['a single unary node, rank 0', {
    inputShapes: [[]], nodes: [{ type: 'Log', args: [I(0)] }], outputShape: [],
  }, [[0.5, 3]]],
];

describe('fused element-wise chains match the CPU kernels op by op', () => {
  for (const [title, spec, ranges] of CHAINS) {
    test(title, () => {
      const data = spec.inputShapes.map((s, k) => uniform(size(s), 17 * k + 5, ...ranges[k]!));
      expectClose(gpuChain(spec, data), cpuChain(spec, data));
    });
  }

  test('a chain over more elements than one texture row (2 rows of MAX_TEXTURE_SIZE + 3)', () => {
    const n = backend.context.maxTextureSize * 2 + 3;
    const spec: FusedSpec = { inputShapes: [[n], [1]], nodes: [{ type: 'Mul', args: [I(0), I(1)] }, { type: 'Abs', args: [N(0)] }], outputShape: [n] };
    const data = [uniform(n, 3), Float32Array.of(-2)];
    expectClose(gpuChain(spec, data), cpuChain(spec, data));
  });
});

describe('fused spec validation', () => {
  const one = (nodes: FusedSpec['nodes'], inputShapes: number[][] = [[2]], outputShape = [2]): (() => unknown) =>
    () => fusedElementwiseProgram({ inputShapes, nodes, outputShape });
  test('isFusable names the element-wise float ops only', () => {
    expect(['Add', 'Relu', 'ReluGrad', 'AddN', 'Exp'].every(isFusable)).toBe(true);
    expect(['MatMul', 'Sum', 'Softmax', 'Cast', 'Reshape'].some(isFusable)).toBe(false);
  });
  test('errors name what is wrong', () => {
    expect(one([])).toThrow(/at least one node/);
    expect(one([{ type: 'MatMul', args: [I(0), I(0)] }])).toThrow(/'MatMul' cannot be fused/);
    expect(one([{ type: 'Add', args: [I(0)] }])).toThrow(/takes 2 arguments, got 1/);
    expect(one([{ type: 'Neg', args: [I(3)] }])).toThrow(/reads input 3, but the chain has 1 inputs/);
    expect(one([{ type: 'Neg', args: [N(0)] }])).toThrow(/only earlier nodes/);
    expect(one([{ type: 'Neg', args: [I(0)] }], [[3]], [2])).toThrow(/Incompatible shapes|does not broadcast/);
    expect(one([{ type: 'Neg', args: [I(0)] }], [[2, 2]], [2])).toThrow(/does not broadcast to its output shape/);
  });
});
