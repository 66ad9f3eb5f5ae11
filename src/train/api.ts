/**
 * Everything `tf.train` holds: TF 1.x's optimizers and global-step helpers. A module
 * (re-exported as the `train` namespace) so that `tf.train.AdamOptimizer` is both a value
 * and a type in user code.
 */
export { AdaBoundOptimizer, AMSBoundOptimizer, type AdaBoundOptions } from './ada-bound.ts';
export { AdagradOptimizer, type AdagradOptions } from './adagrad.ts';
export { AdamOptimizer, type AdamOptions } from './adam.ts';
export { GradientDescentOptimizer } from './gradient-descent.ts';
export { MomentumOptimizer, type MomentumOptions } from './momentum.ts';
export {
  Optimizer,
  type ApplyGradientsOptions, type ComputeGradientsOptions, type GateGradients, type GradAndVar,
  type HyperParam, type MinimizeOptions, type OptimizerOptions,
} from './optimizer.ts';
export { RMSPropOptimizer, type RMSPropOptions } from './rms-prop.ts';
export { createGlobalStep, getGlobalStep, getOrCreateGlobalStep } from './training-util.ts';
