/**
 * The kernels of a fused element-wise group (fusion.ts): on the GPU, one
 * `fusedElementwiseProgram` draw per run (built once per input-shape signature); on the
 * host (all inputs small, the small-tensor rule), the members' own CPU kernels in order,
 * so results and TF's error messages are exactly those of the unfused ops.
 */
import { broadcastShape } from '../../ops/kernels/elementwise.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { Kernel, PlannedRun } from '../backend.ts';
import type { ElementwiseGroup } from './fusion.ts';
import type { GpuContext } from './gpu-context.ts';
import type { GpuProgram } from './program.ts';
import { type FusedNode, fusedElementwiseProgram } from './programs/fused.ts';
import type { GpuTexture } from './texture-pool.ts';
import { shapeOnlyTensor, WebGLTensor } from './webgl-tensor.ts';

/** What the fused kernels need of the backend. */
export interface FusedHost {
  readonly context: GpuContext;
  gpu(t: WebGLTensor): GpuTexture;
  download(t: WebGLTensor): TensorValue;
  countFused(ops: number): void;
}

/** One draw of the whole group. Shapes that do not broadcast take the CPU kernels, which raise TF's error for the right op. */
export function fusedGpuKernel(group: ElementwiseGroup, host: FusedHost, onHost: Kernel<WebGLTensor>): Kernel<WebGLTensor> {
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const ins = inputs as readonly WebGLTensor[];
    const key = ins.map((t) => t.shape.join(',')).join(';');
    let program = programs.get(key);
    if (program === undefined) {
      const inputShapes = ins.map((t) => t.shape);
      const outputShape = groupShape(group.nodes, inputShapes);
      program = outputShape === null ? null : fusedElementwiseProgram({ inputShapes, nodes: group.nodes, outputShape });
      programs.set(key, program);
    }
    if (program === null) return onHost(inputs, ctx);
    const out = host.context.run(program, ins.map((t) => host.gpu(t)));
    host.countFused(group.ops.length);
    const result = new WebGLTensor('float32', program.outputShape, null, out);
    return group.shapeOutputs.length === 0 ? [result] : [result, ...shapeOutputsOf(group, ins.map((t) => t.shape))];
  };
}

/** Shape-only values of the group's `shapeOutputs`, from its input shapes (which broadcast: a program was built). */
export function shapeOutputsOf(group: ElementwiseGroup, inputShapes: readonly (readonly number[])[]): WebGLTensor[] {
  const shapes = nodeShapes(group.nodes, inputShapes)!;
  return group.shapeOutputs.map((s) => shapeOnlyTensor(shapes[s.node]!));
}

/** The members' CPU kernels, one after another, on the host values of the inputs. */
export function fusedCpuKernel(group: ElementwiseGroup, run: PlannedRun, host: FusedHost): Kernel<WebGLTensor> {
  const members = group.ops.map((op) => ({ cpu: lookupOpDef(op.type).cpu, ctx: run.context(op) }));
  return (inputs) => {
    const values = inputs.map((t) => host.download(t!));
    const results: TensorValue[] = [];
    group.nodes.forEach((node, n) => {
      const args = node.args.map((a) => ('input' in a ? values[a.input]! : results[a.node]!));
      results.push(members[n]!.cpu(args, members[n]!.ctx)[0]!);
    });
    const out = results[results.length - 1]!;
    return [out, ...group.shapeOutputs.map((s) => results[s.node]!)].map((v) => new WebGLTensor(v.dtype, v.shape, v, null));
  };
}

/** The last node's shape, broadcasting node by node; null where some shapes do not broadcast. */
export function groupShape(nodes: readonly FusedNode[], inputShapes: readonly (readonly number[])[]): readonly number[] | null {
  const shapes = nodeShapes(nodes, inputShapes);
  return shapes === null ? null : shapes[shapes.length - 1]!;
}

/** Every node's shape, in node order; null where some shapes do not broadcast. */
function nodeShapes(nodes: readonly FusedNode[], inputShapes: readonly (readonly number[])[]): (readonly number[])[] | null {
  const shapes: (readonly number[])[] = [];
  try {
    for (const node of nodes) {
      shapes.push(node.args.map((a) => ('input' in a ? inputShapes[a.input]! : shapes[a.node]!)).reduce((s, t) => broadcastShape(s, t)));
    }
  } catch {
    return null;
  }
  return shapes;
}
