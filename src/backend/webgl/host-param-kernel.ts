/**
 * The GPU kernel of an op whose int32 parameter inputs (reduction axes, Tile multiples,
 * Transpose perm, Slice begin/size) shape its program (kernels.ts `HostParamKernel`).
 * Those parameters are read on the host — they are nearly always constants there already,
 * so this costs no readback — and the op's other inputs are bound to the program's
 * samplers in op order. Programs are built once per input shapes + parameter values.
 *
 * Before this, `Sum`/`Mean` ran on the CPU, and each read back everything queued on the
 * GPU: three stalls per MLP training step (two bias gradients and the loss).
 *
 *     const kernel = hostParamKernel(backend, op, webglHostParamKernels['Sum']!, cpuKernel);
 *     const [sum] = kernel([x, axes], ctx); // x on the GPU stays there
 */
import type { Operation } from '../../engine/graph.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { Kernel } from '../backend.ts';
import type { HostParamKernel } from './kernels.ts';
import type { GpuProgram } from './program.ts';
import type { GpuTexture } from './texture-pool.ts';
import { WebGLTensor } from './webgl-tensor.ts';

/** What the kernel needs from the backend (WebGLBackend implements it). */
export interface HostParamHost {
  gpu(t: WebGLTensor): GpuTexture;
  download(t: WebGLTensor): TensorValue;
  drawProgram(program: GpuProgram, textures: readonly GpuTexture[]): GpuTexture;
  retain(texture: GpuTexture): GpuTexture;
  readonly stats: { aliases: number };
}

/** Whether `spec` can run `op` on the GPU: parameters int32, every other input and output float32. */
export function hostParamApplies(op: Operation, spec: HostParamKernel): boolean {
  const params = new Set(spec.hostInputs);
  return op.inputs.every((t, i) => (params.has(i) ? t.dtype === 'int32' : t.dtype === 'float32')) && op.outputs.every((t) => t.dtype === 'float32');
}

/**
 * The op's GPU kernel. When the program cannot be built for these parameters (an axis out
 * of range, a slice past the end), `cpu` runs instead so the user sees TensorFlow's error
 * for the op, the same on both backends.
 */
export function hostParamKernel(host: HostParamHost, op: Operation, spec: HostParamKernel, cpu: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
  const params = new Set(spec.hostInputs);
  const programs = new Map<string, readonly GpuProgram[]>();
  return (inputs, ctx) => {
    const ins = inputs as readonly WebGLTensor[];
    const values = spec.hostInputs.map((i) => Int32Array.from(host.download(ins[i]!).data as Int32Array));
    const shapes = ins.map((t) => t.shape);
    const copy = spec.copyShape?.(op, shapes, values) ?? null;
    if (copy !== null) return [view(host, ins[0]!, copy)];
    const key = `${shapes.map((s) => s.join(',')).join(';')}|${values.map((v) => v.join(',')).join(';')}`;
    let made = programs.get(key);
    if (made === undefined) {
      try {
        const p = spec.make(op, shapes, values);
        made = Array.isArray(p) ? p : [p as GpuProgram];
      } catch (programError) {
        cpu(inputs, ctx); // throws TensorFlow's error for these parameters
        throw programError; // the CPU accepted them: a program bug, not bad input
      }
      programs.set(key, made);
    }
    const textures = ins.filter((_, i) => !params.has(i)).map((t) => host.gpu(t));
    return made.map((p, k) => new WebGLTensor(op.outputs[k]!.dtype, p.outputShape, null, host.drawProgram(p, textures)));
  };
}

/** `x` under `shape` (the same elements in the same order): its texture shared, or its host data. */
function view(host: HostParamHost, x: WebGLTensor, shape: readonly number[]): WebGLTensor {
  const data = x.host === null ? null : { dtype: x.dtype, shape, data: x.host.data };
  if (x.texture === null) return new WebGLTensor(x.dtype, shape, data, null);
  host.stats.aliases++;
  return new WebGLTensor(x.dtype, shape, data, host.retain(x.texture));
}
