/**
 * The interface every backend implements (STYLE.md convention 4): allocate, upload,
 * download and dispose values it owns, and bind each op to a kernel that runs on them.
 *
 * A `Session` plans a run once and asks its backend for one kernel per op at plan time
 * (`kernel(op, def)`), so choosing a GPU kernel or a CPU fallback costs nothing per run.
 * Values flow between kernels as the backend's own handles (`T`): `TensorValue`s on the
 * CPU backend, lazily uploaded/downloaded tensors on the WebGL backend.
 *
 *     const sess = new tf.Session(graph, { backend: new WebGLBackend(gl) });
 */
import type { DType } from '../engine/dtype.ts';
import type { Operation, Tensor } from '../engine/graph.ts';
import type { KernelContext, OpDef } from '../engine/op-def.ts';
import type { TensorValue } from '../engine/tensor-value.ts';

/**
 * A bound kernel. `inputs[i]` is null for inputs taken by reference (`refInputs`: the
 * kernel reaches the variable through `ctx.ref(i)`), exactly as for `OpDef.cpu`.
 */
export type Kernel<T> = (inputs: readonly (T | null)[], ctx: KernelContext) => T[];

export interface Backend<T = unknown> {
  /** `cpu` or `webgl`: shown to users, and in error messages. */
  readonly name: string;
  /**
   * Whether `dispose` does anything. False on the CPU backend (the JS heap owns its
   * values), so a session skips the per-step release bookkeeping there.
   */
  readonly disposes: boolean;
  /** A zero-filled value of this dtype and shape, owned by the backend. */
  allocate(dtype: DType, shape: readonly number[]): T;
  /** Hand a host value to the backend (may be lazy: the WebGL backend uploads on first GPU use). */
  upload(value: TensorValue): T;
  /** The value as a host `TensorValue` (reads the GPU back where needed). */
  download(value: T): TensorValue;
  /** Release what `value` holds (textures go back to the pool). The handle must not be used after. */
  dispose(value: T): void;
  /** The kernel that runs `op` on this backend; called once per op when a run is planned. */
  kernel(op: Operation, def: OpDef): Kernel<T>;
  /**
   * Optional plan hook: see a whole planned run once and replace groups of its ops by one
   * kernel each (the WebGL backend fuses chains of element-wise ops into one shader). Ops
   * not in a group get `kernel` as usual. Backends without it (the CPU) pay nothing.
   */
  fuse?(run: PlannedRun): readonly FusedKernel<T>[];
  /** Optional: called at the start of every `Session.run` (WebGL: context-loss checks, variable snapshots). */
  beginRun?(): void;
}

/** What a plan hook sees of a run: its ops in execution order, and how each value is used. */
export interface PlannedRun {
  /** The pruned ops, in the order their kernels run. */
  readonly ops: readonly Operation[];
  /** Whether the run feeds `t` (its producer's value is then not what consumers read). */
  isFed(t: Tensor): boolean;
  /** Whether the run returns `t` (it must then be materialized). */
  isFetched(t: Tensor): boolean;
  /** The ops of this run that read `t` as a data input (not by reference), once per reading input. */
  consumers(t: Tensor): readonly Operation[];
  /** The kernel context the session gives `op` (for running member ops' CPU kernels). */
  context(op: Operation): KernelContext;
}

/**
 * Ops replaced by one kernel: `ops` in plan order; the kernel reads `inputs` and returns
 * the outputs of the last op (the root, whose step the group takes). Every other member's outputs must be read
 * only by members (not fetched, not fed), so no step after the group needs them — or only
 * their shapes (`shapeOutputs`).
 */
export interface FusedKernel<T> {
  readonly ops: readonly Operation[];
  readonly inputs: readonly Tensor[];
  readonly kernel: Kernel<T>;
  /**
   * Outputs of members other than the root that ops after the root read for their shape
   * only (`Shape`, `Size`…: TF's broadcasting gradients read `Shape(x)` of forward values).
   * The kernel returns a value for each, in this order, after the root's outputs; it need
   * hold nothing but the shape. Without this a forward `matmul + b` could not be fused.
   */
  readonly shapeOutputs?: readonly Tensor[];
}

/**
 * The backend cannot run anything now (the WebGL context was lost): not a fault of the op
 * that was running, so a session passes it through as it is rather than naming the node.
 */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}
