/**
 * Array ops whose output element reads one input element at an index that is a function
 * of its coordinates: Tile, Transpose, Slice. Their int32 parameters (multiples, perm,
 * begin/size) are host values baked into the program (kernels.ts `HostParamKernel`).
 * Each output element is a copy, so results are exact.
 */
import type { GpuProgram } from '../program.ts';

const stridesOf = (shape: readonly number[]): number[] => {
  const s = new Array<number>(shape.length);
  for (let i = shape.length - 1, acc = 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
};

/** A program whose element i (of `outShape`, coordinates c) reads input element Σ_d term(d, c_d). */
function gather(name: string, outShape: readonly number[], term: (d: number, coord: string) => string): GpuProgram {
  const lines: string[] = [];
  for (let d = outShape.length - 1; d >= 0; d--) {
    lines.push(`{ int c = r % ${outShape[d]}; j += ${term(d, 'c')}; r /= ${outShape[d]}; }`);
  }
  return {
    name,
    inputs: ['x0'],
    outputShape: outShape,
    source: `float compute(int i) { int r = i; int j = 0; ${lines.join(' ')} return fetch(x0, j); }`,
  };
}

/** `Tile(input, multiples)`: out[c] = in[c mod shape]. Example: `tileProgram([1], [64])` → shape [64]. */
export function tileProgram(shape: readonly number[], multiples: readonly number[]): GpuProgram {
  if (multiples.length !== shape.length || multiples.some((m) => !Number.isInteger(m) || m < 0)) {
    throw new Error(`Expected multiples argument to be a vector of length ${shape.length} of non-negative integers, got [${multiples.join(',')}]`);
  }
  const strides = stridesOf(shape);
  return gather('Tile', shape.map((d, i) => d * multiples[i]!), (d, c) => (shape[d] === 1 ? '0' : `(${c} % ${shape[d]}) * ${strides[d]}`));
}

/** `Transpose(x, perm)`: out[c] = x at coordinate perm⁻¹ of c. Example: `transposeProgram([2, 3], [1, 0])` → shape [3, 2]. */
export function transposeProgram(shape: readonly number[], perm: readonly number[]): GpuProgram {
  const sorted = [...perm].sort((a, b) => a - b);
  if (perm.length !== shape.length || sorted.some((p, i) => p !== i)) throw new Error(`transpose expects a permutation of 0..${shape.length - 1}, got [${perm.join(',')}]`);
  const strides = stridesOf(shape);
  // Output dimension d is input dimension perm[d].
  return gather('Transpose', perm.map((p) => shape[p]!), (d, c) => `${c} * ${strides[perm[d]!]}`);
}

/** `Slice(input, begin, size)`: the box from `begin`; size -1 takes the rest. Example: `sliceProgram([4, 5], [1, 0], [2, -1])` → [2, 5]. */
export function sliceProgram(shape: readonly number[], begin: readonly number[], size: readonly number[]): GpuProgram {
  if (begin.length !== shape.length || size.length !== shape.length) throw new Error(`Expected begin and size arguments to be 1-D tensors of size ${shape.length}`);
  const outShape = size.map((s, i) => (s === -1 ? shape[i]! - begin[i]! : s));
  outShape.forEach((s, i) => {
    if (begin[i]! < 0 || s < 0 || begin[i]! + s > shape[i]!) throw new Error(`Expected begin[${i}] in [0, ${shape[i]}] and size[${i}] in [0, ${shape[i]! - begin[i]!}], got ${begin[i]} and ${size[i]}`);
  });
  const strides = stridesOf(shape);
  return gather('Slice', outShape, (d, c) => `(${c} + ${begin[d]}) * ${strides[d]}`);
}
