/**
 * The fused steps of a softmax cross-entropy fold (softmax-xent-fold.ts): the op itself
 * (shape-only outputs for what is folded), the Mul computing the backprop in its draw, and
 * the Mean computing the per-row losses in its draw. Each runs the ops' own kernels in
 * turn (`kernelOf`) where the fold does not apply at run time: inputs all small on the host
 * (the small-tensor rule), logits and labels that are not equal-shaped matrices (TF's
 * errors), or a Mul or Mean whose shapes make it more than a scale or a mean of all rows.
 */
import type { Operation } from '../../engine/graph.ts';
import type { KernelContext, OpDef } from '../../engine/op-def.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import { numElements } from '../../engine/shape.ts';
import { broadcastShape } from '../../ops/kernels/elementwise.ts';
import type { FusedKernel, Kernel, PlannedRun } from '../backend.ts';
import type { GpuProgram } from './program.ts';
import { fusedElementwiseProgram } from './programs/fused.ts';
import { reductionTexels } from './programs/reduce.ts';
import { softmaxCrossEntropyPrograms } from './programs/softmax.ts';
import { xentBackpropTexels, xentMeanProgram } from './programs/softmax-xent-fold.ts';
import type { XentFold } from './softmax-xent-fold.ts';
import { shapeOnlyValue } from './view-kernels.ts';
import type { WebGLBackend } from './webgl-backend.ts';
import { shapeOnlyTensor, WebGLTensor } from './webgl-tensor.ts';

type Host = Pick<WebGLBackend, 'context' | 'gpu' | 'download' | 'dispose' | 'countFused' | 'drawProgram' | 'small'>;
type K = Kernel<WebGLTensor>;

/** The steps of `f`: the op's own (shape-only where folded), then the Mul's and the Mean's where folded. `kernelOf`: an op's plain kernel. */
export function xentFoldSteps(f: XentFold, host: Host, run: PlannedRun, kernelOf: (op: Operation) => K): FusedKernel<WebGLTensor>[] {
  const plainSce = kernelOf(f.sce);
  const sceCtx = run.context(f.sce);
  const [logits, labels] = f.sce.inputs;
  const steps: FusedKernel<WebGLTensor>[] = [{ ops: [f.sce], inputs: [logits!, labels!], kernel: sceKernel(f, host, plainSce) }];
  if (f.mul !== null) {
    const { op, input } = f.mul;
    steps.push({ ops: [op], inputs: [op.inputs[1 - input]!, logits!, labels!], kernel: mulKernel(input, host, (ins) => plainSce(ins, sceCtx), kernelOf(op)) });
  }
  if (f.mean !== null) {
    const { op, views } = f.mean;
    const viewSteps = views.map((v) => ({ kernel: kernelOf(v), cpu: lookupOpDef(v.type).cpu, ctx: run.context(v), extra: v.inputs.length - 1 }));
    steps.push({
      ops: [op],
      inputs: [logits!, labels!, op.inputs[1]!, ...views.flatMap((v) => v.inputs.slice(1))],
      kernel: meanKernel(op.attrs['keep_dims']?.value === true, host, (ins) => plainSce(ins, sceCtx), viewSteps, kernelOf(op)),
    });
  }
  return steps;
}

/** [rows, cols] of equal-shaped matrix logits and labels, or null (the op's own kernel raises TF's error). */
function matrix(logits: WebGLTensor, labels: WebGLTensor): [number, number] | null {
  const [a, b] = [logits.shape, labels.shape];
  return a.length === 2 && b.length === 2 && a[0] === b[0] && a[1] === b[1] ? [a[0]!, a[1]!] : null;
}

/** Every input on the host and small: the op's own kernels then run on the CPU (webgl-backend.ts `SMALL_ON_CPU`). */
const smallOnHost = (ins: readonly WebGLTensor[], small: number): boolean => ins.every((t) => t.texture === null && t.host !== null && t.host.data.length <= small);

/** The op's own step: draws only outputs that are not folded; a folded one is shape-only. */
function sceKernel(f: XentFold, host: Host, plain: K): K {
  const programs = new Map<string, readonly GpuProgram[]>();
  return (inputs, ctx) => {
    const [logits, labels] = inputs as [WebGLTensor, WebGLTensor];
    const m = matrix(logits, labels);
    if (m === null || smallOnHost([logits, labels], host.small)) return plain(inputs, ctx);
    const key = `${m[0]},${m[1]}`;
    let p = programs.get(key);
    if (p === undefined) programs.set(key, (p = softmaxCrossEntropyPrograms(logits.shape, labels.shape)));
    const draw = (k: number) => new WebGLTensor('float32', p![k]!.outputShape, null, host.drawProgram(p![k]!, [host.gpu(logits), host.gpu(labels)]));
    return [f.mean === null ? draw(0) : shapeOnlyTensor([m[0]]), f.mul === null ? draw(1) : shapeOnlyTensor(m)];
  };
}

/** Mul(other, backprop) in one draw, the backprop computed per texel; inputs: the Mul's other operand, logits, labels. */
function mulKernel(input: number, host: Host, sce: (ins: readonly WebGLTensor[]) => WebGLTensor[], plainMul: K): K {
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const [other, logits, labels] = inputs as [WebGLTensor, WebGLTensor, WebGLTensor];
    const m = matrix(logits, labels);
    if (m !== null && !smallOnHost([other, logits, labels], host.small)) {
      const key = `${other.shape.join(',')};${m.join(',')}`;
      let program = programs.get(key);
      if (program === undefined) programs.set(key, (program = mulProgram(input, other.shape, m)));
      if (program !== null) {
        const [o, l, y] = [host.gpu(other), host.gpu(logits), host.gpu(labels)];
        // The chain's sampler of the computed operand is declared but unread: bound to the logits.
        const out = host.context.run(program, [...(input === 0 ? [l, o] : [o, l]), l, y]);
        host.countFused(2);
        return [new WebGLTensor('float32', program.outputShape, null, out)];
      }
    }
    const [loss, backprop] = sce([logits, labels]);
    host.dispose(loss!);
    try {
      return plainMul(input === 0 ? [backprop!, other] : [other, backprop!], ctx);
    } finally {
      host.dispose(backprop!);
    }
  };
}

/** The Mul's program, or null where `other` broadcasts the product past the backprop's elements (or not at all). */
function mulProgram(input: number, other: readonly number[], [rows, cols]: [number, number]): GpuProgram | null {
  const shapes = input === 0 ? [[rows, cols], other] : [other, [rows, cols]];
  let outputShape: number[];
  try {
    outputShape = broadcastShape(shapes[0]!, shapes[1]!);
  } catch {
    return null;
  }
  if (numElements(outputShape) !== rows * cols || rows * cols === 0) return null;
  const chain = fusedElementwiseProgram({
    inputShapes: shapes, nodes: [{ type: 'Mul', args: [{ input: 0 }, { input: 1 }] }], outputShape,
    computedInput: { input, fn: 'xentGrad', glsl: xentBackpropTexels('sceLogits', 'sceLabels', rows, cols, 'xentGrad') },
  });
  return { ...chain, name: 'SoftmaxCrossEntropyWithLogits+Mul', inputs: [...chain.inputs, 'sceLogits', 'sceLabels'] };
}

/** A view between the loss and the Mean: its kernel, its CPU kernel (for shapes), its context, its inputs after the first. */
interface ViewStep { readonly kernel: K; readonly cpu: OpDef['cpu']; readonly ctx: KernelContext; readonly extra: number }

/** Mean(views(loss)) over every row in one draw; inputs: logits, labels, the Mean's axes, each view's inputs after its first. */
function meanKernel(keepDims: boolean, host: Host, sce: (ins: readonly WebGLTensor[]) => WebGLTensor[], views: readonly ViewStep[], plainMean: K): K {
  const programs = new Map<string, GpuProgram | null>();
  return (inputs, ctx) => {
    const ins = inputs as readonly WebGLTensor[];
    const [logits, labels, axes] = ins as [WebGLTensor, WebGLTensor, WebGLTensor];
    let k = 3;
    const extras = views.map((v) => ins.slice(k, (k += v.extra)));
    const m = matrix(logits, labels);
    if (m !== null && m[0] > 0 && !smallOnHost([logits, labels], host.small)) {
      const params = [axes, ...extras.flat()].map((t) => host.download(t));
      const key = `${m.join(',')}|${params.map((p) => `${p.shape.join(',')}:${Array.from(p.data as Int32Array).join(',')}`).join(';')}`;
      let program = programs.get(key);
      if (program === undefined) {
        const view = (shape: readonly number[], i: number) => views[i]!.cpu([shapeOnlyValue('float32', shape), ...extras[i]!.map((t) => host.download(t))], views[i]!.ctx)[0]!.shape;
        programs.set(key, (program = meanProgram(m, Array.from(params[0]!.data as Int32Array), keepDims, view, views.length)));
      }
      if (program !== null) {
        const out = host.context.run(program, [host.gpu(logits), host.gpu(labels)]);
        host.countFused(2);
        return [new WebGLTensor('float32', program.outputShape, null, out)];
      }
    }
    const [loss, backprop] = sce([logits, labels]);
    host.dispose(backprop!);
    let g = loss!;
    try {
      views.forEach((v, i) => {
        const [next] = v.kernel([g, ...extras[i]!], v.ctx);
        host.dispose(g);
        g = next!;
      });
      return plainMean([g, axes], ctx);
    } finally {
      host.dispose(g);
    }
  };
}

/** The mean program where the views and axes reduce the [rows] loss to one element (the mean of all rows), else null. */
function meanProgram(
  [rows, cols]: [number, number], axes: readonly number[], keepDims: boolean, view: (shape: readonly number[], i: number) => readonly number[], views: number,
): GpuProgram | null {
  try {
    let shape: readonly number[] = [rows];
    for (let i = 0; i < views; i++) shape = view(shape, i);
    const { outputShape } = reductionTexels('Mean', shape, axes, keepDims, 'x0', 'meanTexel');
    return numElements(outputShape) === 1 ? xentMeanProgram(rows, cols, outputShape) : null;
  } catch {
    return null; // a view or the axes fail: the unfused kernels raise TF's error
  }
}
