import { getAttr } from '../../engine/attr.ts';
import { FailedPreconditionError, InvalidArgumentError } from '../../engine/errors.ts';
import type { KernelContext, OpDef } from '../../engine/op-def.ts';
import { sameShape } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { sameAsInput } from '../infer.ts';

/** The value of a variable, or TF's error for one never initialized. */
export function readVariable(ctx: KernelContext, name: string): TensorValue {
  const slot = ctx.variable(name);
  if (slot.value === null) {
    throw new FailedPreconditionError(`Attempting to use uninitialized value ${name}`, ctx.op.name);
  }
  return slot.value;
}

/** Like `readVariable`, for a ref input (`Apply*`, `AssignAdd`). */
export function readRef(ctx: KernelContext, i: number): TensorValue {
  return readVariable(ctx, ctx.ref(i).name);
}

/** `VariableV2`: a mutable tensor owned by the session. */
export const VariableV2: OpDef = {
  type: 'VariableV2',
  infer: ({ attrs, op }) => [{ dtype: getAttr(attrs, 'dtype', 'type', op.name), shape: getAttr(attrs, 'shape', 'shape', op.name) }],
  grad: null,
  stateful: true,
  cpu: (_inputs, ctx) => [readVariable(ctx, ctx.op.name)],
};

function copy(v: TensorValue): TensorValue {
  const d = v.data;
  return { dtype: v.dtype, shape: v.shape, data: Array.isArray(d) ? d.slice() : d.slice() };
}

/** `Assign`: store a copy of input 1 in the variable; with `validate_shape`, shapes must match (TF's message). */
export const Assign: OpDef = {
  type: 'Assign',
  infer: (ctx) => [{ dtype: ctx.inputs[0]!.dtype, shape: ctx.attrs['validate_shape']?.value === false ? ctx.inputs[1]!.shape : ctx.inputs[0]!.shape }],
  grad: null,
  refInputs: [0],
  stateful: true,
  cpu: (inputs, ctx) => {
    const slot = ctx.ref(0);
    const value = inputs[1]!;
    const validate = ctx.op.attrs['validate_shape']?.value !== false;
    if (validate && slot.value !== null && !sameShape(slot.value.shape, value.shape)) {
      throw new InvalidArgumentError(
        `Assign requires shapes of both tensors to match. lhs shape= [${slot.value.shape.join(',')}] rhs shape= [${value.shape.join(',')}]`,
        ctx.op.name,
      );
    }
    slot.value = copy(value);
    return [slot.value];
  },
};

function assignUpdate(type: 'AssignAdd' | 'AssignSub', sign: 1 | -1): OpDef {
  return {
    type,
    infer: sameAsInput,
    grad: null,
    refInputs: [0],
    stateful: true,
    cpu: (inputs, ctx) => {
      const cur = readRef(ctx, 0);
      const delta = inputs[1]!;
      if (!sameShape(cur.shape, delta.shape)) {
        throw new InvalidArgumentError(`${type} requires shapes of both tensors to match. lhs shape= [${cur.shape.join(',')}] rhs shape= [${delta.shape.join(',')}]`, ctx.op.name);
      }
      const a = cur.data as Float32Array | Int32Array;
      const b = delta.data as Float32Array | Int32Array;
      for (let i = 0; i < a.length; i++) a[i] = a[i]! + sign * b[i]!;
      return [cur];
    },
  };
}

export const AssignAdd = assignUpdate('AssignAdd', 1);
export const AssignSub = assignUpdate('AssignSub', -1);
