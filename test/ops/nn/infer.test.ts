// Static shapes through the softmax family, including the flatten/reshape TF builds around the ops.
import { beforeEach, describe, expect, it } from 'vitest';
import * as nn from '../../../src/api/nn.ts';
import { placeholder } from '../../../src/api/state.ts';
import { resetDefaultGraph } from '../../../src/engine/graph.ts';

beforeEach(() => resetDefaultGraph());

describe('softmax shapes', () => {
  it('softmax keeps the shape for any rank and axis', () => {
    expect(nn.softmax(placeholder('float32', [null, 10], 'x')).shape).toEqual([null, 10]);
    expect(nn.logSoftmax(placeholder('float32', [2, 3, 4], 'y')).shape).toEqual([2, 3, 4]);
    expect(nn.softmax(placeholder('float32', [2, 3, 4], 'z'), undefined, 1).shape).toEqual([2, 3, 4]);
  });
  it('cross-entropy gives one loss per example', () => {
    const logits = placeholder('float32', [null, 10], 'logits');
    const labels = placeholder('float32', [null, 10], 'labels');
    expect(nn.softmaxCrossEntropyWithLogitsV2({ labels, logits }).shape).toEqual([null]);
    const l3 = placeholder('float32', [4, 5, 3], 'l3');
    expect(nn.softmaxCrossEntropyWithLogitsV2({ labels: l3, logits: l3 }).shape).toEqual([4, 5]);
    expect(nn.softmaxCrossEntropyWithLogitsV2({ labels: l3, logits: l3, axis: 1 }).shape).toEqual([4, 3]);
  });
  it('the fused op wants matching [batch, classes] matrices', () => {
    const a = placeholder('float32', [2, 3], 'a');
    const b = placeholder('float32', [2, 4], 'b');
    expect(() => nn.softmaxCrossEntropyWithLogitsV2({ labels: b, logits: a })).toThrow(
      "Dimension 1 in both shapes must be equal, but are 3 and 4. Shapes are [2,3] and [2,4]. for 'softmax_cross_entropy_with_logits' (op: 'SoftmaxCrossEntropyWithLogits')",
    );
  });
});
