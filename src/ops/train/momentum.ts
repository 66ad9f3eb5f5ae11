import { applyOpDef, f32 } from './apply.ts';

/**
 * `ApplyMomentum(var, accum, lr, grad, momentum)`, TF's kernel:
 * `accum = accum * momentum + grad`, then `var -= accum * lr`, or with `use_nesterov`
 * `var -= grad * lr + accum * momentum * lr`.
 */
export const ApplyMomentum = applyOpDef(
  'ApplyMomentum',
  [['var', 'ref'], ['accum', 'ref'], ['lr', 'scalar'], ['grad', 'tensor'], ['momentum', 'scalar']],
  ({ refs, scalars, tensors, attrs }) => {
    const v = refs['var']!, a = refs['accum']!, g = tensors['grad']!;
    const lr = scalars['lr']!, mom = scalars['momentum']!;
    const nesterov = attrs['use_nesterov']?.value === true;
    for (let i = 0; i < v.length; i++) {
      a[i] = f32(f32(a[i]! * mom) + g[i]!);
      const step = nesterov ? f32(f32(g[i]! * lr) + f32(f32(a[i]! * mom) * lr)) : f32(a[i]! * lr);
      v[i] = f32(v[i]! - step);
    }
  },
);
