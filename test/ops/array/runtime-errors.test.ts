// Kernels reject bad runtime values with TensorFlow's messages, and a Session run names
// the failing node.
import { describe, expect, it } from 'vitest';
import * as array from '../../../src/api/array.ts';
import { matmul } from '../../../src/api/linalg.ts';
import { placeholder } from '../../../src/api/state.ts';
import { attr, type Attrs } from '../../../src/engine/attr.ts';
import { InvalidArgumentError } from '../../../src/engine/errors.ts';
import { Graph } from '../../../src/engine/graph.ts';
import { lookupOpDef } from '../../../src/engine/registry.ts';
import { Session } from '../../../src/engine/session.ts';
import { fromJs, type TensorValue } from '../../../src/engine/tensor-value.ts';
import { kernelContext } from './fixture-harness.ts';

const f = (v: Parameters<typeof fromJs>[0]) => fromJs(v, 'float32');
const n = (v: Parameters<typeof fromJs>[0]) => fromJs(v, 'int32');

/** Run a kernel on values its op was built for only by type (unknown shapes), so only the kernel can object. */
function run(type: string, inputs: TensorValue[], attrs: Attrs = {}): TensorValue[] {
  const g = new Graph();
  const phs = inputs.map((v, i) => g.createOp('Placeholder', [], { dtype: attr.type(v.dtype), shape: attr.shape(null) }, `in${i}`).output);
  const op = g.createOp(type, phs, { T: attr.type(inputs[0]!.dtype), ...attrs }, type);
  return lookupOpDef(type).cpu(inputs, kernelContext(op));
}

describe('runtime errors in TF words', () => {
  it('Reshape', () => {
    expect(() => run('Reshape', [f([1, 2, 3, 4]), n([3])])).toThrow('Input to reshape is a tensor with 4 values, but the requested shape has 3');
    expect(() => run('Reshape', [f([1, 2, 3, 4]), n([-1, 3])])).toThrow('Input to reshape is a tensor with 4 values, but the requested shape requires a multiple of 3');
    expect(() => run('Reshape', [f([1, 2]), n([-1, -1])])).toThrow('Only one input size may be -1, not both 0 and 1');
  });
  it('Tile, Transpose, ConcatV2, Slice, Range', () => {
    expect(() => run('Tile', [f([[1, 2]]), n([2])])).toThrow('Expected multiples argument to be a vector of length 2 but got length 1');
    expect(() => run('Transpose', [f([[1, 2]]), n([0, 0])])).toThrow('0 is duplicated in the input.');
    expect(() => run('Transpose', [f([[1, 2]]), n([0])])).toThrow('transpose expects a vector of size 2. But input(1) is a vector of size 1');
    expect(() => run('ConcatV2', [f([[1, 2]]), f([[1, 2, 3], [4, 5, 6]]), n(0)], { N: attr.int(2) })).toThrow(
      'ConcatOp : Dimensions of inputs should match: shape[0] = [1,2] vs. shape[1] = [2,3]',
    );
    expect(() => run('Slice', [f([1, 2, 3]), n([2]), n([2])])).toThrow('Expected size[0] in [0, 1], but got 2');
    expect(() => run('Range', [n(0), n(5), n(0)], { Tidx: attr.type('int32') })).toThrow('Requires delta != 0');
  });
  it('reductions, MatMul, softmax cross-entropy, Gather', () => {
    expect(() => run('Sum', [f([[1, 2]]), n([2])], { Tidx: attr.type('int32'), keep_dims: attr.bool(false) })).toThrow(
      'Invalid reduction dimension (2 for input with 2 dimension(s)',
    );
    expect(() => run('MatMul', [f([[1, 2]]), f([[1, 2]])], { transpose_a: attr.bool(false), transpose_b: attr.bool(false) })).toThrow(
      'Matrix size-incompatible: In[0]: [1,2], In[1]: [1,2]',
    );
    expect(() => run('SoftmaxCrossEntropyWithLogits', [f([[1, 2]]), f([[1, 2, 3]])])).toThrow(
      'logits and labels must be same size: logits_size=[1,2] labels_size=[1,3]',
    );
    expect(() => run('Gather', [f([1, 2]), n([2])], { Tparams: attr.type('float32'), Tindices: attr.type('int32') })).toThrow('indices[0] = 2 is not in [0, 2)');
  });
  it('a Session run reports the node', () => {
    const g = new Graph();
    g.asDefault(() => {
      const x = placeholder('float32', [null], 'x');
      const y = array.reshape(x, [2, 2], 'square_up');
      const sess = new Session(g);
      expect(() => sess.run(y, new Map([[x, [1, 2, 3]]]))).toThrow(InvalidArgumentError);
      expect(() => sess.run(y, new Map([[x, [1, 2, 3]]]))).toThrow('{{node square_up}}');
      const a = placeholder('float32', [null, 2], 'a');
      const m = matmul(a, a, { transposeB: true });
      expect(sess.run(m, new Map([[a, [[1, 2]]]]))).toEqual([[5]]);
    });
  });
});
