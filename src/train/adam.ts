import type { Operation, Tensor } from '../engine/graph.ts';
import { assign, type Variable } from '../engine/variable.ts';
import { group } from '../engine/control-flow.ts';
import { opMul } from '../api/math.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { applyAdam } from './training-ops.ts';

export interface AdamOptions extends OptimizerOptions {
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/**
 * `tf.train.AdamOptimizer` (Kingma & Ba 2015) with TF 1.x's defaults (lr 0.001, beta1
 * 0.9, beta2 0.999, epsilon 1e-8) and graph: slots `w/Adam` (m) and `w/Adam_1` (v),
 * non-slot variables `beta1_power`/`beta2_power` colocated with the first variable by
 * name, updated after the `ApplyAdam`s by `Adam/mul`, `Adam/Assign`, `Adam/mul_1`,
 * `Adam/Assign_1`.
 *
 *     const train = new tf.train.AdamOptimizer(0.01, { beta1: 0.8 }).minimize(loss);
 */
export class AdamOptimizer extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private t: { lr: Tensor; beta1: Tensor; beta2: Tensor; epsilon: Tensor } | null = null;

  constructor(readonly learningRate: HyperParam = 0.001, options: AdamOptions = {}) {
    super(options, 'Adam');
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  protected override createSlots(varList: readonly Variable[]): void {
    // TF picks the first variable by name so every worker puts the powers on the same device.
    const first = varList.reduce((a, b) => (b.name < a.name ? b : a));
    this.nonSlotVariable(this.beta1, 'beta1_power', first);
    this.nonSlotVariable(this.beta2, 'beta2_power', first);
    for (const v of varList) {
      this.zerosSlot(v, 'm');
      this.zerosSlot(v, 'v');
    }
  }

  protected override prepare(): void {
    this.t = {
      lr: hyperTensor(this.learningRate, 'learning_rate'),
      beta1: hyperTensor(this.beta1, 'beta1'),
      beta2: hyperTensor(this.beta2, 'beta2'),
      epsilon: hyperTensor(this.epsilon, 'epsilon'),
    };
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    const t = this.t!;
    return applyAdam(v, this.slot(v, 'm'), this.slot(v, 'v'), {
      beta1Power: this.getNonSlotVariable('beta1_power', v.graph),
      beta2Power: this.getNonSlotVariable('beta2_power', v.graph),
      lr: t.lr, beta1: t.beta1, beta2: t.beta2, epsilon: t.epsilon,
    }, grad, { useLocking: this.useLocking });
  }

  protected override finish(updateOps: readonly Operation[], nameScope: string): Operation {
    const graph = updateOps[0]!.graph;
    const beta1Power = this.getNonSlotVariable('beta1_power', graph);
    const beta2Power = this.getNonSlotVariable('beta2_power', graph);
    const t = this.t!;
    const [update1, update2] = graph.controlDependencies(updateOps, () =>
      graph.colocateWith(beta1Power.op, () => [
        assign(beta1Power, opMul(beta1Power, t.beta1), 'Assign', { useLocking: this.useLocking }),
        assign(beta2Power, opMul(beta2Power, t.beta2), 'Assign', { useLocking: this.useLocking }),
      ]),
    );
    return group([...updateOps, update1!, update2!], nameScope);
  }
}
