import { ValueError } from './errors.ts';
import { getDefaultGraph, type Graph, type Operation, Tensor } from './graph.ts';
import { lookupOpDef } from './registry.ts';
import { convertToTensor, type TensorLike } from './op-builder.ts';
import { tuple } from './control-flow.ts';
import { fill, shape } from '../api/array.ts';
import { addN, zerosLike } from '../api/math.ts';
import { constant } from './op-builder.ts';

export interface GradientsOptions {
  readonly name?: string;
  /** TF's `gate_gradients`: gate each op's input gradients with `tuple` (optimizers use this). */
  readonly gateGradients?: boolean;
}

type GradList = (Tensor | null | Tensor[])[];

/** Ops consumed by each tensor, in creation order (TF's `Tensor.consumers()`). */
function consumersOf(graph: Graph): Map<Tensor, Operation[]> {
  const m = new Map<Tensor, Operation[]>();
  for (const op of graph.operations) {
    for (const t of op.inputs) {
      let list = m.get(t);
      if (list === undefined) m.set(t, (list = []));
      list.push(op);
    }
  }
  return m;
}

/** TF's `_PendingCount`: ops between xs and ys, and how many gradient contributions each waits for. */
function pendingCounts(graph: Graph, toOps: readonly Operation[], fromOps: readonly Operation[]): Int32Array {
  const n = graph.operations.length;
  const reached = new Uint8Array(n);
  for (const op of toOps) reached[op.id] = 1;
  const consumers = consumersOf(graph);
  // TF's `_MarkReachedOps`: everything downstream of xs (ys are pre-marked, as in TF).
  const queue: Operation[] = [...fromOps];
  for (let q = 0; q < queue.length; q++) {
    const op = queue[q]!;
    if (reached[op.id] === 1) continue;
    reached[op.id] = 1;
    for (const out of op.outputs) queue.push(...(consumers.get(out) ?? []));
  }
  const between = new Uint8Array(n);
  const betweenList: Operation[] = [];
  const q2: Operation[] = [...toOps];
  for (let q = 0; q < q2.length; q++) {
    const op = q2[q]!;
    if (reached[op.id] === 1) {
      between[op.id] = 1;
      betweenList.push(op);
      reached[op.id] = 0;
      for (const inp of op.inputs) q2.push(inp.op);
    }
  }
  const pending = new Int32Array(n);
  for (const op of betweenList) for (const x of op.inputs) if (between[x.op.id] === 1) pending[x.op.id]! += 1;
  return pending;
}

function isTrainable(t: Tensor): boolean {
  return t.dtype === 'float32';
}

/**
 * `tf.gradients(ys, xs, gradYs)`: symbolic partial derivatives of sum(ys) with respect
 * to each x, built into the graph under `gradients/` exactly as TF 1.x's driver does
 * (same traversal order, so the same `gradients/<op>_grad/...` names and `AddN`s).
 * A variable in `xs` is differentiated through its ref, so its `read` Identity passes
 * the gradient on. Returns null for an x that ys do not depend on.
 *
 *     const [da, db] = tf.gradients(loss, [a, b]);
 */
export function gradients(
  ys: TensorLike | readonly TensorLike[],
  xs: TensorLike | readonly TensorLike[],
  gradYs?: readonly (TensorLike | null)[] | TensorLike,
  options: GradientsOptions = {},
): (Tensor | null)[] {
  const ysList = (Array.isArray(ys) ? ys : [ys]) as TensorLike[];
  const xsList = (Array.isArray(xs) ? xs : [xs]) as TensorLike[];
  const gyList: (TensorLike | null)[] = gradYs === undefined ? ysList.map(() => null) : ((Array.isArray(gradYs) ? gradYs : [gradYs]) as (TensorLike | null)[]);
  if (gyList.length !== ysList.length) throw new ValueError(`Passed ${gyList.length} grad_ys for ${ysList.length} ys`);
  const graph = getDefaultGraph();
  return graph.nameScope(options.name ?? 'gradients', () => {
    const yTensors = ysList.map((y) => convertToTensor(y));
    const xTensors = xsList.map((x) => asRef(x));
    const gradYTensors = yTensors.map((y, i) => {
      const gy = gyList[i];
      if (gy !== null && gy !== undefined) return convertToTensor(gy, y.dtype, `grad_ys_${i}`);
      return fill(shape(y), constant(1, y.dtype));
    });
    const toOps = yTensors.map((t) => t.op);
    const fromOps = xTensors.map((t) => t.op);
    const pending = pendingCounts(graph, toOps, fromOps);
    const grads = new Map<Operation, GradList>();
    const setGrad = (t: Tensor, g: Tensor): void => {
      let list = grads.get(t.op);
      if (list === undefined) grads.set(t.op, (list = t.op.outputs.map(() => [] as Tensor[])));
      (list[t.index] as Tensor[]).push(g);
    };
    yTensors.forEach((y, i) => setGrad(y, gradYTensors[i]!));
    const queue: Operation[] = [];
    const queued = new Set<Operation>();
    for (const op of toOps) {
      if (pending[op.id] === 0 && !queued.has(op)) {
        queued.add(op);
        queue.push(op);
      }
    }
    const stopOps = new Set(fromOps.filter((op) => op.inputs.every((inp) => pending[inp.op.id]! <= 0)));
    for (let q = 0; q < queue.length; q++) {
      const op = queue[q]!;
      const outGrads = aggregate(grads, op);
      const hasOutGrads = outGrads.some((g) => g !== null);
      const gradFn = hasOutGrads && !stopOps.has(op) ? lookupOpDef(op.type).grad : null;
      let inGrads: (Tensor | null)[];
      if (gradFn !== null && hasOutGrads) {
        outGrads.forEach((g, i) => {
          if (g === null && isTrainable(op.outputs[i]!)) outGrads[i] = zerosLike(op.outputs[i]!);
        });
        inGrads = graph.nameScope(`${op.name}_grad`, () => {
          let result = gradFn(op, outGrads);
          if (result.length !== op.inputs.length) {
            throw new ValueError(`Num gradients ${result.length} generated for op ${op.name} do not match num inputs ${op.inputs.length}`);
          }
          if (options.gateGradients === true && result.filter((g) => g !== null).length > 1) {
            result = graph.colocateWith(null, () => tuple(result));
          }
          return result;
        });
      } else {
        inGrads = op.inputs.map(() => null);
      }
      op.inputs.forEach((tIn, i) => {
        const g = inGrads[i];
        if (g !== null && g !== undefined) {
          g.setShape(tIn.shape);
          setGrad(tIn, g);
        }
      });
      for (const x of op.inputs) {
        pending[x.op.id]! -= 1;
        if (pending[x.op.id] === 0) queue.push(x.op);
      }
    }
    return xTensors.map((x) => {
      const list = grads.get(x.op);
      if (list === undefined) return null;
      const g = list[x.index];
      if (Array.isArray(g)) return g.length === 0 ? null : g.length === 1 ? g[0]! : addN(g);
      return g ?? null;
    });
  });
}

/** TF's `_AggregatedGrads`: one gradient per output, summing several with `AddN` (named in the `gradients/` scope). */
function aggregate(grads: Map<Operation, GradList>, op: Operation): (Tensor | null)[] {
  const list = grads.get(op) ?? op.outputs.map(() => [] as Tensor[]);
  const out = list.map((g) => {
    if (!Array.isArray(g)) return g;
    if (g.length === 0) return null;
    if (g.length === 1) return g[0]!;
    return addN(g);
  });
  grads.set(op, out);
  return out;
}

/** A variable is differentiated through its ref tensor (TF converts xs with `as_ref=True`). */
function asRef(x: TensorLike): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'object' && x !== null && 'ref' in x && (x as { ref: unknown }).ref instanceof Tensor) return (x as { ref: Tensor }).ref;
  return convertToTensor(x);
}
