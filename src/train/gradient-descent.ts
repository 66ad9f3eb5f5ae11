import type { Operation, Tensor } from '../engine/graph.ts';
import type { Variable } from '../engine/variable.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { applyGradientDescent } from './training-ops.ts';

/**
 * `tf.train.GradientDescentOptimizer`: `var -= learning_rate * grad` (`ApplyGradientDescent`).
 *
 *     const train = new tf.train.GradientDescentOptimizer(0.5).minimize(loss);
 */
export class GradientDescentOptimizer extends Optimizer {
  private lr: Tensor | null = null;

  constructor(readonly learningRate: HyperParam, options: OptimizerOptions = {}) {
    super(options, 'GradientDescent');
  }

  protected override prepare(): void {
    this.lr = hyperTensor(this.learningRate, 'learning_rate');
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    // TF casts the learning rate to the variable's dtype (a no-op for float32).
    return applyGradientDescent(v, this.lr!, grad, { useLocking: this.useLocking });
  }
}
