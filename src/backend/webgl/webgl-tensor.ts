import type { DType } from '../../engine/dtype.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { GpuTexture } from './texture-pool.ts';

/**
 * A tensor on the WebGL backend: its host copy, its texture, or both (each filled on
 * demand). A texture may be shared with other tensors (aliases, variables): the backend
 * counts its holders, and no kernel ever writes into a texture it reads.
 */
export class WebGLTensor {
  constructor(
    readonly dtype: DType,
    readonly shape: readonly number[],
    public host: TensorValue | null,
    public texture: GpuTexture | null,
  ) {}
}
