/**
 * The tiled MatMul kernel (op(A) · op(B), any m ≥ 1, k, n; either operand transposed), in
 * two draws over the RGBA layout (layout.ts: four consecutive flat elements per texel).
 *
 * Draw 1 computes 4×4 output tiles: each fragment walks k four at a time, reading four
 * texels of A and four of B per step, and updates 16 sums (8 multiply-adds per fetch).
 * Fetches, not arithmetic, bound matmul on SwiftShader: on the MLP's 64×784·784×128,
 * replacing both operands' fetches by constants cut the draw from 7.0 to 1.4 ms, either
 * one alone to 3.4–4.2 ms, and trimming the arithmetic changed nothing measurable. Tile
 * row j goes to render target j (4 targets: the WebGL2 minimum). SwiftShader allows 6, but
 * 6×4 tiles (9.6 multiply-adds per fetch) measured no faster there (3.74 vs 3.52 ms, same
 * page), so 4 it is everywhere.
 *
 * Any operand row that is not texel-aligned (k, n or m not a multiple of 4) is read as two
 * texels and a swizzle. Its offset within the texel never changes along the k loop (every
 * step moves four elements) and is a compile-time constant per tile row, so the swizzle is
 * fixed in the source. A k not divisible by 4 ends with one step whose elements past k are
 * zeroed on both sides (never multiplied into a sum: garbage past a tensor's end may be
 * NaN). Rows past m and columns past n compute unused sums from clamped reads.
 *
 * Draw 2 gathers each output element from its tile's target into the flat layout (one
 * fetch per output texel where n % 4 == 0, one per element otherwise).
 *
 * Sums are float32; per step a row of four products is added to the running sum, so the
 * order differs from the CPU's k = 0, 1, … by a few ulp times k (test/browser/webgl-matmul.test.ts bound).
 */
import type { GpuProgram } from '../program.ts';
import { texelReader } from './texel-reader.ts';

/** The shapes of one product after the transposes: op(A) is m×k, op(B) is k×n. */
export interface MatMulDims { readonly m: number; readonly k: number; readonly n: number; readonly transposeA: boolean; readonly transposeB: boolean }

/** GLSL for four consecutive elements of `texel` starting `offset` (0–3, static) elements into texel `t`. */
function row4(texel: string, t: string, offset: number): string {
  if (offset === 0) return `${texel}(${t})`;
  const lo = ['', 'yzw', 'zw', 'w'][offset]!;
  const hi = ['', 'x', 'xy', 'xyz'][offset]!;
  return `vec4(${texel}(${t}).${lo}, ${texel}(${t} + 1).${hi})`;
}

const zeroFrom = (v: string, rem: number): string => ['x', 'y', 'z', 'w'].slice(rem).map((c) => `${v}.${c} = 0.0;`).join(' ');

/** Rows per tile: one render target each. */
const R = 4;

/**
 * Both draws (the gather, with the tile draw as its `stage`).
 *
 *     tiledMatMul({ m: 64, k: 128, n: 10, transposeA: false, transposeB: false }).stage!.program.targets; // 4
 */
export function tiledMatMul(d: MatMulDims): GpuProgram {
  const parts = tiledMatMulParts(d);
  return {
    name: 'MatMul',
    inputs: ['x0', 'x1', ...parts.samplers],
    outputShape: [d.m, d.n],
    perTexel: true,
    stage: { program: parts.tiles, samplers: parts.samplers },
    source: `${parts.gather}
vec4 computeTexel(int t) { return matMulTexel(t); }`,
  };
}

/**
 * The tile draw (reading its operands as samplers `x0`, `x1`), the samplers its targets are
 * bound to in the next draw, and that draw's GLSL defining `vec4 matMulTexel(int t)`: texel t
 * of the product in the flat layout. A program that continues with element-wise work on
 * the product (matmul-epilogue.ts) calls it in place of reading the product's texture.
 */
export function tiledMatMulParts(d: MatMulDims): { readonly tiles: GpuProgram; readonly samplers: readonly string[]; readonly gather: string } {
  const { m, k, n, transposeA, transposeB } = d;
  const qp = Math.ceil(n / 4); // tile texels per block: columns padded to whole quads
  const blocks = Math.ceil(m / R);
  const tileSize = blocks * qp * 4; // elements per target
  const steps = Math.floor(k / 4);
  const rem = k % 4;
  const rows = Array.from({ length: R }, (_, j) => j);
  const quad = [0, 1, 2, 3];
  // Cursors (texel indices) advance by a fixed amount per step of four k's; offsets are static.
  //   A rows:        a<j> = A[r0 + j, kk … kk+3] at element (r0 + j)·k + kk       (offset (j·k) & 3, r0 = 4·block)
  //   A transposed:  t<i> = A[kk + i, r0 … r0+3] at element (kk + i)·m + r0       (offset (i·m) & 3, r0 = 4·block)
  //   B rows:        b<i> = B[kk + i, c0 … c0+3] at element (kk + i)·n + c0       (offset (i·n) & 3, c0 = 4·cq)
  //   B transposed:  u<i> = B[c0 + i, kk … kk+3] at element (c0 + i)·k + kk       (offset (i·k) & 3)
  const aCursor = transposeA ? 'block * 4' : `block * ${4 * k}`;
  const aStart = (j: number) => (transposeA ? `(${aCursor} + ${j * m})` : `(${aCursor} + ${j * k})`);
  const bCursor = transposeB ? `cq * 4 * ${k}` : 'cq * 4';
  const bStart = (i: number) => (transposeB ? `(${bCursor} + ${i * k})` : `(${bCursor} + ${i * n})`);
  const readA = transposeA
    ? `${quad.map((i) => `vec4 t${i} = ${row4('texelA', `ta${i}`, (i * m) & 3)};`).join(' ')}`
    : `${rows.map((j) => `vec4 a${j} = ${row4('texelA', `ta${j}`, (j * k) & 3)};`).join(' ')}`;
  const aVars = transposeA ? quad.map((i) => `t${i}`) : rows.map((j) => `a${j}`);
  const aLanes = transposeA ? quad : rows;
  const advanceA = aLanes.map((x) => `ta${x} += ${transposeA ? m : 1};`).join(' ');
  const readB = quad.map((i) => `vec4 ${transposeB ? 'u' : 'b'}${i} = ${row4('texelB', `tb${i}`, ((transposeB ? k : n) * i) & 3)};`).join(' ');
  const advanceB = quad.map((i) => `tb${i} += ${transposeB ? 1 : n};`).join(' ');
  // The last, partial step: elements past k zeroed in A's and B's vectors alike.
  const maskTail = rem === 0 ? '' : [
    ...(transposeA ? quad.filter((i) => i >= rem).map((i) => `t${i} = vec4(0.0);`) : rows.map((j) => zeroFrom(`a${j}`, rem))),
    ...(transposeB ? quad.map((i) => zeroFrom(`u${i}`, rem)) : quad.filter((i) => i >= rem).map((i) => `b${i} = vec4(0.0);`)),
  ].join(' ');
  // a<j> for the transposed read: component j of each t<i>.
  const splitA = transposeA ? rows.map((j) => `vec4 a${j} = vec4(t0[${j}], t1[${j}], t2[${j}], t3[${j}]);`).join(' ') : '';
  const update = rows.map((j) => (transposeB
    ? `s${j} += vec4(dot(a${j}, u0), dot(a${j}, u1), dot(a${j}, u2), dot(a${j}, u3));`
    : `s${j} += a${j}.x * b0 + a${j}.y * b1 + a${j}.z * b2 + a${j}.w * b3;`)).join('\n    ');
  const body = (tail: boolean) => `${readA}
    ${readB}
    ${tail ? maskTail : ''}
    ${splitA}
    ${update}`;
  const tiles: GpuProgram = {
    name: 'MatMul',
    inputs: ['x0', 'x1'],
    outputShape: [tileSize],
    targets: R,
    source: `${texelReader('texelA', 'x0', m * k)}
${texelReader('texelB', 'x1', k * n)}
void computeTargets(int g) {
  int block = g / ${qp};
  int cq = g - block * ${qp};
  ${aLanes.map((x) => `int ta${x} = ${aStart(x)} >> 2;`).join(' ')}
  ${quad.map((i) => `int tb${i} = ${bStart(i)} >> 2;`).join(' ')}
  ${rows.map((j) => `vec4 s${j} = vec4(0.0);`).join(' ')}
  for (int step = 0; step < ${steps}; step++) {
    ${body(false)}
    ${advanceA}
    ${advanceB}
  }
  ${rem === 0 ? '' : `{
    ${body(true)}
  }`}
  ${rows.map((j) => `result${j} = s${j};`).join(' ')}
}`,
  };
  const samplers = rows.map((j) => `tile${j}`);
  const pick = (call: (j: number) => string) => `${rows.slice(0, -1).map((j) => `if (j == ${j}) return ${call(j)};`).join('\n  ')}
  return ${call(R - 1)};`;
  const gather = n % 4 === 0
    ? `vec4 matMulTexel(int t) {
  int r = t / ${qp};
  int g = (r / ${R}) * ${qp} + (t - r * ${qp});
  int j = r - (r / ${R}) * ${R};
  ${pick((j) => `readTile${j}(g)`)}
}`
    : `float tileElement(int i) {
  int r = i / ${n};
  int c = i - r * ${n};
  int g = (r / ${R}) * ${qp} + (c >> 2);
  int j = r - (r / ${R}) * ${R};
  int e = c & 3;
  ${pick((j) => `readTile${j}(g)[e]`)}
}
vec4 matMulTexel(int t) {
  int i = t * 4;
  return vec4(${quad.map((e) => (e === 0 ? 'tileElement(i)' : `i + ${e} < ${m * n} ? tileElement(i + ${e}) : 0.0`)).join(', ')});
}`;
  return { tiles, samplers, gather: `${rows.map((j) => texelReader(`readTile${j}`, `tile${j}`, tileSize)).join('\n')}
${gather}` };
}
