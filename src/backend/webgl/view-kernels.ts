/**
 * Kernels that need a value's shape, not its elements, so a GPU value is never read back
 * for them: Reshape, ExpandDims, Squeeze, Identity and StopGradient of a texture are the
 * same texture under a new shape (the storage depends on the flat element order only,
 * layout.ts), and Shape, ShapeN, Size and Rank read shapes only.
 *
 * Both run the op's own CPU kernel (the specification, with TF's errors) on a value whose
 * data is only a length: these kernels read `data.length` and share `data`, never index it.
 * A view of a shape-only value (a fused step's output read for its shape) is shape-only too.
 */
import type { DType } from '../../engine/dtype.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { numElements } from '../../engine/shape.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { Kernel } from '../backend.ts';
import type { WebGLBackend } from './webgl-backend.ts';
import { shapeOnlyTensor, WebGLTensor } from './webgl-tensor.ts';

type Backend = Pick<WebGLBackend, 'stats' | 'download' | 'retain'>;

/** A stand-in for a value's elements: its shape and length only (what the view and shape kernels read). */
export function shapeOnlyValue(dtype: DType, shape: readonly number[]): TensorValue {
  return { dtype, shape, data: { length: numElements(shape) } as unknown as Float32Array };
}

const shapeOnly = (t: WebGLTensor): TensorValue => shapeOnlyValue(t.dtype, t.shape);

/**
 * The alias kernel: a texture input comes out as the same texture (one more reference),
 * a host input as the CPU kernel's result. `draw`, where given, handles host inputs instead.
 */
export function aliasKernel(b: Backend, def: OpDef, draw: Kernel<WebGLTensor> | null): Kernel<WebGLTensor> {
  return (inputs, ctx) => {
    const x = inputs[0]!;
    const rest = inputs.slice(1).map((t) => (t === null ? null : b.download(t)));
    if (x.texture === null && x.host === null) {
      // A shape-only value (a fused step's output read only for its shape, e.g. the folded
      // softmax cross-entropy's loss before its Mean: softmax-xent-fold.ts): so is its view.
      const [view] = def.cpu([shapeOnly(x), ...rest] as TensorValue[], ctx);
      return [shapeOnlyTensor(view!.shape)];
    }
    if (x.texture === null && draw !== null) return draw(inputs, ctx);
    if (x.texture === null) {
      const [out] = def.cpu([x.host!, ...rest] as TensorValue[], ctx);
      return [new WebGLTensor(out!.dtype, out!.shape, out!, null)];
    }
    const [view] = def.cpu([shapeOnly(x), ...rest] as TensorValue[], ctx);
    b.stats.aliases++;
    const host = x.host === null ? null : { dtype: x.dtype, shape: view!.shape, data: x.host.data };
    return [new WebGLTensor(x.dtype, view!.shape, host, b.retain(x.texture))];
  };
}

/** Shape, ShapeN, Size, Rank: the CPU kernel on the inputs' host values, or their shapes where they are on the GPU. */
export function shapeKernel(def: OpDef): Kernel<WebGLTensor> {
  return (inputs, ctx) => def.cpu(inputs.map((t) => t!.host ?? shapeOnly(t!)), ctx).map((v) => new WebGLTensor(v.dtype, v.shape, v, null));
}
