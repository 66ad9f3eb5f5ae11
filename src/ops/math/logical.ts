import { select, zerosLike } from '../../api/math.ts';
import { InvalidArgumentError, ValueError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes, sameShape, type Shape, shapeToString } from '../../engine/shape.ts';
import { allocate } from '../../engine/tensor-value.ts';
import { binaryKernel, unaryKernel } from '../kernels/elementwise.ts';
import { outputGrad } from './broadcast-grad.ts';
import { ANY, BOOL, binaryInfer, checkDType, checkSameDType, unaryInfer } from './rules.ts';

export const LogicalAnd: OpDef = { type: 'LogicalAnd', infer: binaryInfer(BOOL), grad: null, cpu: binaryKernel((a, b) => (a && b ? 1 : 0)) };
export const LogicalOr: OpDef = { type: 'LogicalOr', infer: binaryInfer(BOOL), grad: null, cpu: binaryKernel((a, b) => (a || b ? 1 : 0)) };
export const LogicalNot: OpDef = { type: 'LogicalNot', infer: unaryInfer(BOOL), grad: null, cpu: unaryKernel((a) => (a ? 0 : 1)) };

function incompatible(a: Shape, b: Shape, op: string): never {
  throw new ValueError(`Shapes ${shapeToString(a)} and ${shapeToString(b)} are incompatible for '${op}' (op: 'Select')`);
}

/**
 * `Select(condition, t, e)`: TF 1.x's `tf.where` with x and y. No broadcasting (that
 * is SelectV2, TF 1.14+): the condition has the shape of `t`, or is a vector that
 * picks whole rows of a higher-rank `t`.
 * Gradient: TF's `_SelectGrad`, `(None, where(c, grad, zeros), where(c, zeros, grad))`.
 */
export const Select: OpDef = {
  type: 'Select',
  infer: (ctx) => {
    const [c, t, e] = [ctx.inputs[0]!, ctx.inputs[1]!, ctx.inputs[2]!];
    checkDType(ctx, 'condition', c, BOOL);
    checkSameDType({ ...ctx, inputs: [t, e] }, ['t', 'e']);
    checkDType(ctx, 't', t, ANY);
    const shape = mergeShapes(t.shape, e.shape);
    if (shape === undefined) incompatible(t.shape, e.shape, ctx.op.name);
    const rowWise = c.shape !== null && shape !== null && c.shape.length === 1 && shape.length > 1;
    if (rowWise) {
      if (mergeShapes(c.shape, [shape[0]!]) === undefined) incompatible(c.shape, shape, ctx.op.name);
    } else if (mergeShapes(c.shape, shape) === undefined) {
      incompatible(c.shape, shape, ctx.op.name);
    }
    return [{ dtype: t.dtype, shape }];
  },
  grad: (op, grads) => {
    const g = outputGrad(op, grads);
    const c = op.inputs[0]!;
    const zeros = zerosLike(op.inputs[1]!);
    return [null, select(c, g, zeros), select(c, zeros, g)];
  },
  cpu: (inputs, ctx) => {
    const [c, t, e] = [inputs[0]!, inputs[1]!, inputs[2]!];
    if (!sameShape(t.shape, e.shape)) {
      throw new InvalidArgumentError(`'then' and 'else' must have the same size.  but received: [${t.shape.join(',')}] vs. [${e.shape.join(',')}]`, ctx.op.name);
    }
    const rowWise = c.shape.length === 1 && t.shape.length > 1;
    if (rowWise ? c.shape[0] !== t.shape[0] : !sameShape(c.shape, t.shape)) {
      throw new InvalidArgumentError(`'cond' and 'then' must have compatible shapes, but received: [${c.shape.join(',')}] vs. [${t.shape.join(',')}]`, ctx.op.name);
    }
    const out = allocate(t.dtype, t.shape);
    const o = out.data as unknown[];
    const [cond, td, ed] = [c.data as Uint8Array, t.data as ArrayLike<unknown>, e.data as ArrayLike<unknown>];
    const row = rowWise ? o.length / Math.max(1, c.shape[0]!) : 1;
    for (let i = 0; i < o.length; i++) o[i] = cond[rowWise ? Math.floor(i / row) : i] ? td[i] : ed[i];
    return [out];
  },
};
