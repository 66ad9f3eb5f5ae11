import { applyOpDef, f32 } from './apply.ts';

/** `ApplyGradientDescent(var, alpha, delta)`: TF's kernel, `var -= delta * alpha`. */
export const ApplyGradientDescent = applyOpDef(
  'ApplyGradientDescent',
  [['var', 'ref'], ['alpha', 'scalar'], ['delta', 'tensor']],
  ({ refs, scalars, tensors }) => {
    const v = refs['var']!, g = tensors['delta']!, lr = scalars['alpha']!;
    for (let i = 0; i < v.length; i++) v[i] = f32(v[i]! - f32(g[i]! * lr));
  },
);
