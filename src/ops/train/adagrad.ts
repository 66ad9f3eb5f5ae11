import { applyOpDef, f32 } from './apply.ts';

/** `ApplyAdagrad(var, accum, lr, grad)`, TF 1.x's kernel: `accum += grad²`, `var -= grad * lr * rsqrt(accum)`. */
export const ApplyAdagrad = applyOpDef(
  'ApplyAdagrad',
  [['var', 'ref'], ['accum', 'ref'], ['lr', 'scalar'], ['grad', 'tensor']],
  ({ refs, scalars, tensors }) => {
    const v = refs['var']!, a = refs['accum']!, g = tensors['grad']!, lr = scalars['lr']!;
    for (let i = 0; i < v.length; i++) {
      const gi = g[i]!;
      a[i] = f32(a[i]! + f32(gi * gi));
      const rsqrt = f32(1 / f32(Math.sqrt(a[i]!)));
      v[i] = f32(v[i]! - f32(f32(gi * lr) * rsqrt));
    }
  },
);
