import { textureShapeFor } from '../layout.ts';

/**
 * `vec4 fn(int t)`: texel t of `sampler`, a tensor of `size` elements, its layout (layout.ts)
 * baked in. Reads through `texture()` at the texel's centre (NEAREST filtering, so exact):
 * on SwiftShader this measured faster than `texelFetch` at the same address (matmul 512:
 * about 110 vs 155 ms in one page, repeated under load), and the centre is exact in float32
 * because the width is a power of two and coordinates stay below 2^13. `textureLod(…, 0.0)`
 * measured slower still (MLP forward matmul 4.30 vs 3.80 ms, same page), as did multiplying
 * by the reciprocal size instead of dividing (no change) — the sampler itself is the cost.
 */
export function texelReader(fn: string, sampler: string, size: number): string {
  const { width, height, log2Width } = textureShapeFor(size);
  return `vec4 ${fn}(int t) { return texture(${sampler}, (vec2(float(t & ${width - 1}), float(t >> ${log2Width})) + 0.5) / vec2(${width}.0, ${height}.0)); }`;
}
