import { group } from '../engine/control-flow.ts';
import { ValueError } from '../engine/errors.ts';
import type { Operation, Tensor } from '../engine/graph.ts';
import { assign, type Variable } from '../engine/variable.ts';
import { opAdd } from '../api/math.ts';
import { type HyperParam, hyperTensor, Optimizer, type OptimizerOptions } from './optimizer.ts';
import { type AdaBoundInputs, applyAdaBound } from './training-ops.ts';

export interface AdaBoundOptions extends OptimizerOptions {
  readonly beta1?: number;
  readonly beta2?: number;
  /** The SGD learning rate the bounds converge to. */
  readonly finalLr?: number;
  /** How fast the bounds converge. */
  readonly gamma?: number;
  readonly epsilon?: number;
}

/**
 * AdaBound (Luo et al., ICLR 2019): Adam whose per-element step size is clipped to
 * bounds that start wide and converge to `finalLr`, so training moves from Adam to SGD.
 * Defaults are the reference implementation's (lr 1e-3, betas 0.9/0.999, final_lr 0.1,
 * gamma 1e-3, eps 1e-8). TF has no such optimizer; the graph follows Adam's pattern:
 * slots `w/AdaBound` (m) and `w/AdaBound_1` (v), a non-slot float32 variable `step`
 * (t, starting at 1) colocated with the first variable by name and incremented after the
 * updates (`AdaBound/add`, `AdaBound/Assign`), and Keisan's `ApplyAdaBound` kernel.
 *
 * The reference scales final_lr by lr / base_lr to follow lr schedules; here final_lr is
 * passed as given, which is the same for a constant learning rate.
 *
 *     const train = new tf.train.AdaBoundOptimizer(1e-3, { finalLr: 0.1 }).minimize(loss);
 */
export class AdaBoundOptimizer extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly finalLr: number;
  readonly gamma: number;
  readonly epsilon: number;
  private t: Omit<AdaBoundInputs, 'step'> | null = null;

  constructor(readonly learningRate: HyperParam = 1e-3, options: AdaBoundOptions = {}, defaultName = 'AdaBound') {
    super(options, defaultName);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.finalLr = options.finalLr ?? 0.1;
    this.gamma = options.gamma ?? 1e-3;
    this.epsilon = options.epsilon ?? 1e-8;
    // The reference implementation's argument checks.
    if (typeof learningRate === 'number' && !(learningRate >= 0)) throw new ValueError(`Invalid learning rate: ${learningRate}`);
    if (!(this.epsilon >= 0)) throw new ValueError(`Invalid epsilon value: ${this.epsilon}`);
    if (!(this.beta1 >= 0 && this.beta1 < 1)) throw new ValueError(`Invalid beta parameter at index 0: ${this.beta1}`);
    if (!(this.beta2 >= 0 && this.beta2 < 1)) throw new ValueError(`Invalid beta parameter at index 1: ${this.beta2}`);
    if (!(this.finalLr >= 0)) throw new ValueError(`Invalid final learning rate: ${this.finalLr}`);
    if (!(this.gamma >= 0 && this.gamma < 1)) throw new ValueError(`Invalid gamma parameter: ${this.gamma}`);
  }

  /** AMSBound keeps the running maximum of v in a third slot. */
  protected get amsBound(): boolean { return false; }

  protected override createSlots(varList: readonly Variable[]): void {
    const first = varList.reduce((a, b) => (b.name < a.name ? b : a));
    this.nonSlotVariable(1, 'step', first);
    for (const v of varList) {
      this.zerosSlot(v, 'm');
      this.zerosSlot(v, 'v');
      if (this.amsBound) this.zerosSlot(v, 'vhat');
    }
  }

  protected override prepare(): void {
    this.t = {
      lr: hyperTensor(this.learningRate, 'learning_rate'),
      beta1: hyperTensor(this.beta1, 'beta1'),
      beta2: hyperTensor(this.beta2, 'beta2'),
      finalLr: hyperTensor(this.finalLr, 'final_lr'),
      gamma: hyperTensor(this.gamma, 'gamma'),
      epsilon: hyperTensor(this.epsilon, 'epsilon'),
    };
  }

  protected override applyDense(grad: Tensor, v: Variable): Operation {
    const vhat = this.amsBound ? this.slot(v, 'vhat') : null;
    const step = this.getNonSlotVariable('step', v.graph);
    return applyAdaBound(v, this.slot(v, 'm'), this.slot(v, 'v'), vhat, { ...this.t!, step }, grad, { useLocking: this.useLocking });
  }

  protected override finish(updateOps: readonly Operation[], nameScope: string): Operation {
    const graph = updateOps[0]!.graph;
    const step = this.getNonSlotVariable('step', graph);
    const updateStep = graph.controlDependencies(updateOps, () =>
      graph.colocateWith(step.op, () => assign(step, opAdd(step, 1), 'Assign', { useLocking: this.useLocking })),
    );
    return group([...updateOps, updateStep], nameScope);
  }
}

/**
 * AMSBound (Luo et al., ICLR 2019): AdaBound with AMSGrad's running maximum of the second
 * moment (slot `w/AMSBound_2`), through Keisan's `ApplyAMSBound` kernel.
 *
 *     const train = new tf.train.AMSBoundOptimizer(1e-3).minimize(loss);
 */
export class AMSBoundOptimizer extends AdaBoundOptimizer {
  constructor(learningRate: HyperParam = 1e-3, options: AdaBoundOptions = {}) {
    super(learningRate, options, 'AMSBound');
  }

  protected override get amsBound(): boolean { return true; }
}
