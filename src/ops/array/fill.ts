import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { reduceSum } from '../../api/reduce.ts';
import { constantValueAsShape } from './constant-value.ts';
import { elements, intsOf } from './indexing.ts';

/** `Fill(dims, value)`: a tensor of shape `dims` with every element `value`. */
export const Fill: OpDef = {
  type: 'Fill',
  infer: ({ inputs }) => [{ dtype: inputs[1]!.dtype, shape: constantValueAsShape(inputs[0]!) }],
  // TF's `_FillGrad`: the value receives the sum of the output gradient.
  grad: (_op, grads) => [null, reduceSum(grads[0]!)],
  cpu: (inputs, ctx) => {
    const [dims, value] = inputs as [TensorValue, TensorValue];
    if (dims.shape.length !== 1) throw new InvalidArgumentError(`dims must be a vector, got shape [${dims.shape.join(',')}]`, ctx.op.name);
    if (value.shape.length !== 0) throw new InvalidArgumentError(`value must be a scalar, got shape [${value.shape.join(',')}]`, ctx.op.name);
    const shape = intsOf(dims);
    let n = 1;
    for (const d of shape) n *= d;
    const data = allocateData(value.dtype, n) as unknown as { fill(v: unknown): void };
    data.fill(elements(value)[0]);
    return [{ dtype: value.dtype, shape, data: data as unknown as TensorValue['data'] }];
  },
};
