import { textureShapeFor } from './layout.ts';

/**
 * A WebGL program as a pure description (STYLE.md convention 5): what it reads, the shape
 * it writes and its GLSL. Nothing here touches `gl`; the context layer compiles the
 * source once (program cache) and draws it into a pooled texture.
 *
 * Tensors lie four elements per RGBA texel (layout.ts). By default `source` defines
 * `float compute(int i)`, the output's element `i` (row-major), and each fragment calls it
 * for its texel's four elements. It reads input `k` with `fetch(<inputs[k]>, j)`, element
 * `j` of that input, row-major too, or a whole texel with `texel(<inputs[k]>, t)`.
 *
 * With `perTexel`, `source` defines `vec4 computeTexel(int t)` instead: elements 4t … 4t+3
 * at once (components past the output's size are ignored). The globals `texelIndex` (t)
 * and `texelCoord` (its (x, y) in the output) are set; an input of the output's element
 * count has the output's layout, so `texelFetch(x0, texelCoord, 0)` is its texel t.
 */
export interface GpuProgram {
  /** For error messages and statistics: usually the op type. */
  readonly name: string;
  /** Sampler names, one per input tensor, in the order inputs are passed. */
  readonly inputs: readonly string[];
  readonly outputShape: readonly number[];
  readonly source: string;
  /** `source` defines `vec4 computeTexel(int t)` rather than `float compute(int i)`. */
  readonly perTexel?: boolean;
  /**
   * Draw into this many textures at once (WebGL2 multiple render targets, at most 4, the
   * minimum every WebGL2 allows): `source` defines `void computeTargets(int t)` assigning
   * texel t of each, `result0` … `result<targets-1>`; each target holds `outputShape`.
   * Only as a `stage`: a kernel's final output is one texture.
   */
  readonly targets?: number;
  /**
   * A program drawn first, with the same inputs; its target textures are then bound to
   * the samplers `samplers` (listed after the op's inputs in `inputs`) and released after
   * this program draws. Lets a kernel compute in a layout of its own (matmul's 4×4 tiles).
   */
  readonly stage?: { readonly program: GpuProgram; readonly samplers: readonly string[] };
}

export const VERTEX_SHADER = `#version 300 es
in vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }
`;

/**
 * The whole fragment shader around a program's source: one fragment per output texel
 * (texel (x, y) of the output is texel y · width + x, its layout baked in as constants).
 */
export function fragmentShader(p: GpuProgram): string {
  const size = p.outputShape.reduce((a, b) => a * b, 1);
  const { width } = textureShapeFor(size);
  const targets = p.targets ?? 1;
  const body = p.targets !== undefined
    ? 'computeTargets(texelIndex);'
    : p.perTexel === true
    ? 'result = computeTexel(texelIndex);'
    : `int i = texelIndex * 4;
  result = ${size % 4 === 0
    ? 'vec4(compute(i), compute(i + 1), compute(i + 2), compute(i + 3));'
    : `vec4(compute(i), i + 1 < ${size} ? compute(i + 1) : 0.0, i + 2 < ${size} ? compute(i + 2) : 0.0, i + 3 < ${size} ? compute(i + 3) : 0.0);`}`;
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
${p.inputs.map((name) => `uniform sampler2D ${name};`).join('\n')}
${p.targets === undefined ? 'out vec4 result;' : Array.from({ length: targets }, (_, j) => `layout(location = ${j}) out vec4 result${j};`).join('\n')}
ivec2 texelCoord;
int texelIndex;
/** Texel t of a tensor's texture (elements 4t … 4t+3). */
vec4 texel(sampler2D s, int t) {
  int w = textureSize(s, 0).x;
  return texelFetch(s, ivec2(t & (w - 1), t / w), 0);
}
/** Element i of a tensor. */
float fetch(sampler2D s, int i) {
  return texel(s, i >> 2)[i & 3];
}
${p.source}
void main() {
  texelCoord = ivec2(gl_FragCoord.xy);
  texelIndex = texelCoord.y * ${width} + texelCoord.x;
  ${body}
}
`;
}
