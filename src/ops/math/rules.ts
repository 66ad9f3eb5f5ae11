/**
 * Shape and dtype rules shared by the element-wise math ops: TF's op registrations
 * restrict `T` to a type list and require both inputs of a binary op to share it.
 */
import type { DType } from '../../engine/dtype.ts';
import { TypeError_, ValueError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { InferContext, OutputSpec } from '../../engine/op-def.ts';
import { mergeShapes, shapeToString } from '../../engine/shape.ts';
import { broadcastBinary } from '../infer.ts';

export const FLOAT: readonly DType[] = ['float32'];
export const NUMERIC: readonly DType[] = ['float32', 'int32'];
export const ANY: readonly DType[] = ['float32', 'int32', 'bool', 'string'];
export const BOOL: readonly DType[] = ['bool'];

/** TF's `_apply_op_helper` message for a dtype outside the op's type list. */
export function checkDType(ctx: InferContext, argName: string, t: Tensor, allowed: readonly DType[]): void {
  if (!allowed.includes(t.dtype)) {
    throw new TypeError_(
      `Value passed to parameter '${argName}' has DataType ${t.dtype} not in list of allowed values: ${allowed.join(', ')} (op '${ctx.op.name}' of type ${ctx.op.type})`,
    );
  }
}

/** Inputs bound to one type attr must agree (TF's message for `Add(float, int)`). */
export function checkSameDType(ctx: InferContext, names: readonly string[]): void {
  const first = ctx.inputs[0]!;
  ctx.inputs.forEach((t, i) => {
    if (t.dtype !== first.dtype) {
      throw new TypeError_(
        `Input '${names[i]}' of '${ctx.op.type}' Op has type ${t.dtype} that does not match type ${first.dtype} of argument '${names[0]}'.`,
      );
    }
  });
}

/** Element-wise unary op over `allowed` dtypes; the output keeps the input's dtype unless `out` is given. */
export function unaryInfer(allowed: readonly DType[], out?: DType, argName = 'x'): (ctx: InferContext) => OutputSpec[] {
  return (ctx) => {
    const x = ctx.inputs[0]!;
    checkDType(ctx, argName, x, allowed);
    return [{ dtype: out ?? x.dtype, shape: x.shape }];
  };
}

/** Broadcasting binary op over `allowed` dtypes; `out` fixes the result dtype (bool for comparisons). */
export function binaryInfer(allowed: readonly DType[], out?: DType): (ctx: InferContext) => OutputSpec[] {
  return (ctx) => {
    checkSameDType(ctx, ['x', 'y']);
    checkDType(ctx, 'x', ctx.inputs[0]!, allowed);
    const [spec] = broadcastBinary(ctx);
    return [{ dtype: out ?? spec!.dtype, shape: spec!.shape }];
  };
}

/** `*Grad` ops (`SigmoidGrad(y, dy)`): both inputs describe the same tensor, so their shapes merge. */
export function sameShapeInfer(allowed: readonly DType[], names: readonly [string, string]): (ctx: InferContext) => OutputSpec[] {
  return (ctx) => {
    checkSameDType(ctx, names);
    checkDType(ctx, names[0], ctx.inputs[0]!, allowed);
    const [a, b] = [ctx.inputs[0]!.shape, ctx.inputs[1]!.shape];
    const shape = mergeShapes(a, b);
    if (shape === undefined) {
      throw new ValueError(`Shapes ${shapeToString(a)} and ${shapeToString(b)} are incompatible for '${ctx.op.name}' (op: '${ctx.op.type}')`);
    }
    return [{ dtype: ctx.inputs[0]!.dtype, shape }];
  };
}
