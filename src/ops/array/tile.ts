import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { Dim } from '../../engine/shape.ts';
import { allocateData, type TensorValue } from '../../engine/tensor-value.ts';
import { range, reshape, shape, size, stack, transpose } from '../../api/array.ts';
import { reduceSum } from '../../api/reduce.ts';
import { constantValueAsShape } from './constant-value.ts';
import { elements, intsOf, shapeError, stridesOf } from './indexing.ts';

/**
 * TF's `_TileGrad`: interleave multiples and the input shape ([m0, d0, m1, d1, …]),
 * reshape the gradient to that, and sum over the even (tiled) axes.
 */
function tileGrad(op: Tensor['op'], grads: readonly (Tensor | null)[]): (Tensor | null)[] {
  const inputShape = shape(op.inputs[0]!);
  const splitShape = reshape(transpose(stack([op.inputs[1]!, inputShape])), [-1]);
  const axes = range(0, size(splitShape), 2);
  const inputGrad = reduceSum(reshape(grads[0]!, splitShape), axes);
  // TF: "Fix shape inference".
  inputGrad.setShape(op.inputs[0]!.shape);
  return [inputGrad, null];
}

/** `Tile(input, multiples)`: repeat the input `multiples[i]` times along dimension i. */
export const Tile: OpDef = {
  type: 'Tile',
  infer: (ctx) => {
    const [x, multiplesT] = ctx.inputs as [Tensor, Tensor];
    let multiples = constantValueAsShape(multiplesT);
    if (x.shape !== null) {
      if (multiples === null) multiples = new Array<Dim>(x.shape.length).fill(null);
      else if (multiples.length !== x.shape.length) {
        throw shapeError(`Shape must be rank ${x.shape.length} but is rank ${multiples.length}`, ctx.op, ctx.inputs);
      }
    }
    if (multiples === null) return [{ dtype: x.dtype, shape: null }];
    const xs = x.shape;
    const out = multiples.map((m, i): Dim => {
      const d = xs === null ? null : xs[i]!;
      if (m === 1) return d;
      if (d === 1) return m;
      return m === null || d === null ? null : m * d;
    });
    return [{ dtype: x.dtype, shape: out }];
  },
  grad: tileGrad,
  cpu: (inputs, ctx) => {
    const [x, multiplesV] = inputs as [TensorValue, TensorValue];
    const rank = x.shape.length;
    const multiples = intsOf(multiplesV);
    if (multiplesV.shape.length !== 1 || multiples.length !== rank) {
      throw new InvalidArgumentError(`Expected multiples argument to be a vector of length ${rank} but got length ${multiples.length}`, ctx.op.name);
    }
    multiples.forEach((m, i) => {
      if (m < 0) throw new InvalidArgumentError(`Expected multiples[${i}] >= 0, but got ${m}`, ctx.op.name);
    });
    const outShape = x.shape.map((d, i) => d * multiples[i]!);
    const n = outShape.reduce((a, b) => a * b, 1);
    const data = allocateData(x.dtype, n);
    const out: TensorValue = { dtype: x.dtype, shape: outShape, data };
    if (n === 0) return [out];
    if (rank === 0) {
      elements(out)[0] = elements(x)[0];
      return [out];
    }
    const src = elements(x);
    const dst = elements(out);
    const inStrides = stridesOf(x.shape);
    const outStrides = stridesOf(outShape);
    // Copy the input once into the first block of each dimension, innermost first, then
    // replicate that block along the dimension: every element is written once per repeat.
    const copyIn = (dim: number, inOff: number, outOff: number): void => {
      const len = x.shape[dim]!;
      if (dim === rank - 1) {
        for (let i = 0; i < len; i++) dst[outOff + i] = src[inOff + i];
      } else {
        for (let i = 0; i < len; i++) copyIn(dim + 1, inOff + i * inStrides[dim]!, outOff + i * outStrides[dim]!);
      }
      replicate(dim, outOff);
    };
    const replicate = (dim: number, outOff: number): void => {
      const block = x.shape[dim]! * outStrides[dim]!;
      for (let r = 1; r < multiples[dim]!; r++) {
        const to = outOff + r * block;
        for (let i = 0; i < block; i++) dst[to + i] = dst[outOff + i];
      }
    };
    copyIn(0, 0, 0);
    return [out];
  },
};
