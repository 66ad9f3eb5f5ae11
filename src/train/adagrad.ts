import { ValueError } from '../engine/errors.ts';
import type { Operation, Tensor } from '../engine/graph.ts';
import type { Variable } from '../engine/variable.ts';
import { initializers } from '../api/initializers.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { applyAdagrad } from './training-ops.ts';

export interface AdagradOptions extends OptimizerOptions {
  /** Starting value of the accumulators; must be positive (TF's default 0.1). */
  readonly initialAccumulatorValue?: number;
}

/**
 * `tf.train.AdagradOptimizer` (Duchi et al. 2011): `accum += grad²; var -= lr * grad / sqrt(accum)`,
 * one slot `w/Adagrad` per variable, initialized by `w/Adagrad/Initializer/Const`.
 *
 *     new tf.train.AdagradOptimizer(0.1, { initialAccumulatorValue: 0.01 });
 */
export class AdagradOptimizer extends Optimizer {
  readonly initialAccumulatorValue: number;
  private lr: Tensor | null = null;

  constructor(readonly learningRate: HyperParam, options: AdagradOptions = {}) {
    super(options, 'Adagrad');
    this.initialAccumulatorValue = options.initialAccumulatorValue ?? 0.1;
    if (!(this.initialAccumulatorValue > 0)) {
      throw new ValueError(`initial_accumulator_value must be positive: ${this.initialAccumulatorValue}`);
    }
  }

  protected override createSlots(varList: readonly Variable[]): void {
    for (const v of varList) this.slotWithInitializer(v, initializers.constant(this.initialAccumulatorValue), 'accumulator');
  }

  protected override prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    return applyAdagrad(v, this.slot(v, 'accumulator'), this.lr!, grad, { useLocking: this.useLocking });
  }
}
