/**
 * The WebGL2 backend: float32 tensors live in R32F textures; ops with a GPU kernel
 * (kernels.ts) draw a program, every other op runs its CPU kernel on downloaded inputs.
 *
 * A value is a `WebGLTensor` holding a host copy, a texture, or both: uploads and
 * downloads happen only when a kernel on the other side needs the value, and each happens
 * once per value. So int32 shape arithmetic never leaves the host, and a chain of GPU ops
 * never reads back until something on the CPU (or a fetch) asks. The CPU fallbacks are
 * counted in `stats`, with the time spent moving data, so they are visible, not hidden.
 *
 *     const gl = canvas.getContext('webgl2')!;
 *     const sess = new tf.Session(graph, { backend: new WebGLBackend(gl) });
 */
import type { DType } from '../../engine/dtype.ts';
import type { Operation } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { numElements } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import type { Backend, Kernel } from '../backend.ts';
import type { GL2 } from './gl-types.ts';
import { GpuContext, type GpuContextOptions } from './gpu-context.ts';
import { cpuFallbackOps, type ProgramFactory, webglKernels } from './kernels.ts';
import type { GpuProgram } from './program.ts';
import type { GpuTexture } from './texture-pool.ts';

/** A tensor on the WebGL backend: its host copy, its texture, or both (each filled on demand). */
export class WebGLTensor {
  constructor(
    readonly dtype: DType,
    readonly shape: readonly number[],
    public host: TensorValue | null,
    public texture: GpuTexture | null,
  ) {}
}

/** What crossed between host and GPU, and which ops ran where (reset with `resetStats`). */
export interface WebGLStats {
  uploads: number;
  downloads: number;
  uploadMs: number;
  downloadMs: number;
  gpuOps: number;
  /** GPU-kernel ops run on the CPU because all their inputs were small and on the host (`SMALL_ON_CPU`). */
  smallOnCpu: number;
  /** CPU-fallback runs per op type. */
  fallbacks: Map<string, number>;
}

export interface WebGLBackendOptions extends GpuContextOptions {
  /** Clock for the transfer timings in `stats` (e.g. `() => performance.now()`); defaults to Date.now. */
  readonly now?: () => number;
  /** Largest input (elements) for the small-tensor CPU rule; default `SMALL_ON_CPU`, 0 turns it off (kernel tests). */
  readonly smallOnCpu?: number;
}

const fallbackSet = new Set(cpuFallbackOps);

/**
 * An op with a GPU kernel runs its CPU kernel instead when every input is already on the
 * host and has at most this many elements: uploading a scalar costs more than the
 * arithmetic (the seed lesson's whole step is scalars), and its output then stays on the
 * host for the next small op. Any input on the GPU, or any larger input, and it draws.
 * Measured with `npm run bench:webgl` (bench/RESULTS.md, sgd_lesson_step).
 */
export const SMALL_ON_CPU = 64;

export class WebGLBackend implements Backend<WebGLTensor> {
  readonly name = 'webgl';
  readonly disposes = true;
  readonly context: GpuContext;
  stats: WebGLStats = emptyStats();
  private readonly now: () => number;
  private readonly small: number;

  /** Throws `WebGLUnsupportedError` where float textures cannot be rendered to (use the CPU backend then). */
  constructor(gl: GL2, options: WebGLBackendOptions = {}) {
    this.context = new GpuContext(gl, options);
    this.now = options.now ?? Date.now;
    this.small = options.smallOnCpu ?? SMALL_ON_CPU;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  allocate(dtype: DType, shape: readonly number[]): WebGLTensor {
    return new WebGLTensor(dtype, shape, allocate(dtype, shape), null);
  }

  /** Lazy: the texture is made when a GPU kernel first reads the value. */
  upload(value: TensorValue): WebGLTensor {
    return new WebGLTensor(value.dtype, value.shape, value, null);
  }

  download(t: WebGLTensor): TensorValue {
    if (t.host === null) {
      const start = this.now();
      const data = this.context.download(t.texture!, numElements(t.shape));
      t.host = { dtype: t.dtype, shape: t.shape, data };
      this.stats.downloads++;
      this.stats.downloadMs += this.now() - start;
    }
    return t.host;
  }

  dispose(t: WebGLTensor): void {
    if (t.texture !== null) this.context.pool.release(t.texture);
    t.texture = null;
  }

  /** The texture of a float32 value, uploading its host copy on first use. */
  gpu(t: WebGLTensor): GpuTexture {
    if (t.texture === null) {
      const start = this.now();
      t.texture = this.context.upload(t.host!.data as Float32Array);
      this.stats.uploads++;
      this.stats.uploadMs += this.now() - start;
    }
    return t.texture;
  }

  kernel(op: Operation, def: OpDef): Kernel<WebGLTensor> {
    const factory = (webglKernels as Record<string, ProgramFactory>)[op.type];
    if (factory !== undefined && allFloat32(op)) return this.smallOnHost(this.gpuKernel(op, factory), this.fallbackKernel(def, false));
    if (factory === undefined && !fallbackSet.has(op.type)) {
      throw new Error(`The WebGL backend has no kernel for '${op.type}' and it is not listed as a CPU fallback (src/backend/webgl/kernels.ts)`);
    }
    return this.fallbackKernel(def);
  }

  private gpuKernel(op: Operation, factory: ProgramFactory): Kernel<WebGLTensor> {
    // Programs bake shapes in; a plan sees the same shapes run after run, so keep them by shape.
    const programs = new Map<string, GpuProgram>();
    const dtype = op.outputs[0]!.dtype;
    return (inputs) => {
      const ins = inputs as readonly WebGLTensor[];
      const shapes = ins.map((t) => t.shape);
      const key = shapes.map((s) => s.join(',')).join(';');
      let program = programs.get(key);
      if (program === undefined) programs.set(key, (program = factory(op, shapes)));
      const out = this.context.run(program, ins.map((t) => this.gpu(t)));
      this.stats.gpuOps++;
      return [new WebGLTensor(dtype, program.outputShape, null, out)];
    };
  }

  /** `gpu`, unless every input is small and on the host (`options.smallOnCpu`): then `cpu`. */
  private smallOnHost(gpu: Kernel<WebGLTensor>, cpu: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
    return (inputs, ctx) => {
      for (const t of inputs) {
        if (t === null || t.texture !== null || t.host === null || t.host.data.length > this.small) return gpu(inputs, ctx);
      }
      this.stats.smallOnCpu++;
      return cpu(inputs, ctx);
    };
  }

  private fallbackKernel(def: OpDef, counted = true): Kernel<WebGLTensor> {
    return (inputs, ctx) => {
      const values = inputs.map((t) => (t === null ? null : this.download(t)));
      const outs = def.cpu(values as TensorValue[], ctx);
      const f = this.stats.fallbacks;
      if (counted) f.set(def.type, (f.get(def.type) ?? 0) + 1);
      return outs.map((v) => new WebGLTensor(v.dtype, v.shape, v, null));
    };
  }
}

function allFloat32(op: Operation): boolean {
  return op.inputs.every((t) => t.dtype === 'float32') && op.outputs.every((t) => t.dtype === 'float32');
}

function emptyStats(): WebGLStats {
  return { uploads: 0, downloads: 0, uploadMs: 0, downloadMs: 0, gpuOps: 0, smallOnCpu: 0, fallbacks: new Map() };
}
