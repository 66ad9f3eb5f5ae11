/**
 * Builders of the `Apply*` ops, as TF's generated `training_ops` wrappers: each op is
 * named after its type in the current scope (`update_w/ApplyAdam`), takes the variable
 * and its slots by reference and every hyper-parameter as a float32 scalar.
 */
import { attr } from '../engine/attr.ts';
import type { Operation, Tensor } from '../engine/graph.ts';
import { applyOp, type NamedInput, type TensorLike } from '../engine/op-builder.ts';
import { refOf, type Variable } from '../engine/variable.ts';

type Ref = Variable | Tensor;

export interface ApplyOptions {
  readonly useLocking?: boolean;
  readonly useNesterov?: boolean;
  readonly name?: string;
}

function build(type: string, inputs: readonly NamedInput[], options: ApplyOptions, nesterovAttr = false): Operation {
  return applyOp(type, options.name ?? type, inputs, (tensors) => ({
    T: attr.type(tensors[0]!.dtype),
    use_locking: attr.bool(options.useLocking ?? false),
    ...(nesterovAttr ? { use_nesterov: attr.bool(options.useNesterov ?? false) } : {}),
  }));
}

/** `var -= alpha * delta`. */
export function applyGradientDescent(v: Ref, alpha: TensorLike, delta: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyGradientDescent', [['var', refOf(v)], ['alpha', alpha], ['delta', delta]], options);
}

export function applyMomentum(v: Ref, accum: Ref, lr: TensorLike, grad: TensorLike, momentum: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyMomentum', [['var', refOf(v)], ['accum', refOf(accum)], ['lr', lr], ['grad', grad], ['momentum', momentum]], options, true);
}

export interface AdamInputs {
  readonly beta1Power: TensorLike;
  readonly beta2Power: TensorLike;
  readonly lr: TensorLike;
  readonly beta1: TensorLike;
  readonly beta2: TensorLike;
  readonly epsilon: TensorLike;
}

export function applyAdam(v: Ref, m: Ref, vSlot: Ref, h: AdamInputs, grad: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyAdam', [
    ['var', refOf(v)], ['m', refOf(m)], ['v', refOf(vSlot)],
    ['beta1_power', h.beta1Power], ['beta2_power', h.beta2Power], ['lr', h.lr],
    ['beta1', h.beta1], ['beta2', h.beta2], ['epsilon', h.epsilon], ['grad', grad],
  ], options, true);
}

export function applyAdagrad(v: Ref, accum: Ref, lr: TensorLike, grad: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyAdagrad', [['var', refOf(v)], ['accum', refOf(accum)], ['lr', lr], ['grad', grad]], options);
}

export interface RMSPropInputs {
  readonly lr: TensorLike;
  readonly rho: TensorLike;
  readonly momentum: TensorLike;
  readonly epsilon: TensorLike;
}

export function applyRMSProp(v: Ref, ms: Ref, mom: Ref, h: RMSPropInputs, grad: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyRMSProp', [
    ['var', refOf(v)], ['ms', refOf(ms)], ['mom', refOf(mom)],
    ['lr', h.lr], ['rho', h.rho], ['momentum', h.momentum], ['epsilon', h.epsilon], ['grad', grad],
  ], options);
}

export function applyCenteredRMSProp(v: Ref, mg: Ref, ms: Ref, mom: Ref, h: RMSPropInputs, grad: TensorLike, options: ApplyOptions = {}): Operation {
  return build('ApplyCenteredRMSProp', [
    ['var', refOf(v)], ['mg', refOf(mg)], ['ms', refOf(ms)], ['mom', refOf(mom)],
    ['lr', h.lr], ['rho', h.rho], ['momentum', h.momentum], ['epsilon', h.epsilon], ['grad', grad],
  ], options);
}

export interface AdaBoundInputs {
  readonly lr: TensorLike;
  readonly beta1: TensorLike;
  readonly beta2: TensorLike;
  readonly finalLr: TensorLike;
  readonly gamma: TensorLike;
  readonly epsilon: TensorLike;
  /** t, 1-based. */
  readonly step: TensorLike;
}

/** Keisan's `ApplyAdaBound`, or `ApplyAMSBound` when `vhat` (the running max of v) is given. */
export function applyAdaBound(v: Ref, m: Ref, vSlot: Ref, vhat: Ref | null, h: AdaBoundInputs, grad: TensorLike, options: ApplyOptions = {}): Operation {
  const refs: NamedInput[] = [['var', refOf(v)], ['m', refOf(m)], ['v', refOf(vSlot)]];
  if (vhat !== null) refs.push(['vhat', refOf(vhat)]);
  return build(vhat === null ? 'ApplyAdaBound' : 'ApplyAMSBound', [
    ...refs,
    ['lr', h.lr], ['beta1', h.beta1], ['beta2', h.beta2], ['final_lr', h.finalLr],
    ['gamma', h.gamma], ['epsilon', h.epsilon], ['step', h.step], ['grad', grad],
  ], options);
}
