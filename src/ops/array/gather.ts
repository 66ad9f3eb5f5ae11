import { InvalidArgumentError, UnimplementedError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { elements } from './indexing.ts';

/** `Gather(params, indices)` (TF 1.1's op, axis 0): `out[i, ...] = params[indices[i], ...]`. */
export const Gather: OpDef = {
  type: 'Gather',
  infer: ({ inputs }) => {
    const [params, indices] = inputs as [(typeof inputs)[0], (typeof inputs)[0]];
    const shape = params.shape === null || indices.shape === null ? null : [...indices.shape, ...params.shape.slice(1)];
    return [{ dtype: params.dtype, shape }];
  },
  // TF's `_GatherGrad` returns IndexedSlices, which this engine does not have.
  grad: () => {
    throw new UnimplementedError('The gradient of Gather needs IndexedSlices, which are not supported');
  },
  cpu: (inputs, ctx) => {
    const [params, indices] = inputs as [TensorValue, TensorValue];
    if (params.shape.length === 0) throw new InvalidArgumentError('params must be at least 1 dimensional', ctx.op.name);
    const rows = params.shape[0]!;
    const rowShape = params.shape.slice(1);
    const rowSize = rowShape.reduce((a, b) => a * b, 1);
    const ix = indices.data as Int32Array;
    const out: TensorValue = { dtype: params.dtype, shape: [...indices.shape, ...rowShape], data: allocateData(params.dtype, ix.length * rowSize) };
    const src = elements(params);
    const dst = elements(out);
    for (let i = 0; i < ix.length; i++) {
      const k = ix[i]!;
      if (k < 0 || k >= rows) throw new InvalidArgumentError(`indices[${i}] = ${k} is not in [0, ${rows})`, ctx.op.name);
      for (let j = 0; j < rowSize; j++) dst[i * rowSize + j] = src[k * rowSize + j];
    }
    return [out];
  },
};
