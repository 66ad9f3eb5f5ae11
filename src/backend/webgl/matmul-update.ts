/**
 * A weight gradient MatMul whose product only feeds `ApplyGradientDescent` (through TF's
 * `tuple` Identity, optionally) runs inside the update's draw: the tiled kernel's tile draw
 * stays, and the update program gathers each gradient texel from the tiles where it would
 * have read the gradient's texture (programs/train.ts `ComputedGrad`). The product never
 * has a texture and the update's own draw goes away — in the benchmark's MLP, a draw of
 * 25,088 texels (784×128) per step.
 *
 * The MatMul moves to the update's place in the plan (update-gradient.ts says when that is
 * safe).
 *
 *     const u = findMatMulUpdate(run, op, taken); // { matmul, chain: [Identity] } for the MLP's hidden/w update
 */
import type { Operation, Tensor } from '../../engine/graph.ts';
import type { Kernel, PlannedRun } from '../backend.ts';
import type { GpuProgram } from './program.ts';
import { matMulProgram } from './programs/matmul.ts';
import { tiledMatMulParts } from './programs/matmul-tiled.ts';
import { updatePrograms } from './programs/train.ts';
import { findUpdateGradient, GRAD_INPUT, updateGradientInputs } from './update-gradient.ts';
import type { WebGLBackend } from './webgl-backend.ts';
import { WebGLTensor } from './webgl-tensor.ts';

/** An `ApplyGradientDescent` whose gradient is `matmul`'s product, passed through the `chain` of Identity ops. */
export interface MatMulUpdate {
  readonly matmul: Operation;
  readonly chain: readonly Operation[];
  readonly update: Operation;
}

const IDENTITY = new Set(['Identity']);

/**
 * The MatMul whose product `update` (an ApplyGradientDescent) alone reads as its gradient,
 * possibly through Identity ops read by nothing else (`taken`: ops already in other fused
 * steps); null where there is none or where it must stay where it is (update-gradient.ts).
 */
export function findMatMulUpdate(run: PlannedRun, update: Operation, taken: ReadonlySet<Operation>): MatMulUpdate | null {
  const g = findUpdateGradient(run, update, taken, 'MatMul', IDENTITY);
  if (g === null || g.producer.inputs.some((x) => x.dtype !== 'float32')) return null;
  return { matmul: g.producer, chain: g.views, update };
}

/** The fused step's inputs: the MatMul's operands, then the update's inputs but the variable and the gradient. */
export function matMulUpdateInputs(u: MatMulUpdate): Tensor[] {
  return updateGradientInputs({ producer: u.matmul, views: u.chain, update: u.update });
}

type Host = Pick<WebGLBackend, 'context' | 'variables' | 'gpu' | 'retain' | 'countFused' | 'dispose'>;

/**
 * The kernel of MatMul + update: one tile draw and one update draw where the variable is on
 * the GPU with the product's shape and the product has 8+ rows; otherwise `matmulKernel`
 * then `updateKernel`, exactly the unfused steps (small values on the host, TF's errors).
 */
export function matMulUpdateKernel(u: MatMulUpdate, host: Host, matmulKernel: Kernel<WebGLTensor>, updateKernel: Kernel<WebGLTensor>, run: PlannedRun): Kernel<WebGLTensor> {
  const ta = u.matmul.getAttr('transpose_a', 'bool');
  const tb = u.matmul.getAttr('transpose_b', 'bool');
  const mmCtx = run.context(u.matmul);
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const [a, b, alpha] = inputs as readonly WebGLTensor[];
    const slot = ctx.ref(0);
    const resident = host.variables.textureOf(slot);
    const key = `${a!.shape.join(',')};${b!.shape.join(',')};${resident?.shape.join(',')};${alpha!.shape.length}`;
    let program = programs.get(key);
    if (program === undefined) programs.set(key, (program = resident === null ? null : fusedProgram(a!.shape, b!.shape, ta, tb, resident.shape, alpha!.shape)));
    if (program === null || resident === null) {
      const [product] = matmulKernel([a!, b!], mmCtx);
      try {
        return updateKernel([null, alpha!, product!], ctx);
      } finally {
        host.dispose(product!);
      }
    }
    const out = host.context.run(program, [a!, b!, alpha!].map((t) => host.gpu(t)).flatMap((t, i) => (i === 2 ? [resident.texture, t, resident.texture] : [t])));
    host.countFused(u.chain.length + 2);
    host.variables.hold(slot, out, resident.shape, null);
    return [new WebGLTensor('float32', resident.shape, null, host.retain(out))];
  };
}

/** Tiles + update, or null where the shapes do not allow it (the unfused steps then run, and raise TF's errors). */
function fusedProgram(
  aShape: readonly number[], bShape: readonly number[], ta: boolean, tb: boolean, varShape: readonly number[], alphaShape: readonly number[],
): GpuProgram | null {
  if (aShape.length !== 2 || bShape.length !== 2 || alphaShape.length !== 0) return null;
  const [m, k] = ta ? [aShape[1]!, aShape[0]!] : [aShape[0]!, aShape[1]!];
  const [k2, n] = tb ? [bShape[1]!, bShape[0]!] : [bShape[0]!, bShape[1]!];
  if (k !== k2 || m < 8 || varShape.length !== 2 || varShape[0] !== m || varShape[1] !== n) return null;
  matMulProgram(aShape, bShape, ta, tb); // the same checks as the unfused kernel
  const parts = tiledMatMulParts({ m, k, n, transposeA: ta, transposeB: tb });
  const [update] = updatePrograms('ApplyGradientDescent', varShape, false, { input: GRAD_INPUT, fn: 'matMulTexel', glsl: parts.gather });
  return {
    name: 'MatMul+ApplyGradientDescent',
    // The tile draw reads the operands (x0, x1 of its own program); the update reads var, alpha and (unused) its gradient sampler, then the tiles.
    inputs: ['mmA', 'mmB', ...update!.inputs, ...parts.samplers],
    outputShape: varShape,
    perTexel: true,
    stage: { program: parts.tiles, samplers: parts.samplers },
    source: update!.source,
  };
}
