import type { Operation, Tensor } from '../../engine/graph.ts';
import type { InferContext, OpDef, OutputSpec } from '../../engine/op-def.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { reshape } from '../../api/array.ts';
import { exp, opMul, opSub } from '../../api/math.ts';
import { reduceSum } from '../../api/reduce.ts';
import { shapeError } from '../array/indexing.ts';

/** TF 1.x's Softmax and LogSoftmax take a matrix: `nn.softmax` flattens other ranks first. */
function inferMatrix(ctx: InferContext): OutputSpec[] {
  const x = ctx.inputs[0]!;
  if (x.shape !== null && x.shape.length !== 2) throw shapeError(`Shape must be rank 2 but is rank ${x.shape.length}`, ctx.op, ctx.inputs);
  return [{ dtype: x.dtype, shape: x.shape ?? [null, null] }];
}

/**
 * Softmax (or log-softmax) over the last axis of each row, in float64 with the row
 * maximum subtracted first, as TF's kernel does for stability.
 */
function rowSoftmax(x: TensorValue, log: boolean): TensorValue {
  const out = allocate(x.dtype, x.shape);
  const src = x.data as Float32Array;
  const dst = out.data as Float32Array;
  const cols = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1]!;
  for (let r = 0; r + cols <= src.length && cols > 0; r += cols) {
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (src[r + j]! > max) max = src[r + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(src[r + j]! - max);
    if (log) {
      const logSum = Math.log(sum);
      for (let j = 0; j < cols; j++) dst[r + j] = src[r + j]! - max - logSum;
    } else {
      for (let j = 0; j < cols; j++) dst[r + j] = Math.exp(src[r + j]! - max) / sum;
    }
  }
  return out;
}

/** TF's `_SoftmaxGrad`: (grad - sum(grad * softmax, 1) reshaped to [-1, 1]) * softmax. */
function softmaxGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const softmax = op.outputs[0]!;
  const g = grads[0]!;
  return [opMul(opSub(g, reshape(reduceSum(opMul(g, softmax), [1]), [-1, 1])), softmax)];
}

/** TF's `_LogSoftmaxGrad`: grad - sum(grad, 1, keep_dims) * exp(log_softmax). */
function logSoftmaxGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const softmax = exp(op.outputs[0]!);
  const g = grads[0]!;
  return [opSub(g, opMul(reduceSum(g, 1, true), softmax))];
}

/** `Softmax(logits)`: exp(x) / sum(exp(x)) along the last axis. */
export const Softmax: OpDef = {
  type: 'Softmax',
  infer: inferMatrix,
  grad: softmaxGrad,
  cpu: (inputs) => [rowSoftmax(inputs[0]!, false)],
};

/** `LogSoftmax(logits)`: x - log(sum(exp(x))) along the last axis. */
export const LogSoftmax: OpDef = {
  type: 'LogSoftmax',
  infer: inferMatrix,
  grad: logSoftmaxGrad,
  cpu: (inputs) => [rowSoftmax(inputs[0]!, true)],
};
