import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError, ValueError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { mergeShapes, sameShape, type Shape } from '../../engine/shape.ts';
import { fmt } from '../infer.ts';
import { formatElement } from './summarize.ts';

/** TensorShape::DebugString, as TF's kernel messages print shapes: `[2,3]`. */
function debugShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * `StringJoin`: element-wise concatenation of N string tensors with `separator`. Scalars
 * broadcast; every non-scalar input must have the same shape (no other broadcasting, as in TF).
 */
export const StringJoin: OpDef = {
  type: 'StringJoin',
  infer: ({ op, inputs, attrs }) => {
    getAttr(attrs, 'separator', 'string', op.name);
    // TF's shape function: scalar when every input is a scalar, else the merge of the non-scalars.
    let out: Shape | undefined;
    let allScalar = true;
    for (const t of inputs) {
      if (t.shape !== null && t.shape.length === 0) continue;
      allScalar = false;
      const merged: Shape | undefined = out === undefined ? t.shape : mergeShapes(out, t.shape);
      if (merged === undefined) {
        throw new ValueError(`Dimensions must be equal for '${op.name}' (op: 'StringJoin') with input shapes: ${inputs.map((x) => fmt(x.shape)).join(', ')}.`);
      }
      out = merged;
    }
    return [{ dtype: 'string', shape: allScalar ? [] : (out ?? null) }];
  },
  grad: null,
  cpu: (inputs, ctx) => {
    const separator = ctx.op.getAttr('separator', 'string');
    let shape: readonly number[] = [];
    for (const v of inputs) {
      if (v.shape.length === 0) continue;
      if (shape.length === 0) shape = v.shape;
      else if (!sameShape(shape, v.shape)) {
        throw new InvalidArgumentError(`Input shapes do not match: ${debugShape(shape)} vs. ${debugShape(v.shape)}`, ctx.op.name);
      }
    }
    const n = shape.reduce((a, b) => a * b, 1);
    const data: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const parts: string[] = new Array(inputs.length);
      for (let k = 0; k < inputs.length; k++) parts[k] = formatElement(inputs[k]!, inputs[k]!.shape.length === 0 ? 0 : i);
      data[i] = parts.join(separator);
    }
    return [{ dtype: 'string', shape, data }];
  },
};
