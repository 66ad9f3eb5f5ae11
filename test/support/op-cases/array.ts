/**
 * Graph plumbing, shape and array ops. They copy or select values, so results must be
 * identical; their gradients (Slice↔Pad, Pack↔Unpack, ConcatV2→ConcatOffset+Slice,
 * Transpose→InvertPermutation, Tile→Reshape+Sum) are compared with GRAD, since the
 * backward graphs of some of them sum. Shapes are odd ([3,5,7] = 105 values) and axes
 * negative where the API allows it.
 */
import * as tf from '../../../src/index.ts';
import { broadcastGradientArgs, concatOffset, setdiff1d } from '../../../src/api/array.ts';
import { attr } from '../../../src/engine/attr.ts';
import { applyOp } from '../../../src/engine/op-builder.ts';
import { EXACT, GRAD } from './tolerances.ts';
import type { OpCase } from './types.ts';

const exact = { kind: 'close', tol: EXACT } as const;
const ints = { kind: 'same', why: 'int32 shapes and indices are exact' } as const;
const x357 = [{ shape: [3, 5, 7] }] as const;
const i32 = (values: readonly number[]) => tf.constant(Int32Array.from(values), 'int32', [values.length]);

export const ARRAY_CASES: readonly OpCase[] = [
  { name: 'Identity of a placeholder [5,13]', covers: ['Identity', 'Placeholder'], inputs: [{ shape: [5, 13] }], build: ([x]) => tf.identity(x!), check: exact, grad: GRAD },
  { name: 'Const [2,3] through Identity', covers: ['Const'], build: () => tf.identity(tf.constant([[1.5, -2, 3.25], [0, 7, -0.125]])), check: exact },
  {
    // No tf.* wrapper exists for it (TF's tf.placeholder_with_default), so it is made through the engine's op builder.
    name: 'PlaceholderWithDefault unfed passes its input', covers: ['PlaceholderWithDefault'], inputs: [{ shape: [5, 13] }],
    build: ([x]) => applyOp('PlaceholderWithDefault', 'with_default', [['input', x!]], { dtype: attr.type('float32'), shape: attr.shape([5, 13]) }).output,
    check: exact,
  },
  { name: 'NoOp as a control dependency', covers: ['NoOp'], inputs: [{ shape: [67] }], build: ([x]) => tf.controlDependencies([tf.noOp()], () => tf.identity(x!)), check: exact },
  { name: 'StopGradient in x·stop(x)', covers: ['StopGradient'], inputs: [{ shape: [5, 13] }], build: ([x]) => tf.mul(tf.stopGradient(x!), x!), check: { kind: 'close', tol: GRAD }, grad: GRAD },
  { name: 'Shape, ShapeN, Size, Rank', covers: ['Shape', 'ShapeN', 'Size', 'Rank'], inputs: [{ shape: [3, 5, 7], declared: [null, 5, null] }, { shape: [67], declared: null }], build: ([x, y]) => [tf.shape(x!), ...tf.shapeN([x!, y!]), tf.size(x!), tf.rank(y!)], check: ints },
  { name: 'Reshape [3,5,7]→[7,-1]', covers: ['Reshape'], inputs: x357, build: ([x]) => tf.reshape(x!, [7, -1]), check: exact, grad: GRAD },
  { name: 'ExpandDims axis -1', covers: ['ExpandDims'], inputs: x357, build: ([x]) => tf.expandDims(x!, -1), check: exact, grad: GRAD },
  { name: 'Squeeze axis 1 of [3,1,7]', covers: ['Squeeze'], inputs: [{ shape: [3, 1, 7] }], build: ([x]) => tf.squeeze(x!, [1]), check: exact, grad: GRAD },
  { name: 'Fill [5,13] with a fed scalar', covers: ['Fill'], inputs: [{ shape: [] }], build: ([v]) => tf.fill([5, 13], v!), check: exact, grad: GRAD },
  { name: 'Tile [3,1,7] by [2,5,1]', covers: ['Tile'], inputs: [{ shape: [3, 1, 7] }], build: ([x]) => tf.tile(x!, [2, 5, 1]), check: exact, grad: GRAD },
  { name: 'Range int32 and float32', covers: ['Range'], build: () => [tf.range(2, 40, 3), tf.range(0.5, 9.7, 0.3)], check: { kind: 'same', why: 'computed from scalars on the host' } },
  {
    name: 'DynamicStitch of [2] and [3] rows', covers: ['DynamicStitch'], inputs: [{ shape: [2, 4] }, { shape: [3, 4] }],
    build: ([a, b]) => tf.dynamicStitch([i32([4, 1]), i32([0, 3, 2])], [a!, b!]), check: exact, grad: GRAD,
  },
  { name: 'BroadcastGradientArgs [3,1,7] vs [5,7]', covers: ['BroadcastGradientArgs'], inputs: [{ shape: [3, 1, 7] }, { shape: [5, 7] }], build: ([x, y]) => broadcastGradientArgs(tf.shape(x!), tf.shape(y!)), check: ints },
  { name: 'Transpose perm [2,0,1]', covers: ['Transpose', 'InvertPermutation'], inputs: x357, build: ([x]) => tf.transpose(x!, [2, 0, 1]), check: exact, grad: GRAD },
  { name: 'Transpose default perm (reversed)', covers: ['Transpose'], inputs: [{ shape: [5, 13] }], build: ([x]) => tf.transpose(x!), check: exact, grad: GRAD },
  { name: 'InvertPermutation of [3,0,4,1,2]', covers: ['InvertPermutation'], build: () => tf.invertPermutation(i32([3, 0, 4, 1, 2])), check: ints },
  { name: 'ConcatV2 axis -1 of [3,5,2] and [3,5,7]', covers: ['ConcatV2', 'ConcatOffset'], inputs: [{ shape: [3, 5, 2] }, ...x357], build: ([a, b]) => tf.concat([a!, b!], -1), check: exact, grad: GRAD },
  { name: 'ConcatOffset of [3,5,2] and [3,5,7] on axis 2', covers: ['ConcatOffset'], build: () => concatOffset(2, [i32([3, 5, 2]), i32([3, 5, 7])]), check: ints },
  { name: 'Slice begin [1,0,2] size [2,-1,4]', covers: ['Slice', 'Pad'], inputs: x357, build: ([x]) => tf.slice(x!, [1, 0, 2], [2, -1, 4]), check: exact, grad: GRAD },
  { name: 'Pad [3,5] by [[1,2],[0,3]]', covers: ['Pad', 'Slice'], inputs: [{ shape: [3, 5] }], build: ([x]) => tf.pad(x!, tf.constant([[1, 2], [0, 3]], 'int32')), check: exact, grad: GRAD },
  { name: 'Pack three [5,7] on axis 1', covers: ['Pack', 'Unpack'], inputs: [{ shape: [5, 7] }, { shape: [5, 7] }, { shape: [5, 7] }], build: (xs) => tf.stack(xs, 1), check: exact, grad: GRAD },
  { name: 'Unpack [3,5,7] on axis 1', covers: ['Unpack'], inputs: x357, build: ([x]) => tf.unstack(x!, undefined, 1), check: exact, grad: GRAD },
  { name: 'Gather rows of [7,5] with repeats', covers: ['Gather'], inputs: [{ shape: [7, 5] }], build: ([p]) => tf.gather(p!, tf.constant(Int32Array.from([6, 0, 3, 3, 1, 6, 2, 5]), 'int32', [4, 2])), check: exact },
  { name: 'ListDiff of int32 [67] and [13]', covers: ['ListDiff'], inputs: [{ shape: [67], dtype: 'int32', range: [0, 30] }, { shape: [13], dtype: 'int32', range: [0, 30] }], build: ([x, y]) => setdiff1d(x!, y!), check: ints },
];
