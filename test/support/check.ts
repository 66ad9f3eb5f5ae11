/**
 * Test helpers shared by op tests: run a small graph on concrete inputs, and check a
 * symbolic gradient (built by `gradients`) against central finite differences.
 */
import { Graph, type Tensor } from '../../src/engine/graph.ts';
import { gradients } from '../../src/engine/gradients.ts';
import { Session } from '../../src/engine/session.ts';
import { fromJs, type TensorValue, type ValueLike } from '../../src/engine/tensor-value.ts';
import { placeholder } from '../../src/api/state.ts';
import { constant } from '../../src/engine/op-builder.ts';
import type { DType } from '../../src/engine/dtype.ts';

export interface InputSpec {
  readonly value: ValueLike;
  readonly dtype?: DType;
}

function asSpec(x: ValueLike | InputSpec): InputSpec {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && 'value' in x ? (x as InputSpec) : { value: x as ValueLike };
}

/** Build `fn` over placeholders of the inputs' exact shapes in a fresh graph, run it, return the JS result. */
export function runOp(fn: (...xs: Tensor[]) => Tensor | Tensor[], ...inputs: (ValueLike | InputSpec)[]): any {
  const g = new Graph();
  return g.asDefault(() => {
    const specs = inputs.map(asSpec);
    const values = specs.map((s) => fromJs(s.value, s.dtype));
    const phs = values.map((v, i) => placeholder(v.dtype, v.shape, `in${i}`));
    const out = fn(...phs);
    const sess = new Session(g);
    const feed = new Map<Tensor, TensorValue>(phs.map((p, i) => [p, values[i]!]));
    return sess.run(out, feed);
  });
}

/** Deterministic pseudo-random float32 values in [lo, hi). */
export function randomValues(n: number, seed = 1, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    out[i] = lo + ((s >>> 0) / 4294967296) * (hi - lo);
  }
  return out;
}

export interface GradientCheckOptions {
  /** Finite-difference step (float32 kernels: keep it around 1e-3..1e-2). */
  readonly eps?: number;
  /** Allowed |symbolic - numeric| / max(1, |numeric|). */
  readonly tol?: number;
  /** Check only these inputs (others are held fixed, e.g. integer axes). */
  readonly wrt?: readonly number[];
}

/**
 * Check d(sum(w ⊙ f(xs)))/dxs from `gradients` (with gradYs = w, random) against
 * central differences of the same objective, accumulated in float64.
 * Throws with the worst element when they disagree.
 */
export function checkGradient(fn: (...xs: Tensor[]) => Tensor, inputs: readonly (ValueLike | InputSpec)[], options: GradientCheckOptions = {}): { maxError: number } {
  const eps = options.eps ?? 1e-3;
  const tol = options.tol ?? 1e-2;
  const specs = inputs.map(asSpec);
  const values: TensorValue[] = specs.map((s) => fromJs(s.value, s.dtype));
  const wrt = options.wrt ?? values.map((_, i) => i).filter((i) => values[i]!.dtype === 'float32');
  const g = new Graph();
  return g.asDefault(() => {
    const phs = values.map((v, i) => placeholder(v.dtype, v.shape, `in${i}`));
    const y = fn(...phs);
    const yShape = y.shape;
    const sess = new Session(g);
    const feedOf = (vals: TensorValue[]) => new Map<Tensor, TensorValue>(phs.map((p, i) => [p, vals[i]!]));
    // Probe the output's concrete shape to build the weights.
    const y0 = fromJs(sess.run(y, feedOf(values)), 'float32');
    const w = randomValues(y0.data.length, 7, 0.5, 1.5);
    const wT = constant(y0.shape.length === 0 ? w[0]! : fromJs(w, 'float32', y0.shape), 'float32');
    void yShape;
    const grads = gradients(y, wrt.map((i) => phs[i]!), [wT]);
    const objective = (vals: TensorValue[]): number => {
      const out = fromJs(sess.run(y, feedOf(vals)), 'float32').data as Float32Array;
      let s = 0;
      for (let i = 0; i < out.length; i++) s += w[i]! * out[i]!;
      return s;
    };
    let maxError = 0;
    wrt.forEach((inputIndex, k) => {
      const gT = grads[k];
      if (gT === null || gT === undefined) throw new Error(`No gradient for input ${inputIndex}`);
      const symbolic = fromJs(sess.run(gT, feedOf(values)), 'float32').data as Float32Array;
      const base = values[inputIndex]!.data as Float32Array;
      if (symbolic.length !== base.length) throw new Error(`Gradient of input ${inputIndex} has ${symbolic.length} elements, input has ${base.length}`);
      for (let e = 0; e < base.length; e++) {
        const plus = values.slice();
        const minus = values.slice();
        const dp = Float32Array.from(base); dp[e] = base[e]! + eps;
        const dm = Float32Array.from(base); dm[e] = base[e]! - eps;
        plus[inputIndex] = { ...values[inputIndex]!, data: dp };
        minus[inputIndex] = { ...values[inputIndex]!, data: dm };
        const numeric = (objective(plus) - objective(minus)) / (dp[e]! - dm[e]!);
        const err = Math.abs(symbolic[e]! - numeric) / Math.max(1, Math.abs(numeric));
        maxError = Math.max(maxError, err);
        if (err > tol) {
          throw new Error(`Gradient mismatch for input ${inputIndex}[${e}]: symbolic ${symbolic[e]}, numeric ${numeric} (relative error ${err.toExponential(2)} > ${tol})`);
        }
      }
    });
    return { maxError };
  });
}
