import { TypeError_ } from '../engine/errors.ts';
import type { Operation, Tensor } from '../engine/graph.ts';
import type { Variable } from '../engine/variable.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { applyMomentum } from './training-ops.ts';

export interface MomentumOptions extends OptimizerOptions {
  readonly momentum?: HyperParam;
  /** Nesterov momentum (Sutskever et al. 2013), as TF's `use_nesterov`. */
  readonly useNesterov?: boolean;
}

/**
 * `tf.train.MomentumOptimizer`: `accum = momentum * accum + grad; var -= lr * accum`
 * (`ApplyMomentum`), one slot `w/Momentum` per variable.
 *
 *     new tf.train.MomentumOptimizer(0.1, 0.9);
 *     new tf.train.MomentumOptimizer(0.1, 0.9, { useNesterov: true });
 *     new tf.train.MomentumOptimizer(0.1, { momentum: 0.9, useNesterov: true });
 */
export class MomentumOptimizer extends Optimizer {
  readonly momentum: HyperParam;
  readonly useNesterov: boolean;
  private lr: Tensor | null = null;
  private momentumT: Tensor | null = null;

  constructor(learningRate: HyperParam, momentum: HyperParam | MomentumOptions, options?: MomentumOptions);
  constructor(readonly learningRate: HyperParam, b: HyperParam | MomentumOptions, c: MomentumOptions = {}) {
    const opts: MomentumOptions = isOptions(b) ? b : { ...c, momentum: b };
    super(opts, 'Momentum');
    if (opts.momentum === undefined) throw new TypeError_("MomentumOptimizer() missing 1 required positional argument: 'momentum'");
    this.momentum = opts.momentum;
    this.useNesterov = opts.useNesterov ?? false;
  }

  protected override createSlots(varList: readonly Variable[]): void {
    for (const v of varList) this.zerosSlot(v, 'momentum');
  }

  protected override prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
    this.momentumT = hyperTensor(this.momentum, 'momentum');
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    return applyMomentum(v, this.slot(v, 'momentum'), this.lr!, grad, this.momentumT!, {
      useLocking: this.useLocking,
      useNesterov: this.useNesterov,
    });
  }
}

function isOptions(x: unknown): x is MomentumOptions {
  return typeof x === 'object' && x !== null && !('op' in x) && !('toTensor' in x);
}
