import { UnimplementedError, InvalidArgumentError } from '../../engine/errors.ts';
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { expandDims } from '../../api/array.ts';
import { opMul, opNeg } from '../../api/math.ts';
import { logSoftmax } from '../../api/nn.ts';
import { fmt } from '../infer.ts';
import { constantValue } from '../array/constant-value.ts';
import { shapeError } from '../array/indexing.ts';

/** TF's `_BroadcastMul`: vec[:, None] * mat. */
function broadcastMul(vec: Tensor, mat: Tensor): Tensor {
  return opMul(expandDims(vec, -1), mat);
}

/** TF's `IsZero` in the xent gradient: a ZerosLike, or a constant of zeros. */
function isZero(g: Tensor): boolean {
  if (g.op.type === 'ZerosLike' || g.op.type === 'Zeros') return true;
  const v = constantValue(g);
  return v !== null && Array.prototype.every.call(v.data, (x: unknown) => x === 0);
}

/**
 * TF's `_SoftmaxCrossEntropyWithLogitsGrad` (the version that also differentiates the
 * labels, as `softmax_cross_entropy_with_logits_v2` needs): logits get
 * grad_loss[:, None] * backprop, labels get grad_loss[:, None] * -log_softmax(logits).
 */
function xentGrad(op: Operation, grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const [gradLoss, gradGrad] = grads;
  const grad = broadcastMul(gradLoss!, op.outputs[1]!);
  if (gradGrad !== null && gradGrad !== undefined && !isZero(gradGrad)) {
    // TF adds a softmax-Jacobian term here, built with a batched matmul this engine lacks.
    throw new UnimplementedError('The second derivative of SoftmaxCrossEntropyWithLogits (a gradient flowing into its backprop output) is not supported');
  }
  const logits = op.inputs[0]!;
  return [grad, broadcastMul(gradLoss!, opNeg(logSoftmax(logits)))];
}

/**
 * `SoftmaxCrossEntropyWithLogits(features, labels)` → (loss, backprop) for [batch, classes]
 * matrices: loss = -sum(labels * log_softmax(features)), backprop = softmax - labels.
 */
export const SoftmaxCrossEntropyWithLogits: OpDef = {
  type: 'SoftmaxCrossEntropyWithLogits',
  infer: (ctx) => {
    const [logits, labels] = ctx.inputs as [Tensor, Tensor];
    if (logits.shape !== null && logits.shape.length !== 2) throw shapeError(`Shape must be rank 2 but is rank ${logits.shape.length}`, ctx.op, ctx.inputs);
    if (labels.shape !== null && labels.shape.length !== 2) throw shapeError(`Shape must be rank 2 but is rank ${labels.shape.length}`, ctx.op, ctx.inputs);
    const a = logits.shape ?? [null, null];
    const b = labels.shape ?? [null, null];
    a.forEach((d, i) => {
      const e = b[i]!;
      if (d !== null && e !== null && d !== e) {
        throw shapeError(`Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are ${fmt(a)} and ${fmt(b)}.`, ctx.op, ctx.inputs);
      }
    });
    const merged = mergeShapes(a, b)!;
    return [{ dtype: logits.dtype, shape: [merged[0]!] }, { dtype: logits.dtype, shape: merged }];
  },
  grad: xentGrad,
  cpu: (inputs, ctx) => {
    const [logits, labels] = inputs as [TensorValue, TensorValue];
    if (logits.shape.length !== 2 || labels.shape.length !== 2 || logits.shape[0] !== labels.shape[0] || logits.shape[1] !== labels.shape[1]) {
      throw new InvalidArgumentError(
        `logits and labels must be same size: logits_size=[${logits.shape.join(',')}] labels_size=[${labels.shape.join(',')}]`,
        ctx.op.name,
      );
    }
    const [rows, cols] = logits.shape as [number, number];
    const x = logits.data as Float32Array;
    const y = labels.data as Float32Array;
    const loss = allocate(logits.dtype, [rows]);
    const backprop = allocate(logits.dtype, [rows, cols]);
    const l = loss.data as Float32Array;
    const b = backprop.data as Float32Array;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (x[o + j]! > max) max = x[o + j]!;
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += Math.exp(x[o + j]! - max);
      const logSum = Math.log(sum);
      let acc = 0;
      for (let j = 0; j < cols; j++) {
        const shifted = x[o + j]! - max;
        acc += y[o + j]! * (logSum - shifted);
        b[o + j] = Math.exp(shifted) / sum - y[o + j]!;
      }
      l[r] = acc;
    }
    return [loss, backprop];
  },
};
