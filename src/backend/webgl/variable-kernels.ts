/**
 * The WebGL kernels of the ops that touch variables, which stay on the GPU between runs
 * (resident-variables.ts): `VariableV2` reads the variable's texture (no copy), `Assign`
 * of a GPU value hands the variable a reference to the same texture (no draw), and ops
 * that update variables (`Apply*`) draw one program per variable and swap the textures.
 * Textures are immutable once drawn, so a swap needs no copy and earlier reads stay valid.
 */
import type { Operation } from '../../engine/graph.ts';
import type { OpDef, VariableSlot } from '../../engine/op-def.ts';
import type { Kernel } from '../backend.ts';
import type { GpuProgram } from './program.ts';
import type { GpuTexture } from './texture-pool.ts';
import type { WebGLBackend } from './webgl-backend.ts';
import { WebGLTensor } from './webgl-tensor.ts';

type Backend = Pick<WebGLBackend, 'context' | 'stats' | 'small' | 'variables' | 'gpu' | 'retain' | 'uploadTexture'>;

/**
 * `VariableV2`: a resident variable reads as its texture. A float32 host value larger than
 * the small-tensor limit goes up once and stays resident; small ones stay on the host.
 */
export function variableKernel(b: Backend, op: Operation, def: OpDef): Kernel<WebGLTensor> {
  return (_inputs, ctx) => {
    const slot = ctx.variable(op.name);
    const r = b.variables.textureOf(slot);
    if (r !== null) return [new WebGLTensor('float32', r.shape, r.cachedHost, b.retain(r.texture))];
    const [value] = def.cpu([], ctx); // TF's error for an uninitialized variable
    if (value!.dtype !== 'float32' || value!.data.length <= b.small) return [new WebGLTensor(value!.dtype, value!.shape, value!, null)];
    return [new WebGLTensor('float32', value!.shape, value!, b.retain(variableTexture(b, slot)))];
  };
}

/** `Assign` of a texture: the variable takes a reference to the same texture. Host values (and TF's shape errors) take `cpu`. */
export function assignKernel(b: Backend, cpu: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
  return (inputs, ctx) => {
    const value = inputs[1]!;
    const slot = ctx.ref(0);
    const current = variableShape(b, slot);
    const validate = ctx.op.attrs['validate_shape']?.value !== false;
    if (value.texture === null || value.dtype !== 'float32' || (validate && current !== null && !sameShape(current, value.shape))) return cpu(inputs, ctx);
    b.stats.aliases++;
    b.variables.hold(slot, b.retain(value.texture), value.shape, value.host);
    return [new WebGLTensor('float32', value.shape, value.host, b.retain(value.texture))];
  };
}

/**
 * `Apply*` (ops taking variables by reference) with GPU programs (kernels.ts contract):
 * each program reads the op's inputs in op order, a ref input as the variable's current
 * texture, and yields the new value of one ref (refInputs order). All draw before any
 * swap, as every update reads the old values. Small host-only variables, uninitialized
 * ones and shapes the programs were not written for take `cpu` (which raises TF's errors).
 */
export function updateKernel(
  b: Backend,
  op: Operation,
  def: OpDef,
  programs: (shapes: readonly (readonly number[])[]) => readonly GpuProgram[],
  cpu: Kernel<WebGLTensor>,
): Kernel<WebGLTensor> {
  const refs = def.refInputs!;
  return (inputs, ctx) => {
    const slots = refs.map((i) => ctx.ref(i));
    const onGpu = slots.some((s) => b.variables.textureOf(s) !== null) || inputs.some((t) => t !== null && (t.texture !== null || t.host!.data.length > b.small));
    const varShape = slots.map((s) => variableShape(b, s));
    const fits = varShape.every((s) => s !== null && sameShape(s, varShape[0]!)) && inputs.every((t) => t === null || t.shape.length === 0 || sameShape(t.shape, varShape[0]!));
    if (!onGpu || !fits) {
      if (!onGpu) b.stats.smallOnCpu++;
      return cpu(inputs, ctx);
    }
    const textures = op.inputs.map((_, i) => {
      const k = refs.indexOf(i);
      return k >= 0 ? variableTexture(b, slots[k]!) : b.gpu(inputs[i]!);
    });
    const shapes = op.inputs.map((_, i) => (refs.includes(i) ? varShape[refs.indexOf(i)]! : inputs[i]!.shape));
    const made = programs(shapes);
    if (made.length !== refs.length) throw new Error(`The WebGL kernel for '${op.type}' made ${made.length} programs; it updates ${refs.length} variables (one program each, kernels.ts)`);
    const outs = made.map((p) => b.context.run(p, textures));
    b.stats.gpuOps += outs.length;
    outs.forEach((tex, k) => b.variables.hold(slots[k]!, tex, varShape[k]!, null));
    return [new WebGLTensor('float32', varShape[0]!, null, b.retain(outs[0]!))];
  };
}

/** A variable's shape, from its texture or its host value; null when uninitialized. */
function variableShape(b: Backend, slot: VariableSlot): readonly number[] | null {
  return b.variables.textureOf(slot)?.shape ?? slot.value?.shape ?? null;
}

/** A variable's texture, uploading its host value once (it then stays on the GPU). */
function variableTexture(b: Backend, slot: VariableSlot): GpuTexture {
  const r = b.variables.textureOf(slot);
  if (r !== null) return r.texture;
  const host = slot.value!;
  return b.variables.hold(slot, b.uploadTexture(host.data as Float32Array, host.shape), host.shape, host).texture;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
