/**
 * The CPU backend: values are `TensorValue`s and kernels are the ops' own `OpDef.cpu`
 * reference kernels, handed back unwrapped so a session runs them with no indirection.
 * Every registered op has one (`OpDef.cpu` is required), so no kernel can be missing.
 */
import type { OpDef } from '../engine/op-def.ts';
import type { Operation } from '../engine/graph.ts';
import { allocate, type TensorValue } from '../engine/tensor-value.ts';
import type { Backend, Kernel } from './backend.ts';

export class CpuBackend implements Backend<TensorValue> {
  readonly name = 'cpu';
  readonly disposes = false;

  allocate(dtype: TensorValue['dtype'], shape: readonly number[]): TensorValue {
    return allocate(dtype, shape);
  }

  upload(value: TensorValue): TensorValue {
    return value;
  }

  download(value: TensorValue): TensorValue {
    return value;
  }

  dispose(_value: TensorValue): void {}

  kernel(_op: Operation, def: OpDef): Kernel<TensorValue> {
    // Ref inputs arrive as null; CPU kernels read those through ctx.ref(i) and never touch them.
    return def.cpu as Kernel<TensorValue>;
  }
}

/** One shared instance: the CPU backend holds no state. */
export const cpuBackend = new CpuBackend();
