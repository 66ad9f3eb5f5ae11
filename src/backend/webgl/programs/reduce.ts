/**
 * Reductions (Sum, Mean, Prod, Max, Min) over any set of axes, with keep_dims. Like the
 * CPU kernel (src/ops/reduce/reduction.ts), adjacent dimensions that are all kept or all
 * reduced are merged and size-1 dimensions dropped, so `Sum(x[64, 10], axis 0)` is one
 * strided loop of 64 per output element. Each output element is one fragment's loop over
 * its reduced elements, in the CPU's order; sums accumulate in float32 (the CPU's in
 * float64), so they agree to about count · 2⁻²³ · Σ|x|.
 */
import type { GpuProgram } from '../program.ts';

export type ReduceKind = 'Sum' | 'Mean' | 'Prod' | 'Max' | 'Min';

const INITIAL: Record<ReduceKind, string> = { Sum: '0.0', Mean: '0.0', Prod: '1.0', Max: 'uintBitsToFloat(0xff800000u)', Min: 'uintBitsToFloat(0x7f800000u)' }; // ∓infinity
// NaN never replaces the running max/min, as the CPU kernel's `if (x > a) a = x` does.
const STEP: Record<ReduceKind, string> = { Sum: 'a += v;', Mean: 'a += v;', Prod: 'a *= v;', Max: 'a = v > a ? v : a;', Min: 'a = v < a ? v : a;' };

/**
 * The program reducing a tensor of `shape` over `axes` (negative axes count from the end;
 * the op's int32 axes input, read on the host).
 *
 *     reduceProgram('Sum', [64, 10], [0], false).outputShape; // [10]
 */
export function reduceProgram(kind: ReduceKind, shape: readonly number[], axes: readonly number[], keepDims: boolean): GpuProgram {
  const mask = reducedMask(shape, axes);
  const outputShape = reducedShape(shape, mask, keepDims);
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
  // Output element o → input offset of its first reduced element (kept coordinates, innermost first).
  const base = kept.slice().reverse().map((d) => `base += (r % ${d.size}) * ${d.stride}; r /= ${d.size};`).join(' ');
  const loopsOpen = reduced.map((d, j) => `for (int j${j} = 0; j${j} < ${d.size}; j${j}++) {`).join(' ');
  const offset = ['base', ...reduced.map((d, j) => `j${j} * ${d.stride}`)].join(' + ');
  const result = kind === 'Mean' ? `a / ${count}.0` : 'a';
  return {
    name: kind,
    inputs: ['x0'],
    outputShape,
    source: `float compute(int o) {
  int r = o; int base = 0; ${base}
  float a = ${INITIAL[kind]};
  ${empty ? '' : `${loopsOpen} float v = fetch(x0, ${offset}); ${STEP[kind]} ${reduced.map(() => '}').join(' ')}`}
  return ${result};
}`,
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
