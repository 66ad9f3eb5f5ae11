import type { DType } from '../../engine/dtype.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { GpuTexture } from './texture-pool.ts';

/**
 * A tensor on the WebGL backend: its host copy, its texture, or both (each filled on
 * demand). A texture may be shared with other tensors (aliases, variables): the backend
 * counts its holders, and no kernel ever writes into a texture it reads.
 * Neither host copy nor texture: a shape-only value (`shapeOnlyTensor`).
 */
export class WebGLTensor {
  constructor(
    readonly dtype: DType,
    readonly shape: readonly number[],
    public host: TensorValue | null,
    public texture: GpuTexture | null,
  ) {}
}

/**
 * A value that has a shape and no elements: what a fused kernel returns for a fused-away
 * member's output that later ops read only for its shape (backend.ts `shapeOutputs`).
 * Only shape kernels (view-kernels.ts `shapeKernel`) ever receive one.
 */
export function shapeOnlyTensor(shape: readonly number[]): WebGLTensor {
  return new WebGLTensor('float32', shape, null, null);
}
