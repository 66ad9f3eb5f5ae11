/**
 * The layer that owns the WebGL2 context: it checks float render targets, uploads and
 * reads back tensors, and draws programs into pooled textures. Programs come in as pure
 * descriptions (program.ts); this is the only place that draws.
 */
import type { GL2, GLFramebuffer, GLVertexArray } from './gl-types.ts';
import { textureShapeFor } from './layout.ts';
import { ProgramCache } from './program-cache.ts';
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
  /**
   * One more framebuffer per count of render targets past one (2 … 4), its draw buffers
   * set once: multi-target draws (matmul tiles) no longer detach their extra targets and
   * reset draw buffers on the single-target framebuffer after every draw. (Measured on
   * SwiftShader: a 4-target draw costs about what a 1-target draw does, 0.04–0.09 ms.)
   */
  private readonly multiTarget = new Map<number, GLFramebuffer>();
  private readonly quad: GLVertexArray;

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
    // Two triangles covering the viewport: one fragment per output texel. Attribute 0 is
    // `position` in every program (program-cache.ts), so one vertex array serves all draws.
    this.quad = quadVertexArray(gl);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.pixelStorei(gl.PACK_ALIGNMENT, 4);
    this.probeFloatTarget();
    this.check('setup');
  }

  /** The extension can be present while RGBA32F targets still are not renderable: try one once. */
  private probeFloatTarget(): void {
    const gl = this.gl;
    const t = this.pool.acquire(1, 1, 'rgba32f');
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
    const complete = gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.pool.release(t);
    if (!complete) throw new WebGLUnsupportedError('This WebGL2 cannot render to RGBA32F textures; use the CPU backend.');
  }

  /**
   * A texture holding `data` (layout.ts: flat row-major, four elements per RGBA texel).
   * `shape` is accepted for callers that have one; the layout depends on the count only.
   */
  upload(data: Float32Array, _shape?: readonly number[]): GpuTexture {
    const gl = this.gl;
    const t = this.pool.acquireFor(data.length, this.maxTextureSize);
    const { width } = textureShapeFor(data.length);
    const fullRows = Math.floor(data.length / (width * 4));
    gl.bindTexture(gl.TEXTURE_2D, t.texture);
    // Whole rows straight from the caller's array; only a partial last row is copied (padded with zeros).
    if (fullRows > 0) gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, fullRows, gl.RGBA, gl.FLOAT, data.subarray(0, fullRows * width * 4));
    const rest = data.length - fullRows * width * 4;
    if (rest > 0) {
      const row = new Float32Array(Math.ceil(rest / 4) * 4);
      row.set(data.subarray(fullRows * width * 4));
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, fullRows, row.length / 4, 1, gl.RGBA, gl.FLOAT, row);
    }
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.check('upload');
    return t;
  }

  /** The first `size` floats of a texture: the rows holding them, read as RGBA/FLOAT (the readback every float framebuffer supports). */
  download(t: GpuTexture, size: number): Float32Array {
    const gl = this.gl;
    const rows = Math.ceil(Math.max(Math.ceil(size / 4), 1) / t.width);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
    const rgba = new Float32Array(t.width * rows * 4);
    gl.readPixels(0, 0, t.width, rows, gl.RGBA, gl.FLOAT, rgba);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.check('download');
    return rgba.length === size ? rgba : rgba.slice(0, size);
  }

  /** Draw `program` with `inputs` bound to its samplers, into a new pooled texture (after its `stage`, if any). */
  run(program: GpuProgram, inputs: readonly GpuTexture[]): GpuTexture {
    if (program.stage === undefined) return this.draw(program, inputs)[0]!;
    const staged = this.draw(program.stage.program, inputs);
    try {
      return this.draw(program, [...inputs, ...staged])[0]!;
    } finally {
      for (const t of staged) this.pool.release(t);
    }
  }

  /** One draw into `program.targets ?? 1` new textures (multiple render targets past one). */
  private draw(program: GpuProgram, inputs: readonly GpuTexture[]): GpuTexture[] {
    const gl = this.gl;
    const size = program.outputShape.reduce((a, b) => a * b, 1);
    const targets = program.targets ?? 1;
    const outs = Array.from({ length: targets }, () => this.pool.acquireFor(size, this.maxTextureSize));
    const linked = this.programs.get(program);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebufferFor(targets));
    for (let j = 0; j < targets; j++) gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0 + j, gl.TEXTURE_2D, outs[j]!.texture, 0);
    gl.viewport(0, 0, outs[0]!.width, outs[0]!.height);
    gl.useProgram(linked);
    gl.bindVertexArray(this.quad);
    // Sampler i reads unit i (set when the program was linked: program-cache.ts).
    for (let i = 0; i < program.inputs.length; i++) {
      gl.activeTexture(gl.TEXTURE0 + i);
      gl.bindTexture(gl.TEXTURE_2D, inputs[i]!.texture);
    }
    gl.drawArrays(gl.TRIANGLES, 0, 6);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.check(program.name);
    return outs;
  }

  /** The framebuffer draws into `targets` textures use (draw buffers set once, when it is made). */
  private framebufferFor(targets: number): GLFramebuffer {
    if (targets === 1) return this.framebuffer;
    let fb = this.multiTarget.get(targets);
    if (fb === undefined) {
      const gl = this.gl;
      const made = gl.createFramebuffer();
      if (made === null) throw new Error('WebGL could not create a framebuffer (context lost?)');
      gl.bindFramebuffer(gl.FRAMEBUFFER, made);
      gl.drawBuffers(Array.from({ length: targets }, (_, j) => gl.COLOR_ATTACHMENT0 + j));
      this.multiTarget.set(targets, (fb = made));
    }
    return fb;
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
    for (const fb of this.multiTarget.values()) this.gl.deleteFramebuffer(fb);
  }
}

/** The full-viewport quad (two triangles) as attribute 0 of a vertex array. */
function quadVertexArray(gl: GL2): GLVertexArray {
  const vao = gl.createVertexArray();
  const buffer = gl.createBuffer();
  if (vao === null || buffer === null) throw new WebGLUnsupportedError('WebGL could not create a vertex array');
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  return vao;
}
