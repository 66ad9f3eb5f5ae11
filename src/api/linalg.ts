import { attr } from '../engine/attr.ts';
import { Tensor } from '../engine/graph.ts';
import { convertToTensor, graphOf, type TensorLike } from '../engine/op-builder.ts';

export interface MatmulOptions {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  readonly name?: string;
}

/**
 * `tf.matmul(a, b, {transposeA, transposeB})` → `MatMul` (2-D only; TF would use
 * BatchMatMul for higher ranks). JS operands become `MatMul/a`, `MatMul/b`.
 *
 *     const h = tf.matmul(x, w);                           // [batch, in] x [in, out]
 *     const g = tf.matmul(dy, w, { transposeB: true });
 */
export function matmul(a: TensorLike, b: TensorLike, options: MatmulOptions = {}): Tensor {
  const { transposeA = false, transposeB = false, name = 'MatMul' } = options;
  const graph = graphOf([a, b]);
  return graph.nameScope(name, (scope) => {
    const ta = convertToTensor(a, undefined, 'a', graph);
    // JS numbers cannot say float or int; take a's dtype for a JS b.
    const tb = convertToTensor(b, b instanceof Tensor ? undefined : ta.dtype, 'b', graph);
    return graph.createOp('MatMul', [ta, tb], {
      T: attr.type(ta.dtype),
      transpose_a: attr.bool(transposeA),
      transpose_b: attr.bool(transposeB),
    }, scope).output;
  });
}
