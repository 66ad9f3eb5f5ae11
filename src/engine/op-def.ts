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

/** A variable's storage inside a session. `value` is null until it is initialized. */
export interface VariableSlot {
  readonly name: string;
  value: TensorValue | null;
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
