import type { Operation, Tensor } from '../engine/graph.ts';
import type { Variable } from '../engine/variable.ts';
import { initializers } from '../api/initializers.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { applyCenteredRMSProp, applyRMSProp, type RMSPropInputs } from './training-ops.ts';

export interface RMSPropOptions extends OptimizerOptions {
  readonly decay?: number;
  readonly momentum?: number;
  readonly epsilon?: number;
  /** Normalize by the estimated variance of the gradient instead of its second moment. */
  readonly centered?: boolean;
}

/**
 * `tf.train.RMSPropOptimizer` (Hinton's lecture 6e) with TF 1.x's defaults (decay 0.9,
 * momentum 0, epsilon 1e-10) and slots: `w/RMSProp` (the mean square, which TF 1.x
 * starts at ONES), then for `centered` `w/RMSProp_1` (mean gradient), then the momentum
 * `w/RMSProp_1` (or `_2`).
 *
 *     new tf.train.RMSPropOptimizer(0.01, { decay: 0.9, momentum: 0.9, centered: true });
 */
export class RMSPropOptimizer extends Optimizer {
  readonly decay: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private t: RMSPropInputs | null = null;

  constructor(readonly learningRate: HyperParam, options: RMSPropOptions = {}) {
    super(options, 'RMSProp');
    this.decay = options.decay ?? 0.9;
    this.momentum = options.momentum ?? 0;
    this.epsilon = options.epsilon ?? 1e-10;
    this.centered = options.centered ?? false;
  }

  protected override createSlots(varList: readonly Variable[]): void {
    for (const v of varList) {
      this.slotWithInitializer(v, initializers.ones(), 'rms');
      if (this.centered) this.zerosSlot(v, 'mg');
      this.zerosSlot(v, 'momentum');
    }
  }

  protected override prepare(): void {
    this.t = {
      lr: hyperTensor(this.learningRate, 'learning_rate'),
      rho: hyperTensor(this.decay, 'decay'),
      momentum: hyperTensor(this.momentum, 'momentum'),
      epsilon: hyperTensor(this.epsilon, 'epsilon'),
    };
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    const options = { useLocking: this.useLocking };
    const rms = this.slot(v, 'rms');
    const mom = this.slot(v, 'momentum');
    if (this.centered) return applyCenteredRMSProp(v, this.slot(v, 'mg'), rms, mom, this.t!, grad, options);
    return applyRMSProp(v, rms, mom, this.t!, grad, options);
  }
}
