/**
 * `MatMul` with TF's `transpose_a` / `transpose_b` over the RGBA layout (layout.ts: four
 * consecutive elements per texel).
 *
 * Where the output's rows are whole texels (n % 4 == 0), each fragment computes one texel
 * C[r, c … c+3] and walks k four at a time: a vec4 of op(A)[r, kk … kk+3] and four vec4s
 * of op(B) (rows kk … kk+3 over columns c … c+3, or, transposed, columns of B read as
 * rows), so 16 multiply-adds cost five texel fetches where the operand rows are whole
 * texels too, against two fetches per multiply-add reading elements one by one. Texel
 * addresses use each input's layout baked in as constants (shift and mask, no division).
 * Where rows are not whole texels, operands fall back to element reads, and an output
 * with n % 4 != 0 computes each element as a scalar dot product: slower, same results.
 *
 * Sums run in float32 in order k = 0, 1, … per element (as the CPU kernel does, up to the
 * compiler fusing multiply-adds).
 */
import { textureShapeFor } from '../layout.ts';
import type { GpuProgram } from '../program.ts';

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
  if (k % 4 === 0 && (!transposeA || m % 4 === 0) && m >= 2 * TILE_ROWS) return tiledMatMul(m, k, n, transposeA, transposeB);
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

/** Rows per tile of the tiled kernel: one render target per row, 4 being the targets every WebGL2 allows. */
const TILE_ROWS = 4;

/**
 * op(A) · op(B) with k and n multiples of 4 (and m, where A is transposed), in two draws. The
 * first computes 4×4 tiles: each fragment reads, per four k's, four texels of A (a row
 * each) and four of B, and updates 16 sums per fetch pair instead of 4 — fetches, not
 * arithmetic, bound matmul on SwiftShader (a loop with fetches at fixed addresses costs
 * about as much as the real kernel; without them, a sixth). Tile row j goes to render
 * target j. The second draw gathers each output texel from its tile's target.
 */
function tiledMatMul(m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): GpuProgram {
  const q = n / 4; // output texels per row
  const blocks = Math.ceil(m / TILE_ROWS);
  const tileSize = blocks * n; // elements per target: one row of each block
  const kq = k / 4; // texels per row of A (untransposed) or of B (transposed)
  const mq = m / 4; // texels per row of a transposed A ([k, m], m % 4 == 0 there)
  const rows = Array.from({ length: TILE_ROWS }, (_, j) => j);
  // a<j>: op(A)[r0 + j, kk … kk+3]. Untransposed: a texel of row r0 + j. Transposed: rows kk … kk+3 of
  // A hold columns r0 … r0+3, so four texels give the 4×4 block and a<j> is their component j.
  const readA = transposeA
    ? `${rows.map((i) => `vec4 t${i} = texelA(ta + ${i * mq});`).join(' ')}
${rows.map((j) => `    vec4 a${j} = vec4(t0[${j}], t1[${j}], t2[${j}], t3[${j}]);`).join('\n')}
    ta += ${4 * mq};`
    : `${rows.map((j) => `vec4 a${j} = texelA(ta + ${j * kq});`).join(' ')}
    ta += 1;`;
  // b<i>: op(B)[kk + i, c … c+3] (untransposed: a texel of row kk + i), or, transposed, u<i> = B[c + i, kk … kk+3].
  const readB = transposeB
    ? `${rows.map((i) => `vec4 u${i} = texelB(tb + ${i * kq});`).join(' ')}
    tb += 1;`
    : `${rows.map((i) => `vec4 b${i} = texelB(tb + ${i * q});`).join(' ')}
    tb += ${4 * q};`;
  const update = (j: number) => (transposeB
    ? `s${j} += vec4(dot(a${j}, u0), dot(a${j}, u1), dot(a${j}, u2), dot(a${j}, u3));`
    : `s${j} += a${j}.x * b0 + a${j}.y * b1 + a${j}.z * b2 + a${j}.w * b3;`);
  const tiles: GpuProgram = {
    name: 'MatMul',
    inputs: ['x0', 'x1'],
    outputShape: [tileSize],
    targets: TILE_ROWS,
    source: `${texelReader('texelA', 'x0', m * k)}
${texelReader('texelB', 'x1', k * n)}
void computeTargets(int g) {
  int block = g / ${q};
  int cq = g - block * ${q};
  // Rows past m (the last block of an m not divisible by ${TILE_ROWS}) read clamped texels; their sums are never gathered.
  int ta = block * ${transposeA ? 1 : TILE_ROWS * kq};
  int tb = cq * ${transposeB ? 4 * kq : 1};
  ${rows.map((j) => `vec4 s${j} = vec4(0.0);`).join(' ')}
  for (int kk = 0; kk < ${kq}; kk++) {
    ${readA}
    ${readB}
    ${rows.map(update).join('\n    ')}
  }
  ${rows.map((j) => `result${j} = s${j};`).join(' ')}
}`,
  };
  const samplers = rows.map((j) => `tile${j}`);
  return {
    name: 'MatMul',
    inputs: ['x0', 'x1', ...samplers],
    outputShape: [m, n],
    perTexel: true,
    stage: { program: tiles, samplers },
    source: `${rows.map((j) => texelReader(`readTile${j}`, `tile${j}`, tileSize)).join('\n')}
vec4 computeTexel(int t) {
  int r = t / ${q};
  int g = (r / ${TILE_ROWS}) * ${q} + (t - r * ${q});
  int j = r - (r / ${TILE_ROWS}) * ${TILE_ROWS};
  ${rows.slice(0, -1).map((j) => `if (j == ${j}) return readTile${j}(g);`).join('\n  ')}
  return readTile${TILE_ROWS - 1}(g);
}`,
  };
}

/**
 * `vec4 fn(int t)`: texel t of `sampler`, a tensor of `size` elements, its layout (layout.ts)
 * baked in. Reads through `texture()` at the texel's centre (NEAREST filtering, so exact):
 * on SwiftShader this measured faster than `texelFetch` at the same address (matmul 512:
 * about 110 vs 155 ms in one page, repeated under load), and the centre is exact in float32
 * because the width is a power of two and coordinates stay below 2^13.
 */
export function texelReader(fn: string, sampler: string, size: number): string {
  const { width, height, log2Width } = textureShapeFor(size);
  return `vec4 ${fn}(int t) { return texture(${sampler}, (vec2(float(t & ${width - 1}), float(t >> ${log2Width})) + 0.5) / vec2(${width}.0, ${height}.0)); }`;
}
