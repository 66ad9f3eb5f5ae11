/**
 * `MatMul` with TF's `transpose_a` / `transpose_b` over the RGBA layout (layout.ts: four
 * consecutive elements per texel).
 *
 * From 8 rows up, every product takes the tiled kernel (matmul-tiled.ts: 4×4 tiles, two
 * draws; its n = 10 case made the MLP's output layer 0.5 ms where the per-element kernel
 * took 1.0). Below that, where the output's rows are whole texels (n % 4 == 0), each fragment computes one texel
 * C[r, c … c+3] and walks k four at a time: a vec4 of op(A)[r, kk … kk+3] and four vec4s
 * of op(B) (rows kk … kk+3 over columns c … c+3, or, transposed, columns of B read as
 * rows), so 16 multiply-adds cost five texel fetches where the operand rows are whole
 * texels too, against two fetches per multiply-add reading elements one by one. Texel
 * addresses use each input's layout baked in as constants (shift and mask, no division).
 * Where rows are not whole texels, operands fall back to element reads, and an output
 * with n % 4 != 0 computes each element as a scalar dot product: slower, same results.
 *
 * These two sum in float32 in order k = 0, 1, … per element (as the CPU kernel does, up to the
 * compiler fusing multiply-adds).
 */
import type { GpuProgram } from '../program.ts';
import { tiledMatMul } from './matmul-tiled.ts';
import { texelReader } from './texel-reader.ts';

/**
 * The program for op(a) · op(b), op = transpose where asked.
 *
 *     matMulProgram([64, 784], [784, 128], false, false).outputShape; // [64, 128]
 */
export function matMulProgram(aShape: readonly number[], bShape: readonly number[], transposeA: boolean, transposeB: boolean): GpuProgram {
  if (aShape.length !== 2 || bShape.length !== 2) throw new Error(`MatMul takes two matrices, got shapes [${aShape.join(',')}] and [${bShape.join(',')}]`);
  const [m, k] = transposeA ? [aShape[1]!, aShape[0]!] : [aShape[0]!, aShape[1]!];
  const [k2, n] = transposeB ? [bShape[1]!, bShape[0]!] : [bShape[0]!, bShape[1]!];
  if (k !== k2) throw new Error(`Matrix size-incompatible: In[0]: [${aShape.join(',')}], In[1]: [${bShape.join(',')}]`);
  const helpers = `${texelReader('texelA', 'x0', m * k)}
${texelReader('texelB', 'x1', k * n)}
// Element (row, col) of op(a) and op(b), read one by one.
float elemA(int row, int col) { int i = ${transposeA ? `col * ${m} + row` : `row * ${k} + col`}; return texelA(i >> 2)[i & 3]; }
float elemB(int row, int col) { int i = ${transposeB ? `col * ${k} + row` : `row * ${n} + col`}; return texelB(i >> 2)[i & 3]; }`;
  const base = { name: 'MatMul', inputs: ['x0', 'x1'], outputShape: [m, n] };
  // Tiles of fewer than 8 rows would mostly compute padding; below that, one draw per output texel or element.
  if (m >= 8) return tiledMatMul({ m, k, n, transposeA, transposeB });
  if (n % 4 !== 0) {
    return {
      ...base,
      source: `${helpers}
float compute(int i) {
  int r = i / ${n};
  int c = i - r * ${n};
  float s = 0.0;
  for (int kk = 0; kk < ${k}; kk++) s += elemA(r, kk) * elemB(kk, c);
  return s;
}`,
    };
  }
  const k4 = k - (k % 4);
  // op(A)[r, kk … kk+3]: one texel when A's rows are whole texels (row-major, k % 4 == 0).
  const rowA = !transposeA && k % 4 === 0
    ? `texelA((r * ${k} + kk) >> 2)`
    : 'vec4(elemA(r, kk), elemA(r, kk + 1), elemA(r, kk + 2), elemA(r, kk + 3))';
  // op(B)[kk + j, c … c+3] for j = 0 … 3 (untransposed B, n % 4 == 0 here: one texel each).
  const stepRowsB = `
    vec4 a = ${rowA};
    s += a.x * texelB(((kk) * ${n} + c) >> 2);
    s += a.y * texelB(((kk + 1) * ${n} + c) >> 2);
    s += a.z * texelB(((kk + 2) * ${n} + c) >> 2);
    s += a.w * texelB(((kk + 3) * ${n} + c) >> 2);`;
  // Transposed B: op(B)[kk … kk+3, c + j] is row c + j of B, one texel when k % 4 == 0.
  const colB = (j: number) => k % 4 === 0
    ? `texelB(((c + ${j}) * ${k} + kk) >> 2)`
    : `vec4(elemB(kk, c + ${j}), elemB(kk + 1, c + ${j}), elemB(kk + 2, c + ${j}), elemB(kk + 3, c + ${j}))`;
  const stepColsB = `
    vec4 a = ${rowA};
    s += vec4(dot(a, ${colB(0)}), dot(a, ${colB(1)}), dot(a, ${colB(2)}), dot(a, ${colB(3)}));`;
  return {
    ...base,
    perTexel: true,
    source: `${helpers}
vec4 rowB(int row, int c) { return ${transposeB ? 'vec4(elemB(row, c), elemB(row, c + 1), elemB(row, c + 2), elemB(row, c + 3))' : `texelB((row * ${n} + c) >> 2)`}; }
vec4 computeTexel(int t) {
  int r = (t * 4) / ${n};
  int c = t * 4 - r * ${n};
  vec4 s = vec4(0.0);
  for (int kk = 0; kk < ${k4}; kk += 4) {${transposeB ? stepColsB : stepRowsB}
  }
  for (int kk = ${k4}; kk < ${k}; kk++) s += elemA(r, kk) * rowB(kk, c);
  return s;
}`,
  };
}
