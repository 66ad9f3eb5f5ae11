/**
 * A bias gradient `Sum` whose result only feeds `ApplyGradientDescent` (through TF's
 * Reshape back to the bias's shape and the `tuple` Identity) runs inside the update's
 * draw: the update program sums each gradient texel from the Sum's input where it would
 * have read the gradient's texture (programs/reduce.ts `reductionTexels`, programs/train.ts
 * `ComputedGrad`). The sum never has a texture and its own draw goes away — in the
 * benchmark's MLP, two draws per step (the hidden and output biases).
 *
 * The Sum's axes (and a Reshape's shape) are int32 values read on the host, as for the
 * Sum's own kernel (host-param-kernel.ts), so the program is built per input shape and
 * axes. The Sum and its views move to the update's place (update-gradient.ts says when
 * that is safe).
 *
 *     const u = findReduceUpdate(run, op, taken); // { producer: Sum, views: [Reshape, Identity] } for the MLP's hidden/b update
 */
import type { Operation } from '../../engine/graph.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { Kernel, PlannedRun } from '../backend.ts';
import type { GpuProgram } from './program.ts';
import { reductionTexels } from './programs/reduce.ts';
import { updatePrograms } from './programs/train.ts';
import { findUpdateGradient, GRAD_INPUT, type UpdateGradient } from './update-gradient.ts';
import { shapeOnlyValue } from './view-kernels.ts';
import type { WebGLBackend } from './webgl-backend.ts';
import { WebGLTensor } from './webgl-tensor.ts';

const VIEWS = new Set(['Identity', 'Reshape']);

/** The float32 `Sum` (int32 axes) whose result `update` alone reads as its gradient, through Reshape/Identity; or null. */
export function findReduceUpdate(run: PlannedRun, update: Operation, taken: ReadonlySet<Operation>): UpdateGradient | null {
  const g = findUpdateGradient(run, update, taken, 'Sum', VIEWS);
  if (g === null || g.producer.inputs[0]!.dtype !== 'float32' || g.producer.inputs[1]!.dtype !== 'int32') return null;
  return g;
}

type Host = Pick<WebGLBackend, 'context' | 'variables' | 'gpu' | 'retain' | 'countFused' | 'dispose' | 'download'>;

/** The unfused steps' kernels: the Sum's, each view's, the update's. */
export interface UnfusedKernels {
  readonly sum: Kernel<WebGLTensor>;
  readonly views: readonly Kernel<WebGLTensor>[];
  readonly update: Kernel<WebGLTensor>;
}

/**
 * The kernel of Sum (+ views) + update, on `updateGradientInputs(u)`: one draw where the
 * variable is on the GPU, the learning rate a scalar and the views end in the variable's
 * shape; otherwise the unfused kernels in turn (small values on the host, TF's errors).
 */
export function reduceUpdateKernel(u: UpdateGradient, host: Host, unfused: UnfusedKernels, run: PlannedRun): Kernel<WebGLTensor> {
  const keepDims = u.producer.attrs['keep_dims']?.value === true;
  const sumCtx = run.context(u.producer);
  const views = u.views.map((op) => ({ cpu: lookupOpDef(op.type).cpu, ctx: run.context(op), extra: op.inputs.length - 1 }));
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const ins = inputs as readonly WebGLTensor[];
    const [x, axes] = ins as [WebGLTensor, WebGLTensor];
    let k = 2;
    const extras = views.map((v) => ins.slice(k, (k += v.extra)));
    const alpha = ins[k]!;
    const slot = ctx.ref(0);
    const resident = host.variables.textureOf(slot);
    if (resident !== null && alpha.shape.length === 0) {
      const params = [axes, ...extras.flat()].map((t) => host.download(t));
      const key = `${x.shape.join(',')}|${params.map((p) => `${p.shape.join(',')}:${Array.from(p.data as Int32Array).join(',')}`).join(';')}|${resident.shape.join(',')}`;
      let program = programs.get(key);
      if (program === undefined) {
        const axesValues = Array.from(params[0]!.data as Int32Array);
        programs.set(key, (program = fusedProgram(x.shape, axesValues, keepDims, views.map((v, i) => (shape) => v.cpu([shapeOnlyValue('float32', shape), ...extras[i]!.map((t) => host.download(t))], v.ctx)[0]!.shape), resident.shape)));
      }
      if (program !== null) {
        const out = host.context.run(program, [host.gpu(x), resident.texture, host.gpu(alpha), resident.texture]);
        host.countFused(views.length + 2);
        host.variables.hold(slot, out, resident.shape, null);
        return [new WebGLTensor('float32', resident.shape, null, host.retain(out))];
      }
    }
    let [g] = unfused.sum([x, axes], sumCtx);
    try {
      views.forEach((v, i) => {
        const [next] = unfused.views[i]!([g!, ...extras[i]!], v.ctx);
        host.dispose(g!);
        g = next;
      });
      return unfused.update([null, alpha, g!], ctx);
    } finally {
      host.dispose(g!);
    }
  };
}

/**
 * Sum + update, or null where these shapes and axes do not fold (a bad axis, a view that
 * fails or does not end in the variable's shape: the unfused steps then raise TF's errors).
 * `views` map a shape through each view op's own CPU kernel (on a shape-only value).
 */
function fusedProgram(
  xShape: readonly number[], axes: readonly number[], keepDims: boolean, views: readonly ((shape: readonly number[]) => readonly number[])[], varShape: readonly number[],
): GpuProgram | null {
  let r;
  let shape: readonly number[];
  try {
    r = reductionTexels('Sum', xShape, axes, keepDims, 'sumX', 'sumTexel');
    shape = views.reduce((s, view) => view(s), r.outputShape);
  } catch {
    return null;
  }
  if (shape.length !== varShape.length || shape.some((d, i) => d !== varShape[i])) return null;
  const [update] = updatePrograms('ApplyGradientDescent', varShape, false, { input: GRAD_INPUT, fn: 'sumTexel', glsl: r.glsl });
  return { name: 'Sum+ApplyGradientDescent', inputs: ['sumX', ...update!.inputs], outputShape: varShape, perTexel: true, source: update!.source };
}
