/**
 * How a tensor lies in a texture: its elements in row-major order, one float per texel
 * of an R32F texture, row after row of `width` texels. Shaders address element `i` at
 * texel (i % width, i / width), reading `width` with `textureSize`, so a program's source
 * does not depend on the layout.
 */
export interface TextureShape {
  readonly width: number;
  readonly height: number;
}

export function textureShapeFor(size: number, maxTextureSize: number): TextureShape {
  const n = Math.max(size, 1);
  const width = Math.min(n, maxTextureSize);
  const height = Math.ceil(n / width);
  if (height > maxTextureSize) throw new Error(`A tensor of ${size} elements does not fit one ${maxTextureSize}x${maxTextureSize} texture`);
  return { width, height };
}
