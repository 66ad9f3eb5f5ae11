/**
 * A MatMul whose product is read only by one fused element-wise group (fusion.ts) runs
 * inside that group's draw: the tiled kernel's tile draw stays, and its gather draw computes
 * the chain on each gathered texel (programs/fused.ts `computedInput`). So the product
 * never has a texture, and one draw per such pair goes away. In the benchmark's MLP step
 * that is the backward `ReluGrad` and both forward `matmul + b (+ relu)` chains: the
 * forward products are also read by `Shape` (TF's Add gradient), which gets a shape-only
 * value from the fused step (backend.ts `shapeOutputs`).
 *
 *     const e = findMatMulEpilogue(run, group); // { matmul, input: 0 } for relu(matmul(x, w) + b)
 */
import type { Operation, Tensor } from '../../engine/graph.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { Kernel, PlannedRun } from '../backend.ts';
import { type FusedHost, groupShape, shapeOutputsOf } from './fused-kernel.ts';
import { type ElementwiseGroup, readOnlyInside } from './fusion.ts';
import type { GpuProgram } from './program.ts';
import { fusedElementwiseProgram } from './programs/fused.ts';
import { matMulProgram } from './programs/matmul.ts';
import { tiledMatMulParts } from './programs/matmul-tiled.ts';
import type { GpuTexture } from './texture-pool.ts';
import { shapeOnlyTensor, WebGLTensor } from './webgl-tensor.ts';

/** The MatMul feeding `group`'s input number `input`. */
export interface MatMulEpilogue {
  readonly matmul: Operation;
  readonly input: number;
  /** Whether ops after the group read the product's shape (TF's Add gradient: `Shape(matmul)`): the kernel then returns a shape-only product last. */
  readonly shapeRead: boolean;
}

/**
 * The first of `group`'s inputs that a float32 MatMul of this run computes for the group
 * alone (not fetched or fed, read by no other op, not awaited, no variable written
 * between it and the group's root): the MatMul can then run at the root, inside the
 * group's draw. Null where there is none.
 */
export function findMatMulEpilogue(
  run: PlannedRun, group: ElementwiseGroup, taken: ReadonlySet<Operation>, shapeReader?: (reader: Operation) => boolean,
): MatMulEpilogue | null {
  const position = new Map(run.ops.map((op, i) => [op, i]));
  const members = new Set(group.ops);
  const root = position.get(group.ops[group.ops.length - 1]!)!;
  const awaited = new Set(run.ops.flatMap((op) => op.controlInputs));
  for (let input = 0; input < group.inputs.length; input++) {
    const t: Tensor = group.inputs[input]!;
    const mm = t.op;
    const at = position.get(mm);
    if (mm.type !== 'MatMul' || at === undefined || taken.has(mm) || awaited.has(mm)) continue;
    if (t.dtype !== 'float32' || mm.inputs.some((x) => x.dtype !== 'float32')) continue;
    if (run.isFed(t) || run.isFetched(t) || !readOnlyInside(run, t, members, position, root, shapeReader)) continue;
    if (run.ops.slice(at + 1, root).some((op) => (lookupOpDef(op.type).refInputs ?? []).length > 0)) continue;
    return { matmul: mm, input, shapeRead: run.consumers(t).some((c) => !members.has(c)) };
  }
  return null;
}

/** What the kernel needs of the backend. */
export interface EpilogueHost extends FusedHost {
  drawProgram(program: GpuProgram, textures: readonly GpuTexture[]): GpuTexture;
}

/**
 * The kernel of MatMul + group. Its inputs: the MatMul's two operands, then the group's
 * inputs other than the product, in order (`epilogueInputs`). Where the product is not
 * tiled (fewer than 8 rows) or the chain broadcasts it to a larger output, it draws the
 * MatMul and then `groupKernel` on its product.
 */
export function epilogueKernel(e: MatMulEpilogue, group: ElementwiseGroup, host: EpilogueHost, groupKernel: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
  const ta = e.matmul.getAttr('transpose_a', 'bool');
  const tb = e.matmul.getAttr('transpose_b', 'bool');
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const [a, b, ...rest] = inputs as readonly WebGLTensor[];
    const mm = matMulProgram(a!.shape, b!.shape, ta, tb); // validates the shapes (TF's error)
    const product = mm.outputShape;
    const groupInputs = [...rest.slice(0, e.input), null, ...rest.slice(e.input)];
    const shapes = groupInputs.map((t) => (t === null ? product : t!.shape));
    const key = `${a!.shape.join(',')};${b!.shape.join(',')}|${shapes.map((s) => s.join(',')).join(';')}`;
    let program = programs.get(key);
    if (program === undefined) programs.set(key, (program = fusedProgram(e, group, a!.shape, b!.shape, ta, tb, shapes)));
    const productShape = e.shapeRead ? [shapeOnlyTensor(product)] : [];
    if (program === null) {
      const p = new WebGLTensor('float32', product, null, host.drawProgram(mm, [host.gpu(a!), host.gpu(b!)]));
      try {
        return [...groupKernel(groupInputs.map((t) => t ?? p), ctx), ...productShape];
      } finally {
        host.context.pool.release(p.texture!);
      }
    }
    const textures = [a!, b!, ...groupInputs.map((t) => t ?? a!)].map((t) => host.gpu(t));
    const out = host.context.run(program, textures);
    host.countFused(group.ops.length + 1);
    return [new WebGLTensor('float32', program.outputShape, null, out), ...shapeOutputsOf(group, shapes), ...productShape];
  };
}

/** One program for MatMul + chain, or null where the product's shape does not allow it. */
function fusedProgram(
  e: MatMulEpilogue, group: ElementwiseGroup, aShape: readonly number[], bShape: readonly number[], ta: boolean, tb: boolean,
  inputShapes: readonly (readonly number[])[],
): GpuProgram | null {
  const [m, k] = ta ? [aShape[1]!, aShape[0]!] : [aShape[0]!, aShape[1]!];
  const n = tb ? bShape[0]! : bShape[1]!;
  const outputShape = groupShape(group.nodes, inputShapes); // null: shapes that do not broadcast (the unfused path raises TF's error)
  if (outputShape === null || m < 8 || outputShape.reduce((x, y) => x * y, 1) !== m * n) return null;
  {
    const parts = tiledMatMulParts({ m, k, n, transposeA: ta, transposeB: tb });
    const chain = fusedElementwiseProgram({ inputShapes, nodes: group.nodes, outputShape, computedInput: { input: e.input, fn: 'matMulTexel', glsl: parts.gather } });
    // Samplers: the operands (read by the tile draw as x0, x1; unused here), the chain's inputs renamed past them, the tiles.
    const renamed = chain.source.replace(/\bx(\d+)\b/g, (_, d: string) => `c${d}`);
    return {
      name: `MatMul+${chain.name}`,
      inputs: ['mmA', 'mmB', ...chain.inputs.map((_, i) => `c${i}`), ...parts.samplers],
      outputShape: chain.outputShape,
      perTexel: true,
      stage: { program: parts.tiles, samplers: parts.samplers },
      source: renamed,
    };
  }
}

/** The inputs of the fused step: the MatMul's operands, then the group's inputs but the product. */
export function epilogueInputs(e: MatMulEpilogue, group: ElementwiseGroup): Tensor[] {
  return [...e.matmul.inputs, ...group.inputs.filter((_, i) => i !== e.input)];
}

/** The fused step's shape-only outputs, in the order its kernels return them: the group's, then the product's. */
export function epilogueShapeOutputs(e: MatMulEpilogue, group: ElementwiseGroup): Tensor[] {
  return [...group.shapeOutputs.map((s) => s.tensor), ...(e.shapeRead ? [e.matmul.outputs[0]!] : [])];
}

/** On the host (all inputs small there): the MatMul's CPU kernel, then the group's. */
export function epilogueCpuKernel(e: MatMulEpilogue, run: PlannedRun, host: FusedHost, groupCpu: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
  const cpu = lookupOpDef('MatMul').cpu;
  const ctx = run.context(e.matmul);
  return (inputs, groupCtx) => {
    const [a, b, ...rest] = inputs as readonly WebGLTensor[];
    const [product] = cpu([host.download(a!), host.download(b!)] as TensorValue[], ctx);
    const p = new WebGLTensor(product!.dtype, product!.shape, product!, null);
    const outs = groupCpu([...rest.slice(0, e.input), p, ...rest.slice(e.input)], groupCtx);
    return e.shapeRead ? [...outs, p] : outs;
  };
}
