import type { InferContext, OutputSpec } from '../engine/op-def.ts';
import { broadcastShapes, type Shape } from '../engine/shape.ts';
import { ValueError } from '../engine/errors.ts';

/** Output like input 0 (element-wise unary ops, Identity). */
export function sameAsInput(ctx: InferContext): OutputSpec[] {
  const x = ctx.inputs[0]!;
  return [{ dtype: x.dtype, shape: x.shape }];
}

/** Broadcast of inputs 0 and 1, dtype of input 0 (element-wise binary ops). */
export function broadcastBinary(ctx: InferContext): OutputSpec[] {
  const [x, y] = ctx.inputs as [InferContext['inputs'][0], InferContext['inputs'][0]];
  let shape: Shape;
  try {
    shape = broadcastShapes(x.shape, y.shape);
  } catch (e) {
    throw new ValueError(`${(e as Error).message} for '${ctx.op.name}' (op: '${ctx.op.type}') with input shapes: ${fmt(x.shape)}, ${fmt(y.shape)}.`);
  }
  return [{ dtype: x.dtype, shape }];
}

/** TF's shape-function spelling: `[?,1]`, `[]`, `?`. */
export function fmt(shape: Shape): string {
  if (shape === null) return '?';
  return `[${shape.map((d) => (d === null ? '?' : d)).join(',')}]`;
}

/** Broadcast with a bool result (comparisons). */
export function broadcastCompare(ctx: InferContext): OutputSpec[] {
  return [{ ...broadcastBinary(ctx)[0]!, dtype: 'bool' }];
}
