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
import type { Operation } from '../engine/graph.ts';
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
}
