import type { DType } from '../../engine/dtype.ts';
import { ValueError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { fmt } from '../infer.ts';

/**
 * Element storage viewed as a plain indexable array: the layout kernels (Reshape,
 * Transpose, Concat, Slice…) copy elements without caring about the dtype.
 */
export type Elements = { [i: number]: unknown; readonly length: number };

export function elements(v: TensorValue): Elements {
  return v.data as unknown as Elements;
}

/** Row-major strides of a concrete shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** An int32 tensor's values as a JS array (shape vectors, axes, permutations). */
export function intsOf(v: TensorValue): number[] {
  // A plain loop: Array.from on a typed array is several times slower in V8, and this
  // runs for every shape-manipulating kernel of every step.
  const d = v.data as Int32Array;
  const out = new Array<number>(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i]!;
  return out;
}

export function vectorValue(dtype: DType, values: readonly number[]): TensorValue {
  // The typed-array constructors copy an array far faster than `TypedArray.from`.
  const data = dtype === 'float32' ? new Float32Array(values) : new Int32Array(values);
  return { dtype, shape: [values.length], data };
}

export function scalarValue(dtype: DType, value: number): TensorValue {
  const data = dtype === 'float32' ? Float32Array.of(value) : Int32Array.of(value);
  return { dtype, shape: [], data };
}

/** TF's static check that a shape has a given rank (`Shape must be rank 2 but is rank 3 for 'MatMul' ...`). */
export function checkRank(t: Tensor, rank: number, op: { name: string; type: string }, inputs: readonly Tensor[]): void {
  if (t.shape !== null && t.shape.length !== rank) throw shapeError(`Shape must be rank ${rank} but is rank ${t.shape.length}`, op, inputs);
}

/** TF's `ValueError` for a shape function failure: the message, then the op and its input shapes. */
export function shapeError(message: string, op: { name: string; type: string }, inputs: readonly Tensor[]): ValueError {
  return new ValueError(`${message} for '${op.name}' (op: '${op.type}') with input shapes: ${inputs.map((x) => fmt(x.shape)).join(', ')}.`);
}
