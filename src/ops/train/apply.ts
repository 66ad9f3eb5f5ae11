/**
 * What every `Apply*` training op shares, as TF's training_ops.cc and its shape
 * functions do it: the variable and its slots come in by reference and are updated in
 * place; hyper-parameters must be scalars; the gradient must have the variable's shape.
 * The output is the updated variable (TF forwards the ref input to the ref output).
 */
import type { Attrs } from '../../engine/attr.ts';
import { FailedPreconditionError, InvalidArgumentError, ValueError } from '../../engine/errors.ts';
import type { InferContext, KernelContext, OpDef, OutputSpec } from '../../engine/op-def.ts';
import { type Shape, sameShape } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { fmt } from '../infer.ts';

/** How an input is taken: a variable by reference, a scalar hyper-parameter, or a tensor shaped like `var`. */
export type ApplyInputKind = 'ref' | 'scalar' | 'tensor';

/** The element arrays and scalar values handed to an update rule, by TF's input names. */
export interface ApplyArgs {
  readonly refs: Readonly<Record<string, Float32Array>>;
  readonly scalars: Readonly<Record<string, number>>;
  readonly tensors: Readonly<Record<string, Float32Array>>;
  readonly attrs: Attrs;
}

/** Updates `args.refs` in place (float32 arithmetic, each step rounded with Math.fround). */
export type UpdateRule = (args: ApplyArgs) => void;

/** `Math.fround`: round to float32 where TF's Eigen float math rounds an intermediate. */
export const f32 = Math.fround;

/**
 * An `Apply*` op from its TF signature (input names and kinds, in TF's order) and its
 * update rule. Input 0 must be the `var` ref.
 */
export function applyOpDef(type: string, inputs: readonly (readonly [string, ApplyInputKind])[], update: UpdateRule): OpDef {
  const refInputs = inputs.flatMap(([, kind], i) => (kind === 'ref' ? [i] : []));
  return {
    type,
    infer: (ctx) => inferApply(ctx, inputs),
    grad: null,
    refInputs,
    stateful: true,
    cpu: (values, ctx) => {
      const refValues = refInputs.map((i) => readRefValue(ctx, i));
      const varValue = refValues[0]!;
      const refs: Record<string, Float32Array> = {};
      const scalars: Record<string, number> = {};
      const tensors: Record<string, Float32Array> = {};
      inputs.forEach(([name, kind], i) => {
        if (kind !== 'scalar') return;
        const v = values[i]!;
        if (v.shape.length !== 0) throw new InvalidArgumentError(`${name} is not a scalar: ${debugShape(v.shape)}`, ctx.op.name);
        scalars[name] = (v.data as Float32Array)[0]!;
      });
      inputs.forEach(([name, kind], i) => {
        if (kind === 'scalar') return;
        const v = kind === 'ref' ? refValues[refInputs.indexOf(i)]! : values[i]!;
        if (i > 0 && !sameShape(varValue.shape, v.shape)) {
          throw new InvalidArgumentError(`var and ${name} do not have the same shape${debugShape(varValue.shape)} ${debugShape(v.shape)}`, ctx.op.name);
        }
        (kind === 'ref' ? refs : tensors)[name] = v.data as Float32Array;
      });
      update({ refs, scalars, tensors, attrs: ctx.op.attrs });
      return [varValue];
    },
  };
}

/** TF's `requested_input` check: every ref must hold a value before the update. */
function readRefValue(ctx: KernelContext, i: number): TensorValue {
  const slot = ctx.ref(i);
  if (slot.value === null) throw new FailedPreconditionError(`Attempting to use uninitialized variables: ${slot.name}`, ctx.op.name);
  return slot.value;
}

/** `TensorShape::DebugString`: `[3,1]`, `[]`. */
function debugShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * TF's `Apply*` shape functions: merge the shapes of `var`, its slots and `grad`, and
 * require rank 0 of every hyper-parameter; the output is the merged shape.
 */
function inferApply(ctx: InferContext, inputs: readonly (readonly [string, ApplyInputKind])[]): OutputSpec[] {
  const fail = (message: string): never => {
    throw new ValueError(`${message} for '${ctx.op.name}' (op: '${ctx.op.type}') with input shapes: ${ctx.inputs.map((t) => fmt(t.shape)).join(', ')}.`);
  };
  const dtype = ctx.inputs[0]!.dtype;
  if (dtype !== 'float32') fail(`Value for attr 'T' of ${dtype} is not in the list of allowed values: float`);
  let merged: Shape = ctx.inputs[0]!.shape;
  inputs.forEach(([, kind], i) => {
    const s = ctx.inputs[i]!.shape;
    if (kind === 'scalar') {
      if (s !== null && s.length !== 0) fail(`Shape must be rank 0 but is rank ${s.length}`);
      return;
    }
    merged = mergeOrFail(merged, s, fail);
  });
  return [{ dtype, shape: merged }];
}

/** TF's `InferenceContext::Merge`, with its messages. */
function mergeOrFail(a: Shape, b: Shape, fail: (message: string) => never): Shape {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return fail(`Shapes must be equal rank, but are ${a.length} and ${b.length}`);
  return a.map((x, d) => {
    const y = b[d]!;
    if (x !== null && y !== null && x !== y) {
      return fail(`Dimension ${d} in both shapes must be equal, but are ${x} and ${y}. Shapes are ${fmt(a)} and ${fmt(b)}.`);
    }
    return x ?? y;
  });
}
