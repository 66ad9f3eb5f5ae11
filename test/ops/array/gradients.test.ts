// Symbolic gradients of the array ops (built as TF 1.x's array_grad.py builds them)
// against central finite differences.
import { describe, expect, it } from 'vitest';
import * as array from '../../../src/api/array.ts';
import { placeholder } from '../../../src/api/state.ts';
import { UnimplementedError } from '../../../src/engine/errors.ts';
import { gradients } from '../../../src/engine/gradients.ts';
import { Graph } from '../../../src/engine/graph.ts';
import { checkGradient } from '../../support/check.ts';
import { hideShape, rand } from './inputs.ts';

describe('array op gradients', () => {
  it('Reshape (with -1), ExpandDims and Squeeze reshape the gradient back', () => {
    checkGradient((x) => array.reshape(x, [3, -1]), [rand([2, 3, 2])]);
    checkGradient((x) => array.expandDims(x, 1), [rand([2, 3])]);
    checkGradient((x) => array.squeeze(x, [0, 2]), [rand([1, 3, 1])]);
    checkGradient((x) => array.squeeze(hideShape(x)), [rand([1, 3, 1])]);
  });

  it('Tile sums the gradient over the copies', () => {
    checkGradient((x) => array.tile(x, [2, 1]), [rand([2, 3])]);
    checkGradient((x) => array.tile(x, [1, 3, 2]), [rand([2, 1, 3])]);
    checkGradient((x) => array.tile(hideShape(x), [3, 2]), [rand([2, 2])]);
  });

  it('Transpose (with perm, and the default reversal) transposes back', () => {
    checkGradient((x) => array.transpose(x, [1, 0]), [rand([2, 3])]);
    checkGradient((x) => array.transpose(x, [2, 0, 1]), [rand([2, 3, 4])]);
    checkGradient((x) => array.transpose(x), [rand([2, 3, 4])]);
  });

  it('ConcatV2 slices the gradient at ConcatOffset (Const shapes and ShapeN)', () => {
    checkGradient((x, y) => array.concat([x, y], 1), [rand([2, 3]), rand([2, 2])]);
    checkGradient((x, y, z) => array.concat([x, y, z], 0), [rand([1, 3]), rand([2, 3]), rand([3, 3])]);
    checkGradient((x, y) => array.concat([hideShape(x), y], -1), [rand([2, 3]), rand([2, 1])]);
    checkGradient((x) => array.concat([x], 0), [rand([2, 2])]);
  });

  it('Slice pads the gradient back with zeros', () => {
    checkGradient((x) => array.slice(x, [1, 2], [2, -1]), [rand([4, 5])]);
    checkGradient((x) => array.slice(hideShape(x), [0, 1, 0], [2, 1, 2]), [rand([3, 2, 2])]);
  });

  it('Pad slices the gradient', () => {
    checkGradient((x) => array.pad(x, [[1, 0], [2, 1]]), [rand([2, 3])]);
  });

  it('Pack and Unpack', () => {
    checkGradient((x, y) => array.stack([x, y], 1), [rand([2, 3]), rand([2, 3])]);
    checkGradient((x, y) => array.stack([x, y]), [rand([3]), rand([3])]);
    checkGradient((x) => array.concat(array.unstack(x, 3, 1), 0), [rand([2, 3])]);
  });

  it('DynamicStitch gathers the gradient for each data partition', () => {
    checkGradient((x, y) => array.dynamicStitch([[0, 2], [1, 3]], [x, y]), [rand([2, 3]), rand([2, 3])]);
  });

  it('Fill sends the summed gradient to its value', () => {
    checkGradient((v) => array.fill([2, 3], v), [0.7]);
  });

  it('Identity passes the gradient; StopGradient and Shape stop it', () => {
    checkGradient((x) => array.identity(x), [rand([3])]);
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [3], 'x');
      expect(gradients(array.stopGradient(x), [x])).toEqual([null]);
    });
  });

  it('Gather: TF returns IndexedSlices, which this engine refuses with a clear error', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [4, 2], 'x');
      expect(() => gradients(array.gather(x, [0, 3]), [x])).toThrow(UnimplementedError);
    });
  });
});
