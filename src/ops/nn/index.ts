import type { OpDef } from '../../engine/op-def.ts';
import { LogSoftmax, Softmax } from './softmax.ts';
import { SoftmaxCrossEntropyWithLogits } from './softmax-cross-entropy.ts';

/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function nnOps(): readonly OpDef[] {
  return [Softmax, LogSoftmax, SoftmaxCrossEntropyWithLogits];
}
