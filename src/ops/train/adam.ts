import { applyOpDef, f32 } from './apply.ts';

/**
 * `ApplyAdam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad)`,
 * TF's kernel (Kingma & Ba with TF's "epsilon hat"):
 * `alpha = lr * sqrt(1 - beta2_power) / (1 - beta1_power)` (in float32),
 * `m += (grad - m) * (1 - beta1)`, `v += (grad² - v) * (1 - beta2)`,
 * `var -= m * alpha / (sqrt(v) + epsilon)`; with `use_nesterov` the numerator is
 * `(grad * (1 - beta1) + beta1 * m) * alpha`.
 */
export const ApplyAdam = applyOpDef(
  'ApplyAdam',
  [
    ['var', 'ref'], ['m', 'ref'], ['v', 'ref'],
    ['beta1_power', 'scalar'], ['beta2_power', 'scalar'], ['lr', 'scalar'],
    ['beta1', 'scalar'], ['beta2', 'scalar'], ['epsilon', 'scalar'], ['grad', 'tensor'],
  ],
  ({ refs, scalars: s, tensors, attrs }) => {
    const x = refs['var']!, m = refs['m']!, v = refs['v']!, g = tensors['grad']!;
    const beta1 = s['beta1']!, eps = s['epsilon']!;
    const alpha = f32(f32(s['lr']! * f32(Math.sqrt(f32(1 - s['beta2_power']!)))) / f32(1 - s['beta1_power']!));
    const oneMinusBeta1 = f32(1 - beta1);
    const oneMinusBeta2 = f32(1 - s['beta2']!);
    const nesterov = attrs['use_nesterov']?.value === true;
    for (let i = 0; i < x.length; i++) {
      const gi = g[i]!;
      m[i] = f32(m[i]! + f32(f32(gi - m[i]!) * oneMinusBeta1));
      v[i] = f32(v[i]! + f32(f32(f32(gi * gi) - v[i]!) * oneMinusBeta2));
      const num = nesterov ? f32(f32(f32(gi * oneMinusBeta1) + f32(beta1 * m[i]!)) * alpha) : f32(m[i]! * alpha);
      x[i] = f32(x[i]! - f32(num / f32(f32(Math.sqrt(v[i]!)) + eps)));
    }
  },
);
