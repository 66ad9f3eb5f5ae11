import type { Tensor } from '../../engine/graph.ts';
import type { KernelContext } from '../../engine/op-def.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import { isFullyDefined, mergeShapes, numElements, type Dim, type Shape } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';

// Ops whose value TF 1.x's `tensor_util.constant_value` folds at graph-build time when
// their inputs are constant. Shape inference asks for these values (a Reshape's target,
// a Sum's axes), so static shapes come out exactly as TF's.
const FOLDABLE = new Set(['Range', 'Cast', 'ConcatV2', 'Pack', 'Identity']);

function foldContext(t: Tensor): KernelContext {
  const fail = (): never => { throw new Error(`constant folding of '${t.op.name}' needs a session`); };
  return { op: t.op, ref: fail, variable: fail, random: fail, print: fail };
}

/**
 * TF's `tensor_util.constant_value`: the value of `t` when it can be worked out without
 * running the graph, else null. Shape/Size/Rank fold when the input's static shape is
 * known; Fill folds when its output shape is fully known.
 */
export function constantValue(t: Tensor): TensorValue | null {
  const op = t.op;
  switch (op.type) {
    case 'Const':
      return op.getAttr('value', 'tensor');
    case 'Shape': {
      const s = op.inputs[0]!.shape;
      return isFullyDefined(s) ? { dtype: 'int32', shape: [s.length], data: Int32Array.from(s) } : null;
    }
    case 'Size': {
      const s = op.inputs[0]!.shape;
      return isFullyDefined(s) ? { dtype: 'int32', shape: [], data: Int32Array.of(numElements(s)) } : null;
    }
    case 'Rank': {
      const s = op.inputs[0]!.shape;
      return s !== null ? { dtype: 'int32', shape: [], data: Int32Array.of(s.length) } : null;
    }
    case 'Fill': {
      const value = constantValue(op.inputs[1]!);
      if (value === null || !isFullyDefined(t.shape)) return null;
      return lookupOpDef('Fill').cpu([{ dtype: 'int32', shape: [t.shape.length], data: Int32Array.from(t.shape) }, value], foldContext(t))[0]!;
    }
    default: {
      if (!FOLDABLE.has(op.type)) return null;
      // TF folds Pack only along axis 0 (`np.array(values)`).
      if (op.type === 'Pack' && op.getAttr('axis', 'int') !== 0) return null;
      const values: TensorValue[] = [];
      for (const x of op.inputs) {
        const v = constantValue(x);
        if (v === null) return null;
        values.push(v);
      }
      return lookupOpDef(op.type).cpu(values, foldContext(t))[t.index] ?? null;
    }
  }
}

/**
 * TF's `tensor_util.constant_value_as_shape`: what is statically known about the shape
 * that the 1-D tensor `t` holds. A `Shape` op gives its input's static shape, `Pack` and
 * `ConcatV2` combine what is known of their parts, and -1 entries mean unknown.
 */
export function constantValueAsShape(t: Tensor): Shape {
  const s = t.shape;
  if (s !== null && s.length === 1 && s[0] === 0) return [];
  const op = t.op;
  if (op.type === 'Shape') return op.inputs[0]!.shape;
  if (op.type === 'Pack' && op.getAttr('axis', 'int') === 0) {
    return op.inputs.map((x): Dim => {
      const v = constantValue(x);
      if (v === null || v.shape.length !== 0) return null;
      const d = (v.data as Int32Array)[0]!;
      return d < 0 ? null : d;
    });
  }
  if (op.type === 'ConcatV2') {
    const dims: Dim[] = [];
    for (const x of op.inputs.slice(0, -1)) {
      const part = constantValueAsShape(x);
      if (part === null) return null;
      dims.push(...part);
    }
    return dims;
  }
  const length = s === null || s.length !== 1 ? null : s[0]!;
  let result: Shape = length === null ? null : new Array<Dim>(length).fill(null);
  const value = constantValue(t);
  if (value !== null) {
    const known = Array.from(value.data as Int32Array, (d): Dim => (d === -1 ? null : d));
    result = mergeShapes(result, known) ?? known;
  }
  return result;
}

/** The constant int32 values of `t` as a JS array, or null when not known statically. */
export function constantInts(t: Tensor): number[] | null {
  const v = constantValue(t);
  return v === null ? null : Array.from(v.data as Int32Array);
}
