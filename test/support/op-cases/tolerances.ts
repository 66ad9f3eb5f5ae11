/**
 * The tolerances of the op case table, each with its reason. float32's epsilon is
 * 2^-23 ≈ 1.19e-7. The CPU kernels compute in float64 and round once; a GPU computes in
 * float32 (GLSL ES 3.00 highp: + − × correctly rounded, division 2.5 ulp, inversesqrt
 * 2 ulp, exp/log/pow a few ulp plus an absolute error near 1 for log) and may fuse a
 * multiply-add, so each op's allowance is the rounding its formula can accumulate.
 */
import type { Tolerance } from './types.ts';

const EPS = 2 ** -23;

export const EXACT: Tolerance = { abs: 0, rel: 0, why: 'a copy or selection of input values: no arithmetic, no rounding' };
/** One + − × of float32 values (or max/min/neg/abs): at most one rounding each side. */
export const ARITH: Tolerance = { abs: 0, rel: 2 * EPS, why: 'one correctly rounded + − ×: 1 ulp per side' };
/** Two chained roundings (a−b then squared; x·x then a sum of three). */
export const ARITH2: Tolerance = { abs: 1e-12, rel: 4 * EPS, why: 'two chained roundings in float32 vs one in float64' };
/** Division, reciprocal, sqrt, rsqrt: GLSL allows 2.5 ulp for 1/x and 2 ulp for inversesqrt; sqrt may be x·inversesqrt(x). */
export const DIVISION: Tolerance = { abs: 1e-12, rel: 8 * EPS, why: 'GLSL division 2.5 ulp, inversesqrt 2 ulp, sqrt as x·inversesqrt(x): ≤ 5 ulp plus rounding' };
/** exp, log, tanh, sigmoid, pow: transcendental functions in float32 on the GPU. */
export const TRANSCENDENTAL: Tolerance = {
  abs: 1e-6, rel: 1e-5,
  why: 'GLSL exp/log are 3 ulp + 2 ulp·|x| (exp) and absolute 2^-21 near 1 (log); tanh/sigmoid/pow are built from them: ~80 ulp rel, 1e-6 abs',
};
/**
 * A sum of K products or terms (matmul, reductions, softmax's denominator): float32
 * accumulation error grows like K·eps·Σ|terms|; inputs here are in [-1, 1] and K ≤ 70, so
 * 70·1.2e-7 ≈ 1e-5 absolute bounds it, plus 1e-5 relative for the larger sums.
 */
export const LONG_SUM: Tolerance = { abs: 1e-5, rel: 1e-5, why: 'K-term float32 accumulation (K ≤ 70, |x| ≤ 1): K·eps ≈ 1e-5' };
/** Softmax family: exp, a row sum and a division or log; each term's error as TRANSCENDENTAL, the sum as LONG_SUM. */
export const SOFTMAX: Tolerance = { abs: 2e-6, rel: 2e-5, why: 'exp + row sum + divide/log: transcendental error plus a short float32 sum' };
/** Gradients: graphs of tens of ops chaining the forward op's error with its backward ops'. */
export const GRAD: Tolerance = { abs: 1e-5, rel: 1e-4, why: 'the forward error propagated through the backward graph (several roundings, a sum over broadcast axes)' };
/** Optimizer steps: same float32 update formulas, two steps compounding a few roundings (sqrt, division). */
export const UPDATE: Tolerance = { abs: 1e-6, rel: 1e-5, why: 'update formulas with sqrt and division, two steps: a few ulp per step, compounded' };
