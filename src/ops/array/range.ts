import { getAttr } from '../../engine/attr.ts';
import type { DType } from '../../engine/dtype.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { constantValue } from './constant-value.ts';
import { shapeError } from './indexing.ts';

/** The length of `range(start, limit, delta)`, or TF's message when the arguments are invalid. */
function rangeSize(start: number, limit: number, delta: number, dtype: DType): number | string {
  if (delta === 0) return 'Requires delta != 0: 0';
  if (delta > 0 && start > limit) return `Requires start <= limit when delta > 0: ${start}/${limit}`;
  if (delta < 0 && start < limit) return `Requires start >= limit when delta < 0: ${start}/${limit}`;
  // TF: integer ranges use integer division; float ranges ceil the quotient.
  if (dtype === 'int32') return Math.trunc((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta));
  return Math.ceil(Math.abs((limit - start) / delta));
}

function scalarOf(v: TensorValue): number {
  return (v.data as Float32Array | Int32Array)[0]!;
}

/** `Range(start, limit, delta)` with attr `Tidx`: [start, start + delta, …) up to limit. */
export const Range: OpDef = {
  type: 'Range',
  infer: ({ inputs, attrs, op }) => {
    const dtype = getAttr(attrs, 'Tidx', 'type', op.name);
    const vals = inputs.map((t) => constantValue(t));
    if (vals.some((v) => v === null)) return [{ dtype, shape: [null] }];
    const n = rangeSize(scalarOf(vals[0]!), scalarOf(vals[1]!), scalarOf(vals[2]!), dtype);
    if (typeof n === 'string') throw shapeError(n, op, inputs);
    return [{ dtype, shape: [n] }];
  },
  grad: null,
  cpu: (inputs, ctx) => {
    const dtype = ctx.op.getAttr('Tidx', 'type');
    for (const [i, name] of ['start', 'limit', 'delta'].entries()) {
      if (inputs[i]!.shape.length !== 0) throw new InvalidArgumentError(`${name} must be a scalar, not shape [${inputs[i]!.shape.join(',')}]`, ctx.op.name);
    }
    const [start, limit, delta] = inputs.map(scalarOf) as [number, number, number];
    const n = rangeSize(start, limit, delta, dtype);
    if (typeof n === 'string') throw new InvalidArgumentError(n, ctx.op.name);
    const out = allocate(dtype, [n]);
    const d = out.data as Float32Array | Int32Array;
    // TF accumulates `val += delta` in the output type, so float ranges round at each step.
    let v = start;
    for (let i = 0; i < n; i++) {
      d[i] = v;
      v = dtype === 'float32' ? Math.fround(v + delta) : v + delta;
    }
    return [out];
  },
};
