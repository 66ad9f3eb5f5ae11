/**
 * AdaBound and AMSBound (Luo et al., "Adaptive Gradient Methods with Dynamic Bound of
 * Learning Rate", ICLR 2019). TensorFlow has no kernel for them: `ApplyAdaBound` and
 * `ApplyAMSBound` are Keisan's own op types, shaped like `ApplyAdam`. A fused kernel
 * rather than a composition of math ops: one pass over the variable instead of about
 * fifteen graph nodes per variable, and the rule reads as one block.
 *
 * The arithmetic follows the authors' reference implementation (Luolc/AdaBound,
 * adabound.py): tensors in float32, the bias corrections and bounds computed in double
 * from the step `t` and rounded once, as PyTorch does with Python floats:
 *
 *     m = beta1 * m + (1 - beta1) * grad
 *     v = beta2 * v + (1 - beta2) * grad²            (AMSBound: vhat = max(vhat, v), used below)
 *     step_size = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 *     lower = final_lr * (1 - 1 / (gamma * t + 1)),   upper = final_lr * (1 + 1 / (gamma * t))
 *     var -= clip(step_size / (sqrt(v) + epsilon), lower, upper) * m
 *
 * `step` is t, 1-based, a float32 scalar (exact up to 2^24 steps). `final_lr` is taken as
 * given: the reference scales it by lr / base_lr so that it follows a learning-rate
 * schedule; that ratio is 1 for a constant learning rate, and the optimizer documents
 * what it passes.
 */
import { type ApplyArgs, applyOpDef, f32 } from './apply.ts';

function adaBoundUpdate(amsBound: boolean) {
  return ({ refs, scalars: s, tensors }: ApplyArgs): void => {
    const x = refs['var']!, m = refs['m']!, v = refs['v']!, g = tensors['grad']!;
    const vhat = amsBound ? refs['vhat']! : v;
    const beta1 = s['beta1']!, beta2 = s['beta2']!, eps = s['epsilon']!;
    const t = s['step']!, gamma = s['gamma']!, finalLr = s['final_lr']!;
    const stepSize = f32((s['lr']! * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t));
    const lower = f32(finalLr * (1 - 1 / (gamma * t + 1)));
    const upper = f32(finalLr * (1 + 1 / (gamma * t)));
    const oneMinusBeta1 = f32(1 - beta1);
    const oneMinusBeta2 = f32(1 - beta2);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i]!;
      m[i] = f32(f32(m[i]! * beta1) + f32(oneMinusBeta1 * gi));
      v[i] = f32(f32(v[i]! * beta2) + f32(f32(oneMinusBeta2 * gi) * gi));
      if (amsBound && v[i]! > vhat[i]!) vhat[i] = v[i]!;
      const raw = f32(stepSize / f32(f32(Math.sqrt(vhat[i]!)) + eps));
      const clipped = Math.min(Math.max(raw, lower), upper);
      x[i] = f32(x[i]! - f32(clipped * m[i]!));
    }
  };
}

const HYPER = [
  ['lr', 'scalar'], ['beta1', 'scalar'], ['beta2', 'scalar'], ['final_lr', 'scalar'],
  ['gamma', 'scalar'], ['epsilon', 'scalar'], ['step', 'scalar'], ['grad', 'tensor'],
] as const;

/** `ApplyAdaBound(var, m, v, lr, beta1, beta2, final_lr, gamma, epsilon, step, grad)` (Keisan's op). */
export const ApplyAdaBound = applyOpDef('ApplyAdaBound', [['var', 'ref'], ['m', 'ref'], ['v', 'ref'], ...HYPER], adaBoundUpdate(false));

/** `ApplyAMSBound(var, m, v, vhat, lr, …, grad)` (Keisan's op): AdaBound with the running maximum `vhat` of v. */
export const ApplyAMSBound = applyOpDef(
  'ApplyAMSBound',
  [['var', 'ref'], ['m', 'ref'], ['v', 'ref'], ['vhat', 'ref'], ...HYPER],
  adaBoundUpdate(true),
);
