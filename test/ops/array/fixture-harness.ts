/**
 * Runs the NumPy fixtures of test/fixtures/array-ops (see gen_array_fixtures.py): each
 * case builds its op over Const inputs — so shape inference sees the values, as TF's
 * does for constants — runs the CPU kernel, and compares every output, and the
 * statically inferred dtype and shape, with NumPy's result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Graph } from '../../../src/engine/graph.ts';
import { attr, type Attrs, type AttrValue } from '../../../src/engine/attr.ts';
import type { DType } from '../../../src/engine/dtype.ts';
import type { KernelContext } from '../../../src/engine/op-def.ts';
import { lookupOpDef } from '../../../src/engine/registry.ts';
import type { Shape } from '../../../src/engine/shape.ts';
import { allocate, type TensorValue } from '../../../src/engine/tensor-value.ts';

export interface Encoded {
  dtype: DType;
  shape: number[];
  data: (number | boolean)[];
}
interface Case {
  op: string;
  attrs: Record<string, [string, unknown]>;
  inputs: Encoded[];
  outputs: Encoded[];
  rtol: number;
}

export function decode(e: Encoded): TensorValue {
  const v = allocate(e.dtype, e.shape);
  const d = v.data as Float32Array;
  e.data.forEach((x, i) => (d[i] = Number(x)));
  return v;
}

function decodeAttrs(raw: Case['attrs']): Attrs {
  const out: Record<string, AttrValue> = {};
  for (const [name, [kind, value]] of Object.entries(raw)) {
    switch (kind) {
      case 'type': out[name] = attr.type(value as DType); break;
      case 'int': out[name] = attr.int(value as number); break;
      case 'bool': out[name] = attr.bool(value as boolean); break;
      case 'list_int': out[name] = attr.listInt(value as number[]); break;
      default: throw new Error(`fixture attr kind ${kind}`);
    }
  }
  return out;
}

/** A KernelContext for kernels that only read their op's attrs. */
export function kernelContext(op: KernelContext['op']): KernelContext {
  const unused = (): never => {
    throw new Error('not used by these kernels');
  };
  return { op, ref: unused, variable: unused, random: unused, print: unused };
}

/** Build `type` over Const inputs and run its kernel; returns the values and the inferred output specs. */
export function runOnConsts(type: string, inputs: readonly TensorValue[], attrs: Attrs): { values: TensorValue[]; inferred: { dtype: DType; shape: Shape }[] } {
  const g = new Graph();
  const consts = inputs.map((v, i) => g.createOp('Const', [], { dtype: attr.type(v.dtype), value: attr.tensor(v) }, `in${i}`).output);
  const op = g.createOp(type, consts, attrs, type);
  const values = lookupOpDef(type).cpu(inputs, kernelContext(op));
  return { values, inferred: op.outputs.map((t) => ({ dtype: t.dtype, shape: t.shape })) };
}

/** Whether a static shape admits a concrete one. */
export function admits(shape: Shape, concrete: readonly number[]): boolean {
  return shape === null || (shape.length === concrete.length && shape.every((d, i) => d === null || d === concrete[i]));
}

/** Element-wise comparison with a relative tolerance (|got - want| <= rtol * max(1, |want|)). */
export function expectClose(got: TensorValue, want: TensorValue, rtol: number, label = ''): void {
  expect(got.dtype, label).toBe(want.dtype);
  expect([...got.shape], label).toEqual([...want.shape]);
  const g = got.data as Float32Array;
  const w = want.data as Float32Array;
  expect(g.length, label).toBe(w.length);
  for (let i = 0; i < w.length; i++) {
    const ok = g[i] === w[i] || (Number.isNaN(g[i]) && Number.isNaN(w[i])) || Math.abs(g[i]! - w[i]!) <= rtol * Math.max(1, Math.abs(w[i]!));
    if (!ok) expect.fail(`${label} element ${i}: got ${g[i]}, NumPy ${w[i]} (rtol ${rtol})`);
  }
}

/** One `describe` with an `it` per fixture case of `file`, optionally only for some op types. */
export function describeFixtures(title: string, file: string, ops?: readonly string[]): void {
  const fixtures = JSON.parse(readFileSync(new URL(`../../fixtures/array-ops/${file}`, import.meta.url), 'utf8')) as { cases: Case[] };
  const cases = fixtures.cases.filter((c) => ops === undefined || ops.includes(c.op));
  describe(title, () => {
    const counts = new Map<string, number>();
    for (const c of cases) {
      const n = (counts.get(c.op) ?? 0) + 1;
      counts.set(c.op, n);
      it(`${c.op} #${n}: ${c.inputs.map((x) => `${x.dtype}[${x.shape}]`).join(', ')} ${JSON.stringify(Object.fromEntries(Object.entries(c.attrs).filter(([k]) => !/^T/.test(k)).map(([k, v]) => [k, v[1]])))}`, () => {
        const { values, inferred } = runOnConsts(c.op, c.inputs.map(decode), decodeAttrs(c.attrs));
        expect(values.length).toBe(c.outputs.length);
        c.outputs.forEach((o, i) => {
          const want = decode(o);
          expectClose(values[i]!, want, c.rtol, `output ${i}`);
          expect(inferred[i]!.dtype).toBe(want.dtype);
          if (!admits(inferred[i]!.shape, want.shape)) expect.fail(`inferred shape ${JSON.stringify(inferred[i]!.shape)} does not admit [${want.shape}]`);
        });
      });
    }
    it('covers every op it is meant to', () => {
      const covered = new Set(cases.map((c) => c.op));
      expect((ops ?? []).filter((op) => !covered.has(op))).toEqual([]);
    });
  });
}
