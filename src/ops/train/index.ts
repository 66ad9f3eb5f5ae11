import type { OpDef } from '../../engine/op-def.ts';
import { ApplyAdaBound, ApplyAMSBound } from './ada-bound.ts';
import { ApplyAdagrad } from './adagrad.ts';
import { ApplyAdam } from './adam.ts';
import { ApplyGradientDescent } from './gradient-descent.ts';
import { ApplyMomentum } from './momentum.ts';
import { ApplyCenteredRMSProp, ApplyRMSProp } from './rms-prop.ts';

/** The optimizers' in-place update ops (TF's training_ops, plus Keisan's AdaBound/AMSBound). */
/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function trainOps(): readonly OpDef[] {
  return [
  ApplyGradientDescent, ApplyMomentum, ApplyAdam, ApplyAdagrad, ApplyRMSProp, ApplyCenteredRMSProp,
  ApplyAdaBound, ApplyAMSBound,
];
}
