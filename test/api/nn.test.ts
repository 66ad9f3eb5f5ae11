// tf.nn softmax functions build what TF 1.x's nn_ops builds; the cross-entropy's
// gradient follows nn_grad.py's `_SoftmaxCrossEntropyWithLogitsGrad` (with the labels
// gradient that softmax_cross_entropy_with_logits_v2 needs).
import { beforeEach, describe, expect, it } from 'vitest';
import * as nn from '../../src/api/nn.ts';
import { placeholder } from '../../src/api/state.ts';
import { gradients } from '../../src/engine/gradients.ts';
import { resetDefaultGraph } from '../../src/engine/graph.ts';
import { listNodes } from '../ops/array/graph-listing.ts';

beforeEach(() => resetDefaultGraph());

describe('softmax', () => {
  it('a matrix goes straight to the op; other ranks are flattened around it as TF 1.x does', () => {
    nn.softmax(placeholder('float32', [null, 10], 'x'));
    nn.logSoftmax(placeholder('float32', [2, 3, 4], 'z'), 'ls');
    expect(listNodes()).toEqual([
      'Softmax: Softmax <- x',
      'Shape: Const', 'Rank: Const', 'Shape_1: Const', 'Sub/y: Const', 'Sub: Sub <- Rank, Sub/y',
      'Slice/begin: Pack <- Sub', 'Slice/size: Const', 'Slice: Slice <- Shape_1, Slice/begin, Slice/size',
      'concat/values_0: Const', 'concat/axis: Const', 'concat: ConcatV2 <- concat/values_0, Slice, concat/axis',
      'Reshape: Reshape <- z, concat', 'ls: LogSoftmax <- Reshape', 'Reshape_1: Reshape <- ls, Shape',
    ]);
  });

  it('gradients: TF 1.x _SoftmaxGrad and _LogSoftmaxGrad', () => {
    const x = placeholder('float32', [null, 10], 'x');
    gradients(nn.softmax(x), [x]);
    expect(listNodes('gradients/Softmax_grad/')).toEqual([
      'mul: Mul <- gradients/Fill, Softmax',
      'Sum/reduction_indices: Const', 'Sum: Sum <- mul, Sum/reduction_indices',
      'Reshape/shape: Const', 'Reshape: Reshape <- Sum, Reshape/shape',
      'sub: Sub <- gradients/Fill, Reshape',
      'mul_1: Mul <- sub, Softmax',
    ]);
    gradients(nn.logSoftmax(x), [x]);
    expect(listNodes('gradients_1/LogSoftmax_grad/')).toEqual([
      'Exp: Exp <- LogSoftmax',
      'Sum/reduction_indices: Const', 'Sum: Sum <- gradients_1/Fill, Sum/reduction_indices',
      'mul: Mul <- Sum, Exp',
      'sub: Sub <- gradients_1/Fill, mul',
    ]);
  });
});

describe('softmaxCrossEntropyWithLogitsV2', () => {
  it('flattens both inputs, runs the fused op named after the scope, and reshapes the cost back', () => {
    const logits = placeholder('float32', [null, 10], 'logits');
    const labels = placeholder('float32', [null, 10], 'labels');
    nn.softmaxCrossEntropyWithLogitsV2({ labels, logits });
    const s = 'softmax_cross_entropy_with_logits/';
    expect(listNodes(s)).toEqual([
      'Rank: Const', 'Shape: Shape <- logits',
      'Rank_1: Const', 'Shape_1: Shape <- logits', 'Sub/y: Const', 'Sub: Sub <- Rank_1, Sub/y',
      'Slice/begin: Pack <- Sub', 'Slice/size: Const', 'Slice: Slice <- Shape_1, Slice/begin, Slice/size',
      'concat/values_0: Const', 'concat/axis: Const', 'concat: ConcatV2 <- concat/values_0, Slice, concat/axis',
      'Reshape: Reshape <- logits, concat',
      'Rank_2: Const', 'Shape_2: Shape <- labels', 'Sub_1/y: Const', 'Sub_1: Sub <- Rank_2, Sub_1/y',
      'Slice_1/begin: Pack <- Sub_1', 'Slice_1/size: Const', 'Slice_1: Slice <- Shape_2, Slice_1/begin, Slice_1/size',
      'concat_1/values_0: Const', 'concat_1/axis: Const', 'concat_1: ConcatV2 <- concat_1/values_0, Slice_1, concat_1/axis',
      'Reshape_1: Reshape <- labels, concat_1',
      'Sub_2/y: Const', 'Sub_2: Sub <- Rank, Sub_2/y',
      'Slice_2/begin: Const', 'Slice_2/size: Pack <- Sub_2', 'Slice_2: Slice <- Shape, Slice_2/begin, Slice_2/size',
      'Reshape_2: Reshape <- softmax_cross_entropy_with_logits, Slice_2',
    ]);
    expect(listNodes().filter((l) => l.startsWith('softmax_cross_entropy_with_logits:'))).toEqual([
      `softmax_cross_entropy_with_logits: SoftmaxCrossEntropyWithLogits <- ${s}Reshape, ${s}Reshape_1`,
    ]);
  });

  it('gradient: backprop times the loss gradient for logits, -log_softmax for labels', () => {
    const logits = placeholder('float32', [null, 10], 'logits');
    const labels = placeholder('float32', [null, 10], 'labels');
    gradients(nn.softmaxCrossEntropyWithLogitsV2({ labels, logits, name: 'xent' }), [logits, labels]);
    const up = 'gradients/xent/Reshape_2_grad/Reshape';
    expect(listNodes('gradients/xent_grad/')).toEqual([
      'ExpandDims/dim: Const', `ExpandDims: ExpandDims <- ${up}, ExpandDims/dim`, 'mul: Mul <- ExpandDims, xent:1',
      'LogSoftmax: LogSoftmax <- xent/Reshape', 'Neg: Neg <- LogSoftmax',
      'ExpandDims_1/dim: Const', `ExpandDims_1: ExpandDims <- ${up}, ExpandDims_1/dim`, 'mul_1: Mul <- ExpandDims_1, Neg',
    ]);
    // The unused backprop output gets TF's zeros, which the gradient recognises as zero.
    expect(listNodes().filter((l) => l.startsWith('gradients/zeros_like'))).toEqual(['gradients/zeros_like: ZerosLike <- xent:1']);
  });
});
