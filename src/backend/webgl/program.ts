/**
 * A WebGL program as a pure description (STYLE.md convention 5): what it reads, the shape
 * it writes and its GLSL. Nothing here touches `gl`; the context layer compiles the
 * source once (program cache) and draws it into a pooled texture.
 *
 * `source` defines `float compute(int i)`, the output's element `i` (row-major). It reads
 * input `k` with `fetch(<inputs[k]>, j)`, element `j` of that input, row-major too.
 */
export interface GpuProgram {
  /** For error messages and statistics: usually the op type. */
  readonly name: string;
  /** Sampler names, one per input tensor, in the order inputs are passed. */
  readonly inputs: readonly string[];
  readonly outputShape: readonly number[];
  readonly source: string;
}

export const VERTEX_SHADER = `#version 300 es
in vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }
`;

/**
 * The whole fragment shader around a program's `compute`: one fragment per output element
 * (texel (x, y) of a `outWidth`-wide R32F texture is element y * outWidth + x).
 */
export function fragmentShader(p: GpuProgram): string {
  const size = p.outputShape.reduce((a, b) => a * b, 1);
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
${p.inputs.map((name) => `uniform sampler2D ${name};`).join('\n')}
uniform int outWidth;
out vec4 result;
float fetch(sampler2D s, int i) {
  int w = textureSize(s, 0).x;
  return texelFetch(s, ivec2(i % w, i / w), 0).r;
}
${p.source}
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int i = p.y * outWidth + p.x;
  result = vec4(i < ${size} ? compute(i) : 0.0, 0.0, 0.0, 0.0);
}
`;
}
