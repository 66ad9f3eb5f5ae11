/**
 * The WebGL2 backend: float32 tensors live in RGBA32F textures; ops with a GPU kernel
 * (kernels.ts) draw a program, every other op runs its CPU kernel on downloaded inputs.
 *
 * A value is a `WebGLTensor` holding a host copy, a texture, or both: uploads and
 * downloads happen only when a kernel on the other side needs the value, and each happens
 * once per value. So int32 shape arithmetic never leaves the host, and a chain of GPU ops
 * never reads back until something on the CPU (or a fetch) asks. Because the session plans
 * each run once, the backend also sees the whole run (`fuse`): chains of element-wise ops
 * become one shader (fusion.ts, fused-kernel.ts), a MatMul read by such a chain runs in
 * its draw (matmul-epilogue.ts), a weight gradient MatMul in its ApplyGradientDescent's
 * draw (matmul-update.ts), a bias gradient Sum in its update's draw (reduce-update.ts),
 * and softmax cross-entropy in the draws of the Mul and the Mean that consume it
 * (softmax-xent-fold.ts). Variables stay on the GPU between runs
 * (resident-variables.ts), optimizer updates swap their textures (variable-kernels.ts),
 * Reshape, ExpandDims, Squeeze, Identity and StopGradient of a texture are free aliases
 * (view-kernels.ts), small repeated host values are uploaded once (upload-cache.ts), and a
 * lost context is rebuilt (context-loss.ts). Textures are immutable once drawn, so sharing
 * one between values only needs a reference count. The CPU
 * fallbacks are counted in `stats`, with the time spent moving data, so they are visible.
 *
 *     const gl = canvas.getContext('webgl2')!;
 *     const backend = new WebGLBackend(gl);
 *     backend.onContextEvent((e) => status.show(e.message));
 *     const sess = new tf.Session(graph, { backend });
 */
import type { DType } from '../../engine/dtype.ts';
import type { Operation } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import { numElements } from '../../engine/shape.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import type { Backend, FusedKernel, Kernel, PlannedRun } from '../backend.ts';
import { ContextLossWatch, GpuContextLostError, type GpuContextEvent } from './context-loss.ts';
import { fusedCpuKernel, fusedGpuKernel } from './fused-kernel.ts';
import { findElementwiseGroups } from './fusion.ts';
import { findMatMulUpdate, matMulUpdateInputs, matMulUpdateKernel } from './matmul-update.ts';
import { findReduceUpdate, reduceUpdateKernel } from './reduce-update.ts';
import { findXentFold } from './softmax-xent-fold.ts';
import { xentFoldSteps } from './softmax-xent-kernels.ts';
import { updateGradientInputs } from './update-gradient.ts';
import { epilogueCpuKernel, epilogueInputs, epilogueKernel, epilogueShapeOutputs, findMatMulEpilogue } from './matmul-epilogue.ts';
import type { GL2 } from './gl-types.ts';
import { GpuContext, type GpuContextOptions } from './gpu-context.ts';
import { hostParamApplies, hostParamKernel } from './host-param-kernel.ts';
import { cpuFallbackOps, webglHostParamKernels, webglKernels } from './kernels.ts';
import { type Factory, programsByShape } from './op-programs.ts';
import { isFusable } from './programs/fused.ts';
import { ResidentVariables, type SnapshotPolicy } from './resident-variables.ts';
import type { GpuProgram } from './program.ts';
import type { GpuTexture } from './texture-pool.ts';
import { UploadCache } from './upload-cache.ts';
import { assignKernel, updateKernel, variableKernel } from './variable-kernels.ts';
import { aliasKernel, shapeKernel } from './view-kernels.ts';
import { WebGLTensor } from './webgl-tensor.ts';

export { WebGLTensor };

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
  /** The fallbacks that cost a readback: CPU-kernel runs of ops with an input on the GPU, per op type (the hot-path cost). */
  fallbackReadbacks: Map<string, number>;
  /** Ops that ran inside fused element-wise draws (each such draw also counts once in `gpuOps`). */
  fusedOps: number;
  /** Reshape/ExpandDims/Squeeze/Identity/StopGradient/Assign of a texture: no draw, no transfer. */
  aliases: number;
  /** Small host values found already uploaded (content cache), so not uploaded again. */
  uploadCacheHits: number;
  /** Variables read back for context-loss snapshots (not in `downloads`). */
  snapshotDownloads: number;
}

export interface WebGLBackendOptions extends GpuContextOptions {
  /** Clock for the transfer timings in `stats` (e.g. `() => performance.now()`); defaults to Date.now. */
  readonly now?: () => number;
  /** Largest input (elements) for the small-tensor CPU rule; default `SMALL_ON_CPU`, 0 turns it off (kernel tests). */
  readonly smallOnCpu?: number;
  /** Fuse chains of element-wise ops into one program per chain (default true). */
  readonly fuse?: boolean;
  /** When resident variables are read back for context-loss recovery. */
  readonly snapshot?: SnapshotPolicy;
  /** Program factories added to (or replacing) kernels.ts's, by op type: a host's own kernels, or a kernel under test. */
  readonly kernels?: Readonly<Record<string, Factory>>;
}

const fallbackSet = new Set(cpuFallbackOps);
/** Ops whose output is their input under another shape (or the same): on a texture, a new view of it. */
const ALIAS_OPS = new Set(['Reshape', 'ExpandDims', 'Squeeze', 'Identity', 'StopGradient']);
/** Ops that read only their inputs' shapes: their CPU kernels run on the host with no readback. */
const SHAPE_OPS = new Set(['Shape', 'ShapeN', 'Size', 'Rank']);

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
  /** Replaced when a lost context is restored (new textures, programs, framebuffer). */
  context: GpuContext;
  stats: WebGLStats = emptyStats();
  private readonly now: () => number;
  /** The small-tensor limit (`options.smallOnCpu`). */
  readonly small: number;
  private readonly fusion: boolean;
  /** Extra holders of shared textures (aliases, variables, the upload cache); absent means one. */
  private shared = new Map<GpuTexture, number>();
  private readonly uploads: UploadCache;
  /** The variables this backend holds on the GPU (for variable-kernels.ts). */
  readonly variables: ResidentVariables;
  private readonly loss: ContextLossWatch;
  private readonly factories: Readonly<Record<string, Factory>>;
  /** Op types whose kernels `options.kernels` replaced (never folded into other draws). */
  private readonly replaced: ReadonlySet<string>;

  /** Throws `WebGLUnsupportedError` where float textures cannot be rendered to (use the CPU backend then). */
  constructor(readonly gl: GL2, private readonly options: WebGLBackendOptions = {}) {
    this.context = new GpuContext(gl, options);
    this.now = options.now ?? Date.now;
    this.small = options.smallOnCpu ?? SMALL_ON_CPU;
    this.fusion = options.fuse ?? true;
    this.factories = { ...(webglKernels as Record<string, Factory>), ...options.kernels };
    this.replaced = new Set(Object.keys(options.kernels ?? {}));
    this.uploads = new UploadCache(this.small, (t) => this.releaseTexture(t, this.context));
    this.variables = new ResidentVariables(this, this.now, options.snapshot);
    this.loss = new ContextLossWatch(gl, () => this.restore());
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /** Be told when the GPU context is lost and when variables were restored (e.g. to show the user). Returns an unsubscribe. */
  onContextEvent(listener: (e: GpuContextEvent) => void): () => void {
    return this.loss.listen(listener);
  }

  /** Variables held on the GPU now (for tests and the status bar). */
  get residentVariables(): number {
    return this.variables.size;
  }

  /** Small values held by the upload cache (each holds a texture). */
  get cachedUploads(): number {
    return this.uploads.size;
  }

  /** Read every GPU-resident variable back into the host snapshot now (context-loss recovery point). */
  snapshotVariables(): void {
    this.variables.snapshot();
    this.stats.snapshotDownloads = this.variables.snapshotDownloads;
  }

  beginRun(): void {
    this.loss.check();
    this.variables.beginRun();
    this.stats.snapshotDownloads = this.variables.snapshotDownloads;
  }

  allocate(dtype: DType, shape: readonly number[]): WebGLTensor {
    return new WebGLTensor(dtype, shape, allocate(dtype, shape), null);
  }

  /** Lazy: the texture is made when a GPU kernel first reads the value. */
  upload(value: TensorValue): WebGLTensor {
    return new WebGLTensor(value.dtype, value.shape, value, null);
  }

  download(t: WebGLTensor): TensorValue {
    if (t.host === null) t.host = { dtype: t.dtype, shape: t.shape, data: this.readTexture(t.texture!, t.shape) };
    return t.host;
  }

  dispose(t: WebGLTensor): void {
    if (t.texture !== null) this.releaseTexture(t.texture, this.context);
    t.texture = null;
  }

  /** Read a texture back (counted); throws `GpuContextLostError` where the context died, rather than return zeros. */
  readTexture(texture: GpuTexture, shape: readonly number[], counted = true): Float32Array {
    const start = this.now();
    const data = this.context.download(texture, numElements(shape));
    if (this.gl.isContextLost()) {
      this.loss.markLost();
      throw new GpuContextLostError();
    }
    if (counted) {
      this.stats.downloads++;
      this.stats.downloadMs += this.now() - start;
    }
    return data;
  }

  /** Drop one holder of a texture of `context`; the last returns it to the pool. Textures of a lost context are just forgotten. */
  releaseTexture(texture: GpuTexture, context: GpuContext): void {
    if (context !== this.context) return;
    const n = this.shared.get(texture);
    if (n === undefined) this.context.pool.release(texture);
    else if (n === 1) this.shared.delete(texture);
    else this.shared.set(texture, n - 1);
  }

  /** One more holder of `texture` (every holder calls `releaseTexture` once). */
  retain(texture: GpuTexture): GpuTexture {
    this.shared.set(texture, (this.shared.get(texture) ?? 0) + 1);
    return texture;
  }

  /** The texture of a float32 value, uploading its host copy on first use (small values once per content). */
  gpu(t: WebGLTensor): GpuTexture {
    if (t.texture === null) {
      const data = t.host!.data as Float32Array;
      const cached = this.uploads.get(data);
      if (cached !== null) {
        this.stats.uploadCacheHits++;
        t.texture = this.retain(cached);
      } else {
        t.texture = this.uploadTexture(data, t.shape);
        if (this.uploads.put(data, t.texture)) this.retain(t.texture);
      }
    }
    return t.texture;
  }

  /** Upload `data` into a new texture (counted in `stats`). */
  uploadTexture(data: Float32Array, shape: readonly number[]): GpuTexture {
    const start = this.now();
    const texture = this.context.upload(data, shape);
    this.stats.uploads++;
    this.stats.uploadMs += this.now() - start;
    return texture;
  }

  fuse(run: PlannedRun): FusedKernel<WebGLTensor>[] {
    if (!this.fusion) return [];
    const shapeReader = (op: Operation) => SHAPE_OPS.has(op.type);
    const groups = findElementwiseGroups(run, {
      fusable: (op) => isFusable(op.type) && op.outputs.length === 1 && allFloat32(op),
      rootable: (op) => !ALIAS_OPS.has(op.type),
      shapeReader,
    });
    const taken = new Set<Operation>();
    const fused: FusedKernel<WebGLTensor>[] = groups.map((g) => {
      const onHost = fusedCpuKernel(g, run, this);
      const kernel = this.smallOnHost(fusedGpuKernel(g, this, onHost), onHost);
      const e = findMatMulEpilogue(run, g, taken, shapeReader);
      if (e === null) return { ops: g.ops, inputs: g.inputs, kernel, shapeOutputs: g.shapeOutputs.map((s) => s.tensor) };
      taken.add(e.matmul);
      const mmOnHost = epilogueCpuKernel(e, run, this, onHost);
      const fused = this.smallOnHost(epilogueKernel(e, g, this, kernel), mmOnHost);
      return { ops: [e.matmul, ...g.ops], inputs: epilogueInputs(e, g), kernel: fused, shapeOutputs: epilogueShapeOutputs(e, g) };
    });
    for (const f of fused) for (const op of f.ops) taken.add(op);
    fused.push(...this.folds(run, taken, shapeReader));
    return fused;
  }

  /**
   * Ops computed inside the draw of the op that consumes them: softmax cross-entropy in its
   * Mul and Mean, a weight gradient MatMul or a bias gradient Sum in its update. These
   * programs embed kernels.ts's rules, so an op whose kernel the host replaced
   * (`options.kernels`) is never folded: its own kernel runs.
   */
  private folds(run: PlannedRun, taken: Set<Operation>, shapeReader: (op: Operation) => boolean): FusedKernel<WebGLTensor>[] {
    const own = (...types: string[]) => types.every((t) => !this.replaced.has(t));
    const kernelOf = (op: Operation) => this.kernel(op, lookupOpDef(op.type));
    const fused: FusedKernel<WebGLTensor>[] = [];
    for (const op of run.ops) {
      const x = own('SoftmaxCrossEntropyWithLogits', 'Mul', 'Mean') ? findXentFold(run, op, taken, shapeReader) : null;
      if (x === null) continue;
      const steps = xentFoldSteps(x, this, run, kernelOf);
      for (const s of steps) for (const o of s.ops) taken.add(o);
      fused.push(...steps);
    }
    for (const op of run.ops) {
      if (!own(op.type)) continue;
      const u = own('MatMul') ? findMatMulUpdate(run, op, taken) : null;
      if (u !== null) {
        taken.add(u.matmul);
        fused.push({ ops: [u.matmul, ...u.chain, op], inputs: matMulUpdateInputs(u), kernel: matMulUpdateKernel(u, this, kernelOf(u.matmul), kernelOf(op), run) });
        continue;
      }
      const r = own('Sum') ? findReduceUpdate(run, op, taken) : null;
      if (r === null) continue;
      for (const m of [r.producer, ...r.views]) taken.add(m);
      const unfused = { sum: kernelOf(r.producer), views: r.views.map(kernelOf), update: kernelOf(op) };
      fused.push({ ops: [r.producer, ...r.views, op], inputs: updateGradientInputs(r), kernel: reduceUpdateKernel(r, this, unfused, run) });
    }
    return fused;
  }

  /** Count a fused draw (called by fused-kernel.ts). */
  countFused(ops: number): void {
    this.stats.gpuOps++;
    this.stats.fusedOps += ops;
  }

  kernel(op: Operation, def: OpDef): Kernel<WebGLTensor> {
    if (ALIAS_OPS.has(op.type)) {
      // With the small-tensor rule off (kernel tests: every op with a program draws), Identity/StopGradient of a host value draw.
      const factory = this.factories[op.type];
      return aliasKernel(this, def, this.small === 0 && factory !== undefined && allFloat32(op) ? this.gpuKernel(op, factory) : null);
    }
    if (SHAPE_OPS.has(op.type)) return shapeKernel(def);
    if (op.type === 'VariableV2') return variableKernel(this, op, def);
    if (op.type === 'Assign') return assignKernel(this, this.fallbackKernel(def, false));
    const factory = this.factories[op.type];
    if (factory !== undefined && allFloat32(op)) {
      const cpu = this.fallbackKernel(def, false);
      if ((def.refInputs ?? []).length > 0) return updateKernel(this, op, def, programsByShape(op, factory), cpu);
      return this.smallOnHost(this.gpuKernel(op, factory), cpu);
    }
    const hostParam = webglHostParamKernels[op.type];
    if (hostParam !== undefined && hostParamApplies(op, hostParam)) {
      const cpu = this.fallbackKernel(def, false);
      return this.smallOnHost(hostParamKernel(this, op, hostParam, cpu), cpu);
    }
    if (factory === undefined && hostParam === undefined && !fallbackSet.has(op.type)) {
      throw new Error(`The WebGL backend has no kernel for '${op.type}' and it is not listed as a CPU fallback (src/backend/webgl/kernels.ts)`);
    }
    return this.fallbackKernel(def);
  }

  private gpuKernel(op: Operation, factory: Factory): Kernel<WebGLTensor> {
    const programs = programsByShape(op, factory);
    return (inputs) => {
      const ins = inputs as readonly WebGLTensor[];
      const textures = ins.map((t) => this.gpu(t));
      return programs(ins.map((t) => t.shape)).map((p, k) => {
        this.stats.gpuOps++;
        return new WebGLTensor(op.outputs[k]!.dtype, p.outputShape, null, this.context.run(p, textures));
      });
    };
  }

  /** Draw `program` on `textures` into a new texture (counted as a GPU op). */
  drawProgram(program: GpuProgram, textures: readonly GpuTexture[]): GpuTexture {
    this.stats.gpuOps++;
    return this.context.run(program, textures);
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

  /**
   * The op's CPU kernel on downloaded inputs. An op that writes variables in place (refs)
   * read them through `slot.value` (a cached download); afterwards the host copy is the
   * current value, so the GPU copy is dropped.
   */
  private fallbackKernel(def: OpDef, counted = true): Kernel<WebGLTensor> {
    const refs = def.refInputs ?? [];
    return (inputs, ctx) => {
      const readsGpu = inputs.some((t) => t !== null && t.host === null) || refs.some((i) => this.variables.textureOf(ctx.ref(i)) !== null);
      if (counted && readsGpu) {
        const r = this.stats.fallbackReadbacks;
        r.set(def.type, (r.get(def.type) ?? 0) + 1);
      }
      const values = inputs.map((t) => (t === null ? null : this.download(t)));
      const outs = def.cpu(values as TensorValue[], ctx);
      for (const i of refs) ctx.ref(i).setResident(null);
      const f = this.stats.fallbacks;
      if (counted) f.set(def.type, (f.get(def.type) ?? 0) + 1);
      return outs.map((v) => new WebGLTensor(v.dtype, v.shape, v, null));
    };
  }

  /** After a lost context comes back: new GL state; variables back from their host snapshots. */
  private restore(): { variables: number; fromRun: number } {
    this.context = new GpuContext(this.gl, this.options);
    this.shared = new Map();
    this.uploads.clear();
    return this.variables.restoreToHost();
  }

  /** Give back the GL objects of this backend (variables still held by sessions are released by `Session.close`). */
  close(): void {
    this.uploads.drain();
    this.loss.stop();
    this.context.dispose();
  }
}

function allFloat32(op: Operation): boolean {
  return op.inputs.every((t) => t.dtype === 'float32') && op.outputs.every((t) => t.dtype === 'float32');
}

function emptyStats(): WebGLStats {
  return {
    uploads: 0, downloads: 0, uploadMs: 0, downloadMs: 0, gpuOps: 0, smallOnCpu: 0, fallbacks: new Map(), fallbackReadbacks: new Map(),
    fusedOps: 0, aliases: 0, uploadCacheHits: 0, snapshotDownloads: 0,
  };
}
