import { applyOpDef, f32 } from './apply.ts';

/**
 * `ApplyRMSProp(var, ms, mom, lr, rho, momentum, epsilon, grad)`, TF's kernel:
 * `ms += (grad² - ms) * (1 - rho)`, `mom = mom * momentum + grad * lr / sqrt(ms + epsilon)`,
 * `var -= mom`.
 */
export const ApplyRMSProp = applyOpDef(
  'ApplyRMSProp',
  [
    ['var', 'ref'], ['ms', 'ref'], ['mom', 'ref'],
    ['lr', 'scalar'], ['rho', 'scalar'], ['momentum', 'scalar'], ['epsilon', 'scalar'], ['grad', 'tensor'],
  ],
  ({ refs, scalars: s, tensors }) => {
    const v = refs['var']!, ms = refs['ms']!, mom = refs['mom']!, g = tensors['grad']!;
    const lr = s['lr']!, momentum = s['momentum']!, eps = s['epsilon']!;
    const oneMinusRho = f32(1 - s['rho']!);
    for (let i = 0; i < v.length; i++) {
      const gi = g[i]!;
      ms[i] = f32(ms[i]! + f32(f32(f32(gi * gi) - ms[i]!) * oneMinusRho));
      mom[i] = f32(f32(mom[i]! * momentum) + f32(f32(gi * lr) / f32(Math.sqrt(f32(ms[i]! + eps)))));
      v[i] = f32(v[i]! - mom[i]!);
    }
  },
);

/**
 * `ApplyCenteredRMSProp(var, mg, ms, mom, lr, rho, momentum, epsilon, grad)`, TF's kernel:
 * like `ApplyRMSProp` with the mean gradient `mg += (grad - mg) * (1 - rho)` and the
 * denominator `sqrt(ms - mg² + epsilon)`.
 */
export const ApplyCenteredRMSProp = applyOpDef(
  'ApplyCenteredRMSProp',
  [
    ['var', 'ref'], ['mg', 'ref'], ['ms', 'ref'], ['mom', 'ref'],
    ['lr', 'scalar'], ['rho', 'scalar'], ['momentum', 'scalar'], ['epsilon', 'scalar'], ['grad', 'tensor'],
  ],
  ({ refs, scalars: s, tensors }) => {
    const v = refs['var']!, mg = refs['mg']!, ms = refs['ms']!, mom = refs['mom']!, g = tensors['grad']!;
    const lr = s['lr']!, momentum = s['momentum']!, eps = s['epsilon']!;
    const oneMinusRho = f32(1 - s['rho']!);
    for (let i = 0; i < v.length; i++) {
      const gi = g[i]!;
      ms[i] = f32(ms[i]! + f32(f32(f32(gi * gi) - ms[i]!) * oneMinusRho));
      mg[i] = f32(mg[i]! + f32(f32(gi - mg[i]!) * oneMinusRho));
      const denom = f32(f32(ms[i]! - f32(mg[i]! * mg[i]!)) + eps);
      mom[i] = f32(f32(mom[i]! * momentum) + f32(f32(gi * lr) / f32(Math.sqrt(denom))));
      v[i] = f32(v[i]! - mom[i]!);
    }
  },
);
