// The array kernels against NumPy (test/fixtures/array-ops/gen_array_fixtures.py).
import { describeFixtures } from './fixture-harness.ts';

describeFixtures('array kernels match NumPy', 'array.json', [
  'Transpose', 'InvertPermutation', 'Tile', 'ConcatV2', 'ConcatOffset', 'Slice', 'Pad', 'Pack', 'Unpack', 'Range',
  'Reshape', 'ExpandDims', 'Squeeze', 'DynamicStitch', 'Gather', 'ListDiff', 'Fill', 'Shape', 'Size', 'Rank', 'ShapeN',
]);
