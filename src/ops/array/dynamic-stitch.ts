import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes, numElements, type Shape } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { gather } from '../../api/array.ts';
import { fmt } from '../infer.ts';
import { constantValue } from './constant-value.ts';
import { elements, shapeError } from './indexing.ts';

/**
 * `DynamicStitch(indices[N], data[N])`: `merged[indices[m][i]] = data[m][i]`, later
 * partitions overwriting earlier ones. The output length is known statically only
 * when every index tensor is constant (TF's shape function).
 */
export const DynamicStitch: OpDef = {
  type: 'DynamicStitch',
  infer: (ctx) => {
    const n = getAttr(ctx.attrs, 'N', 'int', ctx.op.name);
    let allConstant = true;
    let maxIndex = -1;
    let extra: Shape = null;
    for (let i = 0; i < n; i++) {
      const indices = ctx.inputs[i]!;
      const data = ctx.inputs[n + i]!;
      const value = constantValue(indices);
      if (value === null) allConstant = false;
      else for (const k of value.data as Int32Array) maxIndex = Math.max(maxIndex, k);
      if (indices.shape === null) continue;
      const r = indices.shape.length;
      if (data.shape === null) continue;
      if (mergeShapes(data.shape.slice(0, r), indices.shape) === undefined) {
        throw shapeError(`Dimensions of data[${i}] ${fmt(data.shape)} must start with indices[${i}] ${fmt(indices.shape)}`, ctx.op, ctx.inputs);
      }
      const merged = mergeShapes(extra, data.shape.slice(r));
      if (merged === undefined) throw shapeError(`Shapes of data[${i}] do not match the other partitions`, ctx.op, ctx.inputs);
      extra = merged;
    }
    const dtype = ctx.inputs[n]!.dtype;
    if (extra === null) return [{ dtype, shape: null }];
    return [{ dtype, shape: [allConstant ? maxIndex + 1 : null, ...extra] }];
  },
  // TF's `_DynamicStitchGrads`: each data partition gathers its rows of the gradient.
  grad: (op, grads) => {
    const n = op.getAttr('N', 'int');
    const out: (Tensor | null)[] = new Array<null>(n).fill(null);
    for (let i = 0; i < n; i++) out.push(gather(grads[0]!, op.inputs[i]!));
    return out;
  },
  cpu: (inputs, ctx) => {
    const n = ctx.op.getAttr('N', 'int');
    const indices = inputs.slice(0, n);
    const data = inputs.slice(n);
    let maxIndex = -1;
    for (const ix of indices) for (const k of ix.data as Int32Array) maxIndex = Math.max(maxIndex, k);
    const first = data[0]!;
    const sliceShape = first.shape.slice(indices[0]!.shape.length);
    const sliceSize = numElements(sliceShape);
    const outShape = [maxIndex + 1, ...sliceShape];
    const out: TensorValue = { dtype: first.dtype, shape: outShape, data: allocateData(first.dtype, (maxIndex + 1) * sliceSize) };
    const dst = elements(out);
    for (let m = 0; m < n; m++) {
      const ix = indices[m]!.data as Int32Array;
      const d = data[m]!;
      const expected = [...indices[m]!.shape, ...sliceShape];
      if (d.shape.length !== expected.length || d.shape.some((s, i) => s !== expected[i])) {
        throw new InvalidArgumentError(
          `data[${m}].shape = [${d.shape.join(',')}] does not start with indices[${m}].shape = [${indices[m]!.shape.join(',')}]`,
          ctx.op.name,
        );
      }
      const src = elements(d);
      for (let i = 0; i < ix.length; i++) {
        const k = ix[i]!;
        if (k < 0) throw new InvalidArgumentError(`indices[${m}][${i}] = ${k} is negative`, ctx.op.name);
        for (let j = 0; j < sliceSize; j++) dst[k * sliceSize + j] = src[i * sliceSize + j];
      }
    }
    return [out];
  },
};
