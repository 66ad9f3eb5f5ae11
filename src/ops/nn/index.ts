import type { OpDef } from '../../engine/op-def.ts';
import { LogSoftmax, Softmax } from './softmax.ts';
import { SoftmaxCrossEntropyWithLogits } from './softmax-cross-entropy.ts';

export const NN_OPS: readonly OpDef[] = [Softmax, LogSoftmax, SoftmaxCrossEntropyWithLogits];
