/**
 * The layer that owns the WebGL2 context: it checks float render targets, uploads and
 * reads back tensors, and draws programs into pooled textures. Programs come in as pure
 * descriptions (program.ts); this is the only place that draws.
 */
import * as twgl from 'twgl.js';
import type { GL2, GLFramebuffer } from './gl-types.ts';
import { textureShapeFor } from './layout.ts';
import { ProgramCache, type TwglContext } from './program-cache.ts';
import type { GpuProgram } from './program.ts';
import { type GpuTexture, TexturePool } from './texture-pool.ts';

/** Thrown where this WebGL cannot render to float textures; callers fall back to the CPU backend and say so. */
export class WebGLUnsupportedError extends Error {
  override readonly name = 'WebGLUnsupportedError';
}

export interface GpuContextOptions {
  /** Check `gl.getError()` after every upload, draw and readback. Off by default: each check stalls the pipeline. */
  readonly debug?: boolean;
}

/** WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL. */
const UNMASKED_RENDERER = 0x9246;

export class GpuContext {
  readonly pool: TexturePool;
  readonly programs: ProgramCache;
  readonly maxTextureSize: number;
  /** The GPU's name as the driver reports it (unmasked where the browser allows), for the status bar. */
  readonly renderer: string;
  private readonly debug: boolean;
  private readonly framebuffer: GLFramebuffer;
  private readonly quad: twgl.BufferInfo;

  constructor(readonly gl: GL2, options: GpuContextOptions = {}) {
    if (gl.getExtension('EXT_color_buffer_float') === null) {
      throw new WebGLUnsupportedError('This WebGL2 cannot render to float32 textures (EXT_color_buffer_float is missing); use the CPU backend.');
    }
    this.debug = options.debug ?? false;
    this.maxTextureSize = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    const unmasked = gl.getExtension('WEBGL_debug_renderer_info') !== null ? gl.getParameter(UNMASKED_RENDERER) : null;
    this.renderer = String(unmasked ?? gl.getParameter(gl.RENDERER));
    this.pool = new TexturePool(gl);
    this.programs = new ProgramCache(gl);
    const fb = gl.createFramebuffer();
    if (fb === null) throw new WebGLUnsupportedError('WebGL could not create a framebuffer');
    this.framebuffer = fb;
    // Two triangles covering the viewport: one fragment per output texel.
    this.quad = twgl.createBufferInfoFromArrays(gl as unknown as TwglContext, {
      position: { numComponents: 2, data: [-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1] },
    });
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.PACK_ALIGNMENT, 4);
    this.probeFloatTarget();
    this.check('setup');
  }

  /** The extension can be present while R32F targets still are not renderable: try one once. */
  private probeFloatTarget(): void {
    const gl = this.gl;
    const t = this.pool.acquire(1, 1, 'r32f');
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
    const complete = gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.pool.release(t);
    if (!complete) throw new WebGLUnsupportedError('This WebGL2 cannot render to R32F textures; use the CPU backend.');
  }

  /** A texture holding `data` (row-major, one float per texel). */
  upload(data: Float32Array): GpuTexture {
    const gl = this.gl;
    const { width, height } = textureShapeFor(data.length, this.maxTextureSize);
    const t = this.pool.acquire(width, height, 'r32f');
    let pixels = data;
    if (data.length !== width * height) {
      pixels = new Float32Array(width * height);
      pixels.set(data);
    }
    gl.bindTexture(gl.TEXTURE_2D, t.texture);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RED, gl.FLOAT, pixels);
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.check('upload');
    return t;
  }

  /** The first `size` floats of a texture. Reads RGBA/FLOAT, the readback every float framebuffer supports. */
  download(t: GpuTexture, size: number): Float32Array {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
    const rgba = new Float32Array(t.width * t.height * 4);
    gl.readPixels(0, 0, t.width, t.height, gl.RGBA, gl.FLOAT, rgba);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.check('download');
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) out[i] = rgba[i * 4]!;
    return out;
  }

  /** Draw `program` with `inputs` bound to its samplers, into a new pooled texture. */
  run(program: GpuProgram, inputs: readonly GpuTexture[]): GpuTexture {
    const gl = this.gl;
    const size = program.outputShape.reduce((a, b) => a * b, 1);
    const { width, height } = textureShapeFor(size, this.maxTextureSize);
    const out = this.pool.acquire(width, height, 'r32f');
    const info = this.programs.get(program);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, out.texture, 0);
    gl.viewport(0, 0, width, height);
    const tgl = gl as unknown as TwglContext;
    tgl.useProgram(info.program);
    twgl.setBuffersAndAttributes(tgl, info, this.quad);
    const uniforms: Record<string, unknown> = { outWidth: width };
    program.inputs.forEach((name, i) => { uniforms[name] = inputs[i]!.texture; });
    twgl.setUniforms(info, uniforms);
    twgl.drawBufferInfo(tgl, this.quad);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.check(program.name);
    return out;
  }

  /** In debug mode, turn a pending GL error into an exception naming what caused it. */
  private check(where: string): void {
    if (!this.debug) return;
    const e = this.gl.getError();
    if (e !== this.gl.NO_ERROR) throw new Error(`WebGL error 0x${e.toString(16)} after ${where}`);
  }

  dispose(): void {
    this.pool.dispose();
    this.gl.deleteFramebuffer(this.framebuffer);
  }
}
