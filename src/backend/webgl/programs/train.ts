/**
 * Optimizer updates (`Apply*`) as programs, per the kernels contract: each program reads
 * the op's inputs in op order (a ref input is the variable's current texture) and yields
 * the new value of one ref, in refInputs order. The update rules are the CPU kernels' in
 * src/ops/train/ (the spec), written over vec4s of four consecutive elements: every ref
 * and tensor input has the variable's element count, hence the output's layout, so its
 * texel is `texelFetch(x<k>, texelCoord, 0)`; hyper-parameters are scalars (element 0).
 * Each program evaluates the whole rule and returns one ref (the compiler drops the rest).
 */
import type { GpuProgram } from '../program.ts';

/** How an op's input is read: a variable or slot (ref), a scalar hyper-parameter, or a tensor like `var`. */
type Kind = 'ref' | 'scalar' | 'tensor';

/** An update rule: input names and kinds in TF's order, and GLSL assigning `n_<ref>` (vec4) for every ref. */
interface Rule {
  readonly inputs: readonly (readonly [string, Kind])[];
  readonly body: (nesterov: boolean) => string;
}

/** GLSL-safe name of an input (TF's `var` and friends prefixed, so they never clash with GLSL words). */
const v = (name: string): string => `i_${name}`;

const HYPER_BOUND: readonly (readonly [string, Kind])[] = [
  ['lr', 'scalar'], ['beta1', 'scalar'], ['beta2', 'scalar'], ['final_lr', 'scalar'],
  ['gamma', 'scalar'], ['epsilon', 'scalar'], ['step', 'scalar'], ['grad', 'tensor'],
];

/** AdaBound / AMSBound (src/ops/train/ada-bound.ts); the bound's scalar arithmetic runs in float32 here. */
function adaBoundBody(ams: boolean): string {
  return `float stepSize = (i_lr * sqrt(1.0 - pow(i_beta2, i_step))) / (1.0 - pow(i_beta1, i_step));
  float lower = i_final_lr * (1.0 - 1.0 / (i_gamma * i_step + 1.0));
  float upper = i_final_lr * (1.0 + 1.0 / (i_gamma * i_step));
  vec4 n_m = i_m * i_beta1 + (1.0 - i_beta1) * i_grad;
  vec4 n_v = i_v * i_beta2 + ((1.0 - i_beta2) * i_grad) * i_grad;
  ${ams ? 'vec4 n_vhat = max(i_vhat, n_v);' : ''}
  vec4 raw = stepSize / (sqrt(${ams ? 'n_vhat' : 'n_v'}) + i_epsilon);
  vec4 n_var = i_var - min(max(raw, lower), upper) * n_m;`;
}

const RULES: Readonly<Record<string, Rule>> = {
  ApplyGradientDescent: {
    inputs: [['var', 'ref'], ['alpha', 'scalar'], ['delta', 'tensor']],
    body: () => 'vec4 n_var = i_var - i_delta * i_alpha;',
  },
  ApplyMomentum: {
    inputs: [['var', 'ref'], ['accum', 'ref'], ['lr', 'scalar'], ['grad', 'tensor'], ['momentum', 'scalar']],
    body: (nesterov) => `vec4 n_accum = i_accum * i_momentum + i_grad;
  vec4 n_var = i_var - ${nesterov ? '(i_grad * i_lr + (n_accum * i_momentum) * i_lr)' : 'n_accum * i_lr'};`,
  },
  ApplyAdam: {
    inputs: [['var', 'ref'], ['m', 'ref'], ['v', 'ref'], ['beta1_power', 'scalar'], ['beta2_power', 'scalar'], ['lr', 'scalar'],
      ['beta1', 'scalar'], ['beta2', 'scalar'], ['epsilon', 'scalar'], ['grad', 'tensor']],
    body: (nesterov) => `float alpha = (i_lr * sqrt(1.0 - i_beta2_power)) / (1.0 - i_beta1_power);
  vec4 n_m = i_m + (i_grad - i_m) * (1.0 - i_beta1);
  vec4 n_v = i_v + (i_grad * i_grad - i_v) * (1.0 - i_beta2);
  vec4 num = ${nesterov ? '(i_grad * (1.0 - i_beta1) + i_beta1 * n_m) * alpha' : 'n_m * alpha'};
  vec4 n_var = i_var - num / (sqrt(n_v) + i_epsilon);`,
  },
  ApplyAdagrad: {
    inputs: [['var', 'ref'], ['accum', 'ref'], ['lr', 'scalar'], ['grad', 'tensor']],
    body: () => `vec4 n_accum = i_accum + i_grad * i_grad;
  vec4 n_var = i_var - (i_grad * i_lr) * (1.0 / sqrt(n_accum));`,
  },
  ApplyRMSProp: {
    inputs: [['var', 'ref'], ['ms', 'ref'], ['mom', 'ref'], ['lr', 'scalar'], ['rho', 'scalar'], ['momentum', 'scalar'],
      ['epsilon', 'scalar'], ['grad', 'tensor']],
    body: () => `vec4 n_ms = i_ms + (i_grad * i_grad - i_ms) * (1.0 - i_rho);
  vec4 n_mom = i_mom * i_momentum + (i_grad * i_lr) / sqrt(n_ms + i_epsilon);
  vec4 n_var = i_var - n_mom;`,
  },
  ApplyCenteredRMSProp: {
    inputs: [['var', 'ref'], ['mg', 'ref'], ['ms', 'ref'], ['mom', 'ref'], ['lr', 'scalar'], ['rho', 'scalar'], ['momentum', 'scalar'],
      ['epsilon', 'scalar'], ['grad', 'tensor']],
    body: () => `vec4 n_ms = i_ms + (i_grad * i_grad - i_ms) * (1.0 - i_rho);
  vec4 n_mg = i_mg + (i_grad - i_mg) * (1.0 - i_rho);
  vec4 n_mom = i_mom * i_momentum + (i_grad * i_lr) / sqrt((n_ms - n_mg * n_mg) + i_epsilon);
  vec4 n_var = i_var - n_mom;`,
  },
  ApplyAdaBound: { inputs: [['var', 'ref'], ['m', 'ref'], ['v', 'ref'], ...HYPER_BOUND], body: () => adaBoundBody(false) },
  ApplyAMSBound: { inputs: [['var', 'ref'], ['m', 'ref'], ['v', 'ref'], ['vhat', 'ref'], ...HYPER_BOUND], body: () => adaBoundBody(true) },
};

/** The optimizer ops with update programs. */
export const UPDATE_OPS: readonly string[] = Object.keys(RULES);

/**
 * A tensor input (the gradient) computed in the shader instead of read from its texture:
 * `vec4 <fn>(int t)`, defined in `glsl`, gives its texel t (matmul-update.ts: the weight
 * gradient's tiles gathered in the update's own draw). Its sampler is still declared.
 */
export interface ComputedGrad {
  readonly input: number;
  readonly fn: string;
  readonly glsl: string;
}

/**
 * One program per ref of `opType` (var first, then its slots, TF's input order), for a
 * variable of `varShape`. `nesterov` is the op's `use_nesterov` attr (Momentum, Adam).
 *
 *     updatePrograms('ApplyGradientDescent', [784, 128], false); // [program for the new var]
 */
export function updatePrograms(opType: string, varShape: readonly number[], nesterov: boolean, computed?: ComputedGrad): readonly GpuProgram[] {
  const rule = RULES[opType];
  if (rule === undefined) throw new Error(`No WebGL update program for '${opType}'`);
  if (computed !== undefined && rule.inputs[computed.input]?.[1] !== 'tensor') throw new Error(`Input ${computed.input} of '${opType}' is not a tensor input`);
  const loads = rule.inputs.map(([name, kind], k) => (k === computed?.input
    ? `  vec4 ${v(name)} = ${computed.fn}(t);`
    : kind === 'scalar'
    ? `  float ${v(name)} = fetch(x${k}, 0);`
    : `  vec4 ${v(name)} = texelFetch(x${k}, texelCoord, 0);`));
  const body = rule.body(nesterov);
  return rule.inputs.filter(([, kind]) => kind === 'ref').map(([ref]) => ({
    name: opType,
    inputs: rule.inputs.map((_, k) => `x${k}`),
    outputShape: varShape,
    perTexel: true,
    source: `${computed?.glsl ?? ''}
vec4 computeTexel(int t) {
${loads.join('\n')}
  ${body}
  return n_${ref};
}`,
  }));
}
