/**
 * How a tensor lies in a texture: its elements in flat row-major order, four per texel of
 * an RGBA32F texture (texel `t` holds elements 4t … 4t+3 in r, g, b, a), texels row after
 * row of a power-of-two `width`. The layout depends on the element count only, never on
 * the logical shape, so Reshape/ExpandDims/Squeeze can alias a texture under a new shape;
 * and because it is a fixed function of the count, a program generator that knows its
 * input shapes knows each input's width and can bake texel addresses in as constants.
 *
 * Why RGBA with four consecutive elements: one texel fetch brings four values (an
 * element-wise kernel fetches each input once per four outputs, a matmul reads four k's
 * of a row at once), a quarter of the fragments run, and readback reads no unused
 * channels (readPixels(RGBA, FLOAT) is the readback every float framebuffer supports).
 *
 *     textureShapeFor(1_000_000); // { width: 512, height: 489, texels: 250_000, log2Width: 9 }
 */
export interface TextureShape {
  readonly width: number;
  readonly height: number;
  /** Texels holding elements: ceil(size / 4). */
  readonly texels: number;
  /** log2(width): texel t lies at (t & (width - 1), t >> log2Width). */
  readonly log2Width: number;
}

/** Elements per texel (RGBA). */
export const TEXEL_ELEMENTS = 4;

/**
 * The texture a tensor of `size` elements occupies: the smallest power-of-two width whose
 * square holds its texels (so near-square, at most width − 1 texels of the last row unused).
 * Throws where `maxTextureSize` is exceeded.
 */
export function textureShapeFor(size: number, maxTextureSize = Infinity): TextureShape {
  const texels = Math.max(Math.ceil(size / TEXEL_ELEMENTS), 1);
  let log2Width = 0;
  while ((1 << log2Width) * (1 << log2Width) < texels) log2Width++;
  const width = 1 << log2Width;
  const height = Math.ceil(texels / width);
  if (width > maxTextureSize || height > maxTextureSize) {
    throw new Error(`A tensor of ${size} elements needs a ${width}x${height} texture, over this GPU's limit of ${maxTextureSize}`);
  }
  return { width, height, texels, log2Width };
}
