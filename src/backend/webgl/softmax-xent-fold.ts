/**
 * SoftmaxCrossEntropyWithLogits as TF's gradients use it: its backprop is read only by the
 * Mul that scales it by the upstream gradient (`ExpandDims(dloss) * backprop`), and its
 * loss only by the Mean of the per-example losses (through a Reshape), plus `Shape`
 * readers. Drawn op by op that is four draws per step (loss, backprop, Mul, Mean); here
 * the Mul's draw computes the backprop itself from logits and labels
 * (programs/softmax-xent-fold.ts), the Mean's draw computes the per-row losses itself, and
 * the SoftmaxCrossEntropyWithLogits step draws nothing: it hands out shape-only values
 * (webgl-tensor.ts), which the Reshape between it and the Mean passes on as a view
 * (view-kernels.ts) and `Shape` reads. Two draws instead of four.
 *
 * Every op keeps its place in the plan (nothing moves), so control edges need no care; the
 * Mul and the Mean read logits and labels later than the op did, which is only checked for
 * a variable's own value (a variable written in between would change it). Where shapes do
 * not allow the fold at run time, or everything is small on the host, each step runs the
 * ops' own kernels (TF's errors, the small-tensor rule).
 *
 *     const f = findXentFold(run, op, taken, shapeReader); // { sce, mul: { op, input: 1 }, mean: { op, views: [Reshape] } }
 */
import type { Operation, Tensor } from '../../engine/graph.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { PlannedRun } from '../backend.ts';
import { viewOfVariable } from './update-gradient.ts';

/** The SoftmaxCrossEntropyWithLogits op and what of its consumers is folded (at least one of the two). */
export interface XentFold {
  readonly sce: Operation;
  /** The Mul reading the backprop as its input `input`, computed in the Mul's draw. */
  readonly mul: { readonly op: Operation; readonly input: number } | null;
  /** The Mean reading the loss through `views` (each read only by the next, for data), computed in the Mean's draw. */
  readonly mean: { readonly op: Operation; readonly views: readonly Operation[] } | null;
}

const VIEWS = new Set(['Identity', 'Reshape', 'ExpandDims', 'Squeeze', 'StopGradient']);

/** Ops that write variables in place. */
const writes = (op: Operation): boolean => (lookupOpDef(op.type).refInputs ?? []).length > 0;

/**
 * What of `sce`'s consumers can compute from its inputs instead (`taken`: ops already in
 * other fused steps; `shapeReader`: ops that read only shapes, which shape-only values
 * serve); null where nothing can.
 */
export function findXentFold(run: PlannedRun, sce: Operation, taken: ReadonlySet<Operation>, shapeReader: (op: Operation) => boolean): XentFold | null {
  if (sce.type !== 'SoftmaxCrossEntropyWithLogits' || taken.has(sce)) return null;
  if ([...sce.inputs, ...sce.outputs].some((t) => t.dtype !== 'float32') || sce.outputs.some((t) => run.isFed(t))) return null;
  const position = new Map(run.ops.map((op, i) => [op, i]));
  const at = position.get(sce)!;
  // Logits and labels are read again at `op`'s place: a variable's own value must not be written in between.
  const stillValid = (op: Operation): boolean => !sce.inputs.some(viewOfVariable) || !run.ops.slice(at + 1, position.get(op)).some(writes);
  // The one op reading `t`'s elements (shape readers aside); null where `t` is fetched (then drawn), or read by several or none.
  const soleReader = (t: Tensor): Operation | null => {
    const readers = run.consumers(t).filter((c) => !shapeReader(c));
    return run.isFetched(t) || readers.length !== 1 || taken.has(readers[0]!) ? null : readers[0]!;
  };
  const backpropReader = soleReader(sce.outputs[1]!);
  let mul: XentFold['mul'] = null;
  if (backpropReader?.type === 'Mul' && stillValid(backpropReader) && [...backpropReader.inputs, ...backpropReader.outputs].every((t) => t.dtype === 'float32')) {
    mul = { op: backpropReader, input: backpropReader.inputs.indexOf(sce.outputs[1]!) };
  }
  let mean: XentFold['mean'] = null;
  const views: Operation[] = [];
  for (let t = sce.outputs[0]!, reader = soleReader(t); reader !== null; t = reader.outputs[0]!, reader = soleReader(t)) {
    if (reader.type === 'Mean') {
      if (reader.inputs[1]!.dtype === 'int32' && reader.outputs[0]!.dtype === 'float32' && stillValid(reader)) mean = { op: reader, views };
      break;
    }
    if (!VIEWS.has(reader.type) || reader.inputs[0] !== t || run.isFed(reader.outputs[0]!)) break;
    views.push(reader);
  }
  return mul === null && mean === null ? null : { sce, mul, mean };
}
