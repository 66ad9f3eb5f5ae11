/** Test inputs shared by the array, reduction, MatMul and softmax gradient tests. */
import * as array from '../../../src/api/array.ts';
import { opAdd } from '../../../src/api/math.ts';
import type { Tensor } from '../../../src/engine/graph.ts';
import type { NestedArray } from '../../../src/engine/tensor-value.ts';
import { randomValues } from '../../support/check.ts';

let seed = 11;
/** Random values of `shape` in [lo, hi) as nested arrays (so the placeholder gets the shape). */
export function rand(shape: readonly number[], lo = -1, hi = 1): NestedArray {
  const flat = randomValues(Math.max(1, shape.reduce((a, b) => a * b, 1)), seed++, lo, hi);
  let i = 0;
  const build = (d: number): NestedArray => (d === shape.length ? flat[i++]! : Array.from({ length: shape[d]! }, () => build(d + 1)));
  return build(0);
}

/**
 * `x` with its static shape hidden (a Reshape to a computed shape), so gradient code
 * takes its unknown-shape paths (Shape ops, ShapeN) as it does for TF placeholders of `[None, …]`.
 */
export function hideShape(x: Tensor): Tensor {
  return array.reshape(x, opAdd(array.shape(x, { optimize: false }), 0));
}
