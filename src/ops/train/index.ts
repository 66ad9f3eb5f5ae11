import type { OpDef } from '../../engine/op-def.ts';
import { ApplyAdaBound, ApplyAMSBound } from './ada-bound.ts';
import { ApplyAdagrad } from './adagrad.ts';
import { ApplyAdam } from './adam.ts';
import { ApplyGradientDescent } from './gradient-descent.ts';
import { ApplyMomentum } from './momentum.ts';
import { ApplyCenteredRMSProp, ApplyRMSProp } from './rms-prop.ts';

/** The optimizers' in-place update ops (TF's training_ops, plus Keisan's AdaBound/AMSBound). */
export const TRAIN_OPS: readonly OpDef[] = [
  ApplyGradientDescent, ApplyMomentum, ApplyAdam, ApplyAdagrad, ApplyRMSProp, ApplyCenteredRMSProp,
  ApplyAdaBound, ApplyAMSBound,
];
