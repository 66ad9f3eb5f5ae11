import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { InferContext, OpDef, OutputSpec } from '../../engine/op-def.ts';
import { isFullyDefined, numElements, type Dim } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { reshape, shape } from '../../api/array.ts';
import { fmt } from '../infer.ts';
import { constantValueAsShape } from './constant-value.ts';
import { intsOf, shapeError } from './indexing.ts';

/** TF's `_ReshapeToInput`: the gradient of a pure re-shaping op is reshaped back to the input's shape. */
export function reshapeToInput(op: Operation, grad: Tensor): Tensor {
  return reshape(grad, shape(op.inputs[0]!));
}

/**
 * TF's `SetOutputShapeForReshape`: the target shape as far as it is known statically
 * (`-1` and non-constant entries unknown), with a single unknown dimension inferred
 * when the input's element count is known.
 */
function inferReshape(ctx: InferContext): OutputSpec[] {
  const [x, target] = ctx.inputs as [Tensor, Tensor];
  let out = constantValueAsShape(target);
  if (out !== null) {
    const inElems = isFullyDefined(x.shape) ? numElements(x.shape) : null;
    if (isFullyDefined(out)) {
      const outElems = numElements(out);
      if (inElems !== null && inElems !== outElems) {
        throw shapeError(`Cannot reshape a tensor with ${inElems} elements to shape ${fmt(out)} (${outElems} elements)`, ctx.op, ctx.inputs);
      }
    } else if (inElems !== null) {
      const unknown = out.flatMap((d, i) => (d === null ? [i] : []));
      const known = out.reduce<number>((p, d) => p * (d ?? 1), 1);
      if (unknown.length === 1 && known !== 0) {
        if (inElems % known !== 0) {
          throw shapeError(`Dimension size must be evenly divisible by ${known} but is ${inElems}`, ctx.op, ctx.inputs);
        }
        const dims: Dim[] = [...out];
        dims[unknown[0]!] = inElems / known;
        out = dims;
      }
    }
  }
  return [{ dtype: x.dtype, shape: out }];
}

/** The concrete shape a Reshape kernel produces, with TF's runtime errors. */
export function resolveReshape(numIn: number, requested: readonly number[], opName: string): number[] {
  let unknown = -1;
  let product = 1;
  for (let i = 0; i < requested.length; i++) {
    const d = requested[i]!;
    if (d === -1) {
      if (unknown !== -1) throw new InvalidArgumentError(`Only one input size may be -1, not both ${unknown} and ${i}`, opName);
      unknown = i;
    } else if (d < 0) {
      throw new InvalidArgumentError(`Size ${i} must be non-negative, not ${d}`, opName);
    } else {
      product *= d;
    }
  }
  const out = [...requested];
  if (unknown !== -1) {
    if (product === 0 || numIn % product !== 0) {
      throw new InvalidArgumentError(`Input to reshape is a tensor with ${numIn} values, but the requested shape requires a multiple of ${product}`, opName);
    }
    out[unknown] = numIn / product;
  } else if (product !== numIn) {
    throw new InvalidArgumentError(`Input to reshape is a tensor with ${numIn} values, but the requested shape has ${product}`, opName);
  }
  return out;
}

/** A view of `x` with another shape: the data is shared, as TF's Reshape shares its buffer. */
export function withShape(x: TensorValue, shape: readonly number[]): TensorValue {
  return { dtype: x.dtype, shape, data: x.data };
}

/** `Reshape(tensor, shape)`; one entry of `shape` may be -1. */
export const Reshape: OpDef = {
  type: 'Reshape',
  infer: inferReshape,
  grad: (op, grads) => [reshapeToInput(op, grads[0]!), null],
  cpu: (inputs, ctx) => {
    const [x, target] = inputs as [TensorValue, TensorValue];
    if (target.shape.length !== 1) {
      throw new InvalidArgumentError(`shape must be a vector of {int32,int64}, got shape [${target.shape.join(',')}]`, ctx.op.name);
    }
    return [withShape(x, resolveReshape(x.data.length, intsOf(target), ctx.op.name))];
  },
};
