import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { Tensor } from '../../engine/graph.ts';
import type { InferContext, OpDef, OutputSpec } from '../../engine/op-def.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';
import { constantValue } from '../array/constant-value.ts';
import { shapeError } from '../array/indexing.ts';

function inferArg(ctx: InferContext): OutputSpec[] {
  const [x, dimT] = ctx.inputs as [Tensor, Tensor];
  const dtype = ctx.attrs['output_type'] === undefined ? 'int32' : getAttr(ctx.attrs, 'output_type', 'type', ctx.op.name);
  const dimV = constantValue(dimT);
  if (x.shape === null) return [{ dtype, shape: null }];
  const rank = x.shape.length;
  if (dimV === null) return [{ dtype, shape: new Array(Math.max(rank - 1, 0)).fill(null) }];
  const dim = (dimV.data as Int32Array)[0]!;
  if (dim < -rank || dim >= rank) {
    throw shapeError(`Dimension (${dim}) must be in the range [${-rank}, ${rank}), where ${rank} is the number of dimensions in the input.`, ctx.op, ctx.inputs);
  }
  const axis = dim < 0 ? dim + rank : dim;
  return [{ dtype, shape: x.shape.filter((_, i) => i !== axis) }];
}

/** The index of the first extreme element along one axis (`better(a, b)`: a beats b). */
function argKernel(better: (a: number, b: number) => boolean): OpDef['cpu'] {
  return (inputs, ctx) => {
    const [x, dimV] = inputs as [TensorValue, TensorValue];
    const rank = x.shape.length;
    const dim = (dimV.data as Int32Array)[0]!;
    if (dim < -rank || dim >= rank) {
      throw new InvalidArgumentError(`Expected dimension in the range [${-rank}, ${rank}), but got ${dim}`, ctx.op.name);
    }
    const axis = dim < 0 ? dim + rank : dim;
    const len = x.shape[axis]!;
    if (len === 0) throw new InvalidArgumentError(`Reduction axis ${axis} is empty in shape [${x.shape.join(',')}]`, ctx.op.name);
    const outer = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const out = allocate('int32', x.shape.filter((_, i) => i !== axis));
    const src = x.data as Float32Array | Int32Array;
    const dst = out.data as Int32Array;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * len * inner + i;
        let best = 0;
        let bestValue = src[base]!;
        for (let k = 1; k < len; k++) {
          const v = src[base + k * inner]!;
          if (better(v, bestValue)) {
            best = k;
            bestValue = v;
          }
        }
        dst[o * inner + i] = best;
      }
    }
    return [out];
  };
}

/** `ArgMax(input, dimension)`; TF's default output is int64, ours int32 (attr `output_type` int32). */
export const ArgMax: OpDef = { type: 'ArgMax', infer: inferArg, grad: null, cpu: argKernel((a, b) => a > b) };

/** `ArgMin(input, dimension)`; int32 output. */
export const ArgMin: OpDef = { type: 'ArgMin', infer: inferArg, grad: null, cpu: argKernel((a, b) => a < b) };
