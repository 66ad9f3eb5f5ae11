// tf.matmul's nodes and its gradient, as in the real TF 1.1 graph
// (../shared/data/real-events/tf1-morvan-tensorboard-2017: layer2/Wx_plus_b/MatMul_grad).
import { beforeEach, describe, expect, it } from 'vitest';
import { matmul } from '../../src/api/linalg.ts';
import { placeholder } from '../../src/api/state.ts';
import { gradients } from '../../src/engine/gradients.ts';
import { getDefaultGraph, resetDefaultGraph } from '../../src/engine/graph.ts';
import { listNodes } from '../ops/array/graph-listing.ts';

beforeEach(() => resetDefaultGraph());

const flags = (name: string) => {
  const op = getDefaultGraph().getOperationByName(name);
  return [op.getAttr('transpose_a', 'bool'), op.getAttr('transpose_b', 'bool')];
};

describe('matmul', () => {
  it('names JS operands `MatMul/a`, `MatMul/b` and records the transpose attrs', () => {
    const x = placeholder('float32', [null, 2], 'x');
    matmul(x, [[1], [2]]);
    matmul([[1, 2]], x, { transposeB: true, name: 'mm' });
    expect(listNodes()).toEqual(['MatMul/b: Const', 'MatMul: MatMul <- x, MatMul/b', 'mm/a: Const', 'mm: MatMul <- mm/a, x']);
    expect(Object.keys(getDefaultGraph().getOperationByName('MatMul').attrs).sort()).toEqual(['T', 'transpose_a', 'transpose_b']);
    expect(flags('mm')).toEqual([false, true]);
  });

  it('gradient: MatMul(grad, b, transpose_b) and MatMul_1(a, grad, transpose_a), as TF 1.1 wrote them', () => {
    const a = placeholder('float32', [null, 10], 'a');
    const w = placeholder('float32', [10, 1], 'w');
    gradients(matmul(a, w), [a, w]);
    expect(listNodes('gradients/MatMul_grad/')).toEqual(['MatMul: MatMul <- gradients/Fill, w', 'MatMul_1: MatMul <- a, gradients/Fill']);
    expect([flags('gradients/MatMul_grad/MatMul'), flags('gradients/MatMul_grad/MatMul_1')]).toEqual([[false, true], [true, false]]);
    expect(getDefaultGraph().getTensorByName('gradients/MatMul_grad/MatMul_1:0').shape).toEqual([10, 1]);
  });

  it('gradient operand order and flags for the transposed forms (TF 1.x _MatMulGrad)', () => {
    const cases: [boolean, boolean, string[], boolean[][]][] = [
      [false, true, ['MatMul: MatMul <- gradients/Fill, b', 'MatMul_1: MatMul <- gradients/Fill, a'], [[false, false], [true, false]]],
      [true, false, ['MatMul: MatMul <- b, gradients/Fill', 'MatMul_1: MatMul <- a, gradients/Fill'], [[false, true], [false, false]]],
      [true, true, ['MatMul: MatMul <- b, gradients/Fill', 'MatMul_1: MatMul <- gradients/Fill, a'], [[true, true], [true, true]]],
    ];
    for (const [transposeA, transposeB, nodes, fl] of cases) {
      resetDefaultGraph();
      const a = placeholder('float32', [3, 3], 'a');
      const b = placeholder('float32', [3, 3], 'b');
      gradients(matmul(a, b, { transposeA, transposeB }), [a, b]);
      expect(listNodes('gradients/MatMul_grad/')).toEqual(nodes);
      expect([flags('gradients/MatMul_grad/MatMul'), flags('gradients/MatMul_grad/MatMul_1')]).toEqual(fl);
    }
  });
});
