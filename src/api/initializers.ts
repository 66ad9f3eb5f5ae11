import type { DType } from '../engine/dtype.ts';
import type { Tensor } from '../engine/graph.ts';
import { constant } from '../engine/op-builder.ts';
import { numElements } from '../engine/shape.ts';
import type { Initializer } from '../engine/variable-scope.ts';
import { ones, zeros } from './array.ts';
import { randomNormal, randomUniform, truncatedNormal } from './random.ts';

type Nested = number | boolean | Nested[];

/** Flatten a (possibly nested) value list; TF 1.x fills the rest of `shape` with the last element. */
function constantValues(value: Nested | Float32Array | Int32Array, shape: readonly number[]): number[] {
  const flat: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) || ArrayBuffer.isView(v)) for (const x of Array.from(v as ArrayLike<unknown>)) walk(x);
    else flat.push(typeof v === 'boolean' ? Number(v) : (v as number));
  };
  walk(value);
  const n = numElements(shape);
  if (flat.length > n) throw new Error(`Too many elements provided. Needed at most ${n}, but received ${flat.length}`);
  while (flat.length < n) flat.push(flat[flat.length - 1] ?? 0);
  return flat;
}

/** Fan-in and fan-out of a weight shape, as TF's `_compute_fans`. */
function fans(shape: readonly number[]): [number, number] {
  if (shape.length < 1) return [1, 1];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  let receptive = 1;
  for (const d of shape.slice(0, -2)) receptive *= d;
  return [shape[shape.length - 2]! * receptive, shape[shape.length - 1]! * receptive];
}

/**
 * `tf.initializers.*`: functions of (shape, dtype) that build the initial value in the
 * current scope (`<var>/Initializer/...` when used through `getVariable`).
 *
 *     tf.getVariable('a', { shape: [], initializer: tf.initializers.constant(1) });
 */
export const initializers = {
  constant: (value: Nested | Float32Array | Int32Array = 0): Initializer =>
    (shape: readonly number[], dtype: DType): Tensor => constant(constantValues(value, shape), dtype, shape),
  zeros: (): Initializer => (shape, dtype) => zeros(shape, dtype),
  ones: (): Initializer => (shape, dtype) => ones(shape, dtype),
  randomNormal: ({ mean = 0, stddev = 1, seed }: { mean?: number; stddev?: number; seed?: number } = {}): Initializer =>
    (shape, dtype) => randomNormal(shape, { mean, stddev, dtype, ...(seed !== undefined ? { seed } : {}) }),
  truncatedNormal: ({ mean = 0, stddev = 1, seed }: { mean?: number; stddev?: number; seed?: number } = {}): Initializer =>
    (shape, dtype) => truncatedNormal(shape, { mean, stddev, dtype, ...(seed !== undefined ? { seed } : {}) }),
  randomUniform: ({ minval = 0, maxval = 1, seed }: { minval?: number; maxval?: number; seed?: number } = {}): Initializer =>
    (shape, dtype) => randomUniform(shape, { minval, maxval, dtype, ...(seed !== undefined ? { seed } : {}) }),
  /** TF's `glorot_uniform_initializer` (VarianceScaling, fan_avg, uniform): limit sqrt(6 / (fan_in + fan_out)). */
  glorotUniform: ({ seed }: { seed?: number } = {}): Initializer => (shape, dtype) => {
    const [fanIn, fanOut] = fans(shape);
    const limit = Math.sqrt(3 / Math.max(1, (fanIn + fanOut) / 2));
    return randomUniform(shape, { minval: -limit, maxval: limit, dtype, ...(seed !== undefined ? { seed } : {}) });
  },
};
