// Every element-wise math kernel against NumPy (see gen_elementwise_fixtures.py), with
// the op's static shape/dtype inference checked against the concrete result.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupOpDef } from '../../../src/engine/registry.ts';
import { mathOps } from '../../../src/ops/math/index.ts';
import { attr, type Attrs } from '../../../src/engine/attr.ts';
import type { DType } from '../../../src/engine/dtype.ts';
import { Graph } from '../../../src/engine/graph.ts';
import type { KernelContext } from '../../../src/engine/op-def.ts';
import { allocate, type TensorValue } from '../../../src/engine/tensor-value.ts';

interface Encoded {
  dtype: DType;
  shape: number[];
  data: (number | boolean | string)[];
}
interface Case {
  op: string;
  inputs: Encoded[];
  output: Encoded;
  ulps: number;
  attrs?: Record<string, string | number>;
}

const fixtures = JSON.parse(readFileSync(new URL('./elementwise.fixtures.json', import.meta.url), 'utf8')) as { cases: Case[] };

function decode(e: Encoded): TensorValue {
  const v = allocate(e.dtype, e.shape);
  const d = v.data as Float32Array;
  e.data.forEach((x, i) => {
    d[i] = x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : Number(x);
  });
  return v;
}

/** Run one op's CPU kernel on concrete values, building the op over placeholders of their exact shapes. */
function runKernel(type: string, inputs: readonly TensorValue[], extra: Attrs = {}): { value: TensorValue; static: { dtype: DType; shape: unknown } } {
  const g = new Graph();
  const phs = inputs.map((v, i) => g.createOp('Placeholder', [], { dtype: attr.type(v.dtype), shape: attr.shape(v.shape) }, `in${i}`).output);
  const attrs: Attrs = { T: attr.type(inputs[inputs.length - 1]!.dtype), ...extra };
  const op = g.createOp(type, phs, attrs, type);
  const unused = (): never => {
    throw new Error('not used by element-wise kernels');
  };
  const ctx: KernelContext = { op, ref: unused, variable: unused, random: unused, print: unused };
  const [value] = lookupOpDef(type).cpu(inputs, ctx);
  return { value: value!, static: { dtype: op.output.dtype, shape: op.output.shape } };
}

/** Distance in float32 units in the last place (ordered bit patterns). */
function ulpDistance(a: number, b: number): number {
  const bits = new Int32Array(new Float32Array([a, b]).buffer);
  const ordered = (i: number) => (i < 0 ? -2147483648 - i : i);
  return Math.abs(ordered(bits[0]!) - ordered(bits[1]!));
}

function attrsOf(c: Case): Attrs {
  const out: Record<string, Attrs[string]> = {};
  for (const [k, v] of Object.entries(c.attrs ?? {})) out[k] = typeof v === 'number' ? attr.int(v) : attr.type(v as DType);
  if (c.op === 'Cast') out['SrcT'] = attr.type(c.inputs[0]!.dtype);
  return out;
}

describe('element-wise kernels match NumPy', () => {
  const counts = new Map<string, number>();
  for (const c of fixtures.cases) {
    const n = (counts.get(c.op) ?? 0) + 1;
    counts.set(c.op, n);
    const label = `${c.op} #${n}: ${c.inputs.map((x) => `${x.dtype}[${x.shape}]`).join(' , ')}`;
    it(label, () => {
      const { value, static: inferred } = runKernel(c.op, c.inputs.map(decode), attrsOf(c));
      const expected = decode(c.output);
      expect(value.dtype).toBe(expected.dtype);
      expect(value.shape).toEqual(expected.shape);
      expect(inferred).toEqual({ dtype: expected.dtype, shape: expected.shape });
      const got = value.data as Float32Array;
      const want = expected.data as Float32Array;
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) {
        const [g, w] = [got[i]!, want[i]!];
        const ok = (Number.isNaN(g) && Number.isNaN(w)) || g === w || (c.ulps > 0 && ulpDistance(g, w) <= c.ulps);
        if (!ok) expect.fail(`element ${i}: got ${g}, NumPy ${w} (allowed ${c.ulps} ulps)`);
      }
    });
  }

  it('covers every element-wise op registered by the math family', () => {
    const covered = new Set(fixtures.cases.map((c) => c.op));
    const registered = mathOps().map((d) => d.type);
    const elementwise = ['Add', 'Sub', 'Mul', 'RealDiv', 'FloorDiv', 'FloorMod', 'Maximum', 'Minimum', 'Pow', 'SquaredDifference',
      'Neg', 'Abs', 'Sign', 'Square', 'Reciprocal', 'Sqrt', 'Rsqrt', 'Exp', 'Log', 'SqrtGrad', 'RsqrtGrad', 'ReciprocalGrad',
      'Relu', 'ReluGrad', 'Sigmoid', 'SigmoidGrad', 'Tanh', 'TanhGrad', 'Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less',
      'LessEqual', 'LogicalAnd', 'LogicalOr', 'LogicalNot', 'Select', 'Cast', 'AddN', 'ZerosLike', 'OnesLike'];
    expect(elementwise.filter((op) => !covered.has(op))).toEqual([]);
    expect([...registered].sort()).toEqual([...elementwise].sort());
  });
});
