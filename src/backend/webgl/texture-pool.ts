/**
 * Float textures, reused by size and format. A run's intermediate tensors come and go
 * every step with the same shapes, so after the first run a session allocates nothing:
 * released textures wait in a free list keyed by `width x height format`.
 */
import type { GL2, GLTexture } from './gl-types.ts';
import { textureShapeFor } from './layout.ts';

/** `rgba32f`: four floats per texel, the layout tensors use (layout.ts). `r32f`: one float per texel. */
export type TextureFormat = 'r32f' | 'rgba32f';

export interface GpuTexture {
  readonly texture: GLTexture;
  readonly width: number;
  readonly height: number;
  readonly format: TextureFormat;
  /** Elements it holds (layout.ts: four per texel, flat row-major); textures from `acquire` alone hold width·height·4 (rgba) or width·height. */
  readonly size: number;
}

export class TexturePool {
  private readonly free = new Map<string, GpuTexture[]>();
  /** Textures created (for tests and the stats a user sees), and how many are handed out now. */
  created = 0;
  inUse = 0;

  constructor(private readonly gl: GL2) {}

  /** A texture laid out for a tensor of `size` elements (layout.ts). */
  acquireFor(size: number, maxTextureSize: number): GpuTexture {
    const { width, height } = textureShapeFor(size, maxTextureSize);
    return { ...this.acquire(width, height, 'rgba32f'), size };
  }

  acquire(width: number, height: number, format: TextureFormat): GpuTexture {
    this.inUse++;
    const reused = this.free.get(key(width, height, format))?.pop();
    if (reused !== undefined) return { ...reused, size: width * height * (format === 'r32f' ? 1 : 4) };
    const gl = this.gl;
    const texture = gl.createTexture();
    if (texture === null) throw new Error('WebGL could not create a texture (context lost?)');
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Kernels read with texelFetch, but a texture must still be "complete": no mipmaps, no filtering.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texStorage2D(gl.TEXTURE_2D, 1, format === 'r32f' ? gl.R32F : gl.RGBA32F, width, height);
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.created++;
    return { texture, width, height, format, size: width * height * (format === 'r32f' ? 1 : 4) };
  }

  release(t: GpuTexture): void {
    this.inUse--;
    const k = key(t.width, t.height, t.format);
    const list = this.free.get(k);
    if (list === undefined) this.free.set(k, [t]);
    else list.push(t);
  }

  /** Delete every free texture (textures still handed out are their holders' to release). */
  dispose(): void {
    for (const list of this.free.values()) for (const t of list) this.gl.deleteTexture(t.texture);
    this.free.clear();
  }
}

function key(width: number, height: number, format: TextureFormat): string {
  return `${width}x${height} ${format}`;
}
