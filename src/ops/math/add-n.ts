import { InvalidArgumentError, ValueError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes, sameShape, type Shape, shapeToString } from '../../engine/shape.ts';
import { allocate } from '../../engine/tensor-value.ts';
import { NUMERIC, checkDType, checkSameDType } from './rules.ts';

/**
 * `AddN(inputs)`: the sum of N tensors of one shape (no broadcasting), attrs `N`, `T`.
 * float32 sums are rounded after each addition, left to right, as TF's Add8/Add8p
 * chains do. Gradient: TF's `_AddNGrad`, the gradient itself for every input.
 */
export const AddN: OpDef = {
  type: 'AddN',
  infer: (ctx) => {
    checkSameDType(ctx, ctx.inputs.map(() => 'inputs'));
    checkDType(ctx, 'inputs', ctx.inputs[0]!, NUMERIC);
    let shape: Shape = null;
    for (const t of ctx.inputs) {
      const merged = mergeShapes(shape, t.shape);
      if (merged === undefined) {
        throw new ValueError(`Shapes ${shapeToString(shape)} and ${shapeToString(t.shape)} are incompatible for '${ctx.op.name}' (op: 'AddN')`);
      }
      shape = merged;
    }
    return [{ dtype: ctx.inputs[0]!.dtype, shape }];
  },
  grad: (op, grads) => op.inputs.map(() => grads[0] ?? null),
  cpu: (inputs, ctx) => {
    const first = inputs[0]!;
    inputs.forEach((t, i) => {
      if (!sameShape(t.shape, first.shape)) {
        throw new InvalidArgumentError(
          `Inputs to operation ${ctx.op.name} of type AddN must have the same size and shape.  Input 0: [${first.shape.join(',')}] != input ${i}: [${t.shape.join(',')}]`,
          ctx.op.name,
        );
      }
    });
    const out = allocate(first.dtype, first.shape);
    const o = out.data as Float32Array | Int32Array;
    o.set(first.data as Float32Array | Int32Array);
    for (let k = 1; k < inputs.length; k++) {
      const d = inputs[k]!.data as Float32Array | Int32Array;
      for (let i = 0; i < o.length; i++) o[i] = o[i]! + d[i]!;
    }
    return [out];
  },
};
