/**
 * The part of `WebGL2RenderingContext` the WebGL backend uses, declared structurally:
 * src/ is compiled without the DOM library (tsconfig.src.json), and a real context from
 * `canvas.getContext('webgl2')` satisfies this interface as it is. Handles are opaque.
 */
export type GLTexture = object;
export type GLFramebuffer = object;
export type GLProgram = object;
export type GLUniformLocation = object;
export type GLVertexArray = object;
export type GLBuffer = object;

export interface GL2 {
  readonly TEXTURE_2D: number;
  readonly TEXTURE0: number;
  readonly TEXTURE_MIN_FILTER: number;
  readonly TEXTURE_MAG_FILTER: number;
  readonly TEXTURE_WRAP_S: number;
  readonly TEXTURE_WRAP_T: number;
  readonly NEAREST: number;
  readonly CLAMP_TO_EDGE: number;
  readonly R32F: number;
  readonly RGBA32F: number;
  readonly RED: number;
  readonly RGBA: number;
  readonly FLOAT: number;
  readonly FRAMEBUFFER: number;
  readonly COLOR_ATTACHMENT0: number;
  readonly FRAMEBUFFER_COMPLETE: number;
  readonly MAX_TEXTURE_SIZE: number;
  readonly NO_ERROR: number;
  readonly UNPACK_ALIGNMENT: number;
  readonly PACK_ALIGNMENT: number;
  readonly RENDERER: number;
  readonly VENDOR: number;
  readonly ARRAY_BUFFER: number;
  readonly STATIC_DRAW: number;
  readonly TRIANGLES: number;

  getExtension(name: string): unknown;
  getParameter(pname: number): unknown;
  getError(): number;
  isContextLost(): boolean;
  createTexture(): GLTexture | null;
  deleteTexture(texture: GLTexture | null): void;
  bindTexture(target: number, texture: GLTexture | null): void;
  texParameteri(target: number, pname: number, param: number): void;
  texStorage2D(target: number, levels: number, internalformat: number, width: number, height: number): void;
  texSubImage2D(target: number, level: number, x: number, y: number, width: number, height: number, format: number, type: number, pixels: Float32Array): void;
  pixelStorei(pname: number, param: number): void;
  createFramebuffer(): GLFramebuffer | null;
  deleteFramebuffer(fb: GLFramebuffer | null): void;
  bindFramebuffer(target: number, fb: GLFramebuffer | null): void;
  framebufferTexture2D(target: number, attachment: number, textarget: number, texture: GLTexture | null, level: number): void;
  checkFramebufferStatus(target: number): number;
  drawBuffers(buffers: number[]): void;
  viewport(x: number, y: number, width: number, height: number): void;
  readPixels(x: number, y: number, width: number, height: number, format: number, type: number, dst: Float32Array): void;
  activeTexture(unit: number): void;
  useProgram(program: GLProgram | null): void;
  getUniformLocation(program: GLProgram, name: string): GLUniformLocation | null;
  uniform1i(location: GLUniformLocation | null, x: number): void;
  createBuffer(): GLBuffer | null;
  bindBuffer(target: number, buffer: GLBuffer | null): void;
  bufferData(target: number, data: Float32Array, usage: number): void;
  createVertexArray(): GLVertexArray | null;
  bindVertexArray(vao: GLVertexArray | null): void;
  enableVertexAttribArray(index: number): void;
  vertexAttribPointer(index: number, size: number, type: number, normalized: boolean, stride: number, offset: number): void;
  drawArrays(mode: number, first: number, count: number): void;
}
