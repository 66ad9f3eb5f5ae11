/**
 * Reductions (Sum, Mean, Prod, Max, Min) over any set of axes, with keep_dims. Like the
 * CPU kernel (src/ops/reduce/reduction.ts), adjacent dimensions that are all kept or all
 * reduced are merged and size-1 dimensions dropped, so `Sum(x[64, 10], axis 0)` is one
 * strided loop of 64 per output element. Each output element is a loop over its reduced
 * elements, in the CPU's order; sums accumulate in float32 (the CPU's in float64), so they
 * agree to about count · 2⁻²³ · Σ|x|.
 *
 * Where the innermost dimension is kept and a multiple of 4 long (the bias gradient
 * `Sum(dH[64, 128], axis 0)`), an output texel's four elements are four consecutive inputs
 * of one input texel at every step, so the loop fetches one texel per step instead of
 * four elements: a quarter of the fetches, the same order of additions per element.
 */
import type { GpuProgram } from '../program.ts';

export type ReduceKind = 'Sum' | 'Mean' | 'Prod' | 'Max' | 'Min';

const INITIAL: Record<ReduceKind, string> = { Sum: '0.0', Mean: '0.0', Prod: '1.0', Max: 'uintBitsToFloat(0xff800000u)', Min: 'uintBitsToFloat(0x7f800000u)' }; // ∓infinity
// NaN never replaces the running max/min, as the CPU kernel's `if (x > a) a = x` does (mix with a bvec selects, no arithmetic).
const STEP: Record<ReduceKind, string> = { Sum: 'a += v;', Mean: 'a += v;', Prod: 'a *= v;', Max: 'a = mix(a, v, greaterThan(v, a));', Min: 'a = mix(a, v, lessThan(v, a));' };
const STEP_SCALAR: Record<ReduceKind, string> = { Sum: 'a += v;', Mean: 'a += v;', Prod: 'a *= v;', Max: 'a = v > a ? v : a;', Min: 'a = v < a ? v : a;' };

/** A reduction's output shape and GLSL defining `vec4 <fn>(int t)`: texel t of the result (flat layout), reading sampler `x`. */
export interface ReductionTexels {
  readonly outputShape: readonly number[];
  readonly glsl: string;
}

/**
 * The reduction of a tensor of `shape` over `axes` (negative axes count from the end; the
 * op's int32 axes input, read on the host) as a texel function, for a program of its own
 * or for one that consumes the result in place (reduce-update.ts: a bias gradient summed
 * inside its ApplyGradientDescent). Throws TF's error for an axis out of range.
 *
 *     reductionTexels('Sum', [64, 128], [0], false, 'x0', 'sumTexel').outputShape; // [128]
 */
export function reductionTexels(kind: ReduceKind, shape: readonly number[], axes: readonly number[], keepDims: boolean, x: string, fn: string): ReductionTexels {
  const mask = reducedMask(shape, axes);
  const outputShape = reducedShape(shape, mask, keepDims);
  const size = outputShape.reduce((a, b) => a * b, 1);
  // Merged dimensions (size, reduced?) and their row-major strides in the input.
  const dims: { size: number; reduced: boolean; stride: number }[] = [];
  shape.forEach((d, i) => {
    if (d === 1) return;
    const last = dims[dims.length - 1];
    if (last !== undefined && last.reduced === mask[i]) last.size *= d;
    else dims.push({ size: d, reduced: mask[i]!, stride: 0 });
  });
  for (let i = dims.length - 1, s = 1; i >= 0; i--) {
    dims[i]!.stride = s;
    s *= dims[i]!.size;
  }
  const count = dims.filter((d) => d.reduced).reduce((n, d) => n * d.size, 1);
  const kept = dims.filter((d) => !d.reduced);
  const reduced = dims.filter((d) => d.reduced);
  const empty = shape.some((d) => d === 0);
  const inner = dims[dims.length - 1];
  // Output element o → input offset of its first reduced element (kept coordinates, innermost first).
  const base = kept.slice().reverse().map((d) => `base += (r % ${d.size}) * ${d.stride}; r /= ${d.size};`).join(' ');
  const loopsOpen = reduced.map((d, j) => `for (int j${j} = 0; j${j} < ${d.size}; j${j}++) {`).join(' ');
  const loopsClose = reduced.map(() => '}').join(' ');
  const offset = ['base', ...reduced.map((d, j) => `j${j} * ${d.stride}`)].join(' + ');
  const result = kind === 'Mean' ? `a / ${count}.0` : 'a';
  if (!empty && inner !== undefined && !inner.reduced && inner.size % 4 === 0) {
    // Every stride is a multiple of the inner size, so offsets of texel-aligned outputs stay texel-aligned.
    return {
      outputShape,
      glsl: `vec4 ${fn}(int t) {
  int r = t * 4; int base = 0; ${base}
  vec4 a = vec4(${INITIAL[kind]});
  ${loopsOpen} vec4 v = texel(${x}, (${offset}) >> 2); ${STEP[kind]} ${loopsClose}
  return ${result};
}`,
    };
  }
  const element = `${fn}Element`;
  const lanes = [0, 1, 2, 3].map((e) => (e === 0 ? `${element}(i)` : size % 4 === 0 ? `${element}(i + ${e})` : `i + ${e} < ${size} ? ${element}(i + ${e}) : 0.0`));
  return {
    outputShape,
    glsl: `float ${element}(int o) {
  int r = o; int base = 0; ${base}
  float a = ${INITIAL[kind]};
  ${empty ? '' : `${loopsOpen} float v = fetch(${x}, ${offset}); ${STEP_SCALAR[kind]} ${loopsClose}`}
  return ${result};
}
vec4 ${fn}(int t) {
  int i = t * 4;
  return vec4(${lanes.join(', ')});
}`,
  };
}

/**
 * The program reducing a tensor of `shape` over `axes` (one fragment per output texel).
 *
 *     reduceProgram('Sum', [64, 10], [0], false).outputShape; // [10]
 */
export function reduceProgram(kind: ReduceKind, shape: readonly number[], axes: readonly number[], keepDims: boolean): GpuProgram {
  const r = reductionTexels(kind, shape, axes, keepDims, 'x0', 'reduceTexel');
  return {
    name: kind,
    inputs: ['x0'],
    outputShape: r.outputShape,
    perTexel: true,
    source: `${r.glsl}
vec4 computeTexel(int t) { return reduceTexel(t); }`,
  };
}

/** Which dimensions `axes` reduce; throws TF's error for an axis out of range. */
function reducedMask(shape: readonly number[], axes: readonly number[]): boolean[] {
  const rank = shape.length;
  const mask = new Array<boolean>(rank).fill(false);
  for (const a of axes) {
    if (!Number.isInteger(a) || a < -rank || a >= rank) throw new Error(`Invalid reduction dimension (${a} for input with ${rank} dimension(s)`);
    mask[a < 0 ? a + rank : a] = true;
  }
  return mask;
}

function reducedShape(shape: readonly number[], mask: readonly boolean[], keepDims: boolean): number[] {
  return keepDims ? shape.map((d, i) => (mask[i] ? 1 : d)) : shape.filter((_, i) => !mask[i]);
}

/**
 * The output shape where the reduction copies its input unchanged (no axes, or only size-1
 * axes, for Sum, Mean and Prod: one term each), else null. TF's gradient of a broadcast
 * add sums over the broadcast axes, none for the operand of the full shape: two such Sums
 * per MLP step, which become free views of their input's texture instead of draws.
 * (Max and Min are not copies: the CPU kernel's max of a lone NaN is −∞.)
 *
 *     reductionCopyShape('Sum', [64, 10], [], false); // [64, 10]
 */
export function reductionCopyShape(kind: ReduceKind, shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] | null {
  if (kind === 'Max' || kind === 'Min' || shape.some((d) => d === 0)) return null;
  if (axes.some((a) => !Number.isInteger(a) || a < -shape.length || a >= shape.length)) return null; // reduceProgram raises TF's error
  const mask = reducedMask(shape, axes);
  return shape.every((d, i) => !mask[i] || d === 1) ? reducedShape(shape, mask, keepDims) : null;
}
