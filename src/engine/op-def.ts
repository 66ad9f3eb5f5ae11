import type { Attrs } from './attr.ts';
import type { DType } from './dtype.ts';
import type { Operation, Tensor } from './graph.ts';
import type { Shape } from './shape.ts';
import type { TensorValue } from './tensor-value.ts';

/** Static type of one output, worked out when the op is added. */
export interface OutputSpec {
  readonly dtype: DType;
  readonly shape: Shape;
}

export interface InferContext {
  /** The op being built (name and type are set; outputs are not yet). */
  readonly op: Operation;
  readonly inputs: readonly Tensor[];
  readonly attrs: Attrs;
}

/**
 * A copy of a variable's value that a backend keeps on its own side (the WebGL backend: a
 * texture), so that a training step can update the variable without a host round trip.
 */
export interface ResidentValue {
  /** Read the value back to the host (the slot caches it until the next update). */
  download(): TensorValue;
  /** Give the backend's storage back; called once, when the slot stops holding this value. */
  dispose(): void;
}

/**
 * A variable's storage inside a session. `value` is null until it is initialized.
 *
 * Where a backend holds the variable (`resident`), the backend's copy is the current value
 * and the host copy is a cache: reading `value` downloads it once per update, so CPU
 * kernels keep reading `slot.value` as before. Assigning `value` makes the host copy the
 * current value again and disposes the resident one.
 *
 *     slot.setResident(texture);   // a GPU update
 *     slot.value;                  // read back once, then cached
 *     slot.setResident(null);      // a CPU kernel wrote slot.value in place: the host copy wins
 */
export interface VariableSlot {
  readonly name: string;
  value: TensorValue | null;
  /** The backend's copy, when it holds the current value; null when only the host does. */
  readonly resident: ResidentValue | null;
  /**
   * Make `r` the current value (the host cache is dropped, an earlier resident value
   * disposed). `null`: keep the current value on the host only (read back first if needed).
   */
  setResident(r: ResidentValue | null): void;
}

/** What a kernel may ask of the session running it. */
export interface KernelContext {
  readonly op: Operation;
  /** The variable behind ref input `i` (for ops listed with `refInputs`). */
  ref(i: number): VariableSlot;
  /** A variable by its VariableV2 op name. */
  variable(name: string): VariableSlot;
  /** Uniform [0, 1) numbers from the session's generator, seeded per op as TF seeds random ops. */
  random(): number;
  /** Where `tf.print` output goes (the host's sink). */
  print(text: string): void;
}

/** Reference kernel: plain loops over `TensorValue`s. It is the specification of the op. */
export type CpuKernel = (inputs: readonly TensorValue[], ctx: KernelContext) => TensorValue[];

/**
 * Gradient: given the op and the gradients of its outputs (null where nothing flows),
 * build graph nodes for the gradients of its inputs, as TF's registered gradient
 * functions do. Called inside the `gradients/<op>_grad` name scope.
 */
export type GradFn = (op: Operation, grads: readonly (Tensor | null)[]) => (Tensor | null)[];

export interface OpDef {
  /** The TF op type (`Add`, `MatMul`, `ApplyAdam`). */
  readonly type: string;
  readonly infer: (ctx: InferContext) => OutputSpec[];
  /** null: TF's `NotDifferentiable` (no gradient flows through). */
  readonly grad: GradFn | null;
  readonly cpu: CpuKernel;
  /** Inputs that take a variable by reference (`Assign`'s and `Apply*`'s first input). */
  readonly refInputs?: readonly number[];
  /** Ops whose result must not be cached or folded (random ops, variable ops, side effects). */
  readonly stateful?: boolean;
}
