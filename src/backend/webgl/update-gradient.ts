/**
 * Where an `ApplyGradientDescent`'s gradient comes from, for the folds that compute it
 * inside the update's draw (matmul-update.ts: a weight gradient MatMul; reduce-update.ts:
 * a bias gradient Sum). TF's gradients hand an update its gradient through the `tuple`
 * Identity, and a bias gradient also through the Reshape back to the bias's shape; those
 * views are free, so the fold looks through them to the op that computes.
 *
 * Moving that op (and its views) to the update's place in the plan is safe because they
 * are pure and read values already computed (a variable's own value only where no
 * variable is written in between: checked). Ops that wait for them by a control edge are
 * only TF's `group_deps` NoOps, which do nothing; they now run before them. (An error of
 * the moved op would then surface at the update, naming it.)
 *
 *     findUpdateGradient(run, update, taken, 'Sum', new Set(['Identity', 'Reshape'])); // { producer: Sum, views: [Reshape, Identity] }
 */
import type { Operation, Tensor } from '../../engine/graph.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { PlannedRun } from '../backend.ts';

/** The update op's input that is the gradient. */
export const GRAD_INPUT = 2;

/** An update whose gradient is `producer`'s output passed through `views` (in plan order, each read only by the next). */
export interface UpdateGradient {
  readonly producer: Operation;
  readonly views: readonly Operation[];
  readonly update: Operation;
}

/**
 * The `producerType` op whose output `update` (an ApplyGradientDescent) alone reads as its
 * gradient, possibly through ops of `viewTypes` read by nothing else (`taken`: ops already
 * in other fused steps); null where there is none or where it must stay where it is (fed,
 * fetched, read elsewhere, awaited by anything but a NoOp, or reading a variable's value
 * while some variable is written between it and the update).
 */
export function findUpdateGradient(
  run: PlannedRun, update: Operation, taken: ReadonlySet<Operation>, producerType: string, viewTypes: ReadonlySet<string>,
): UpdateGradient | null {
  if (update.type !== 'ApplyGradientDescent' || update.inputs.some((t) => t.dtype !== 'float32')) return null;
  const views: Operation[] = [];
  let reader = update;
  let t: Tensor = update.inputs[GRAD_INPUT]!;
  for (;;) {
    const consumers = run.consumers(t);
    if (run.isFed(t) || run.isFetched(t) || consumers.length !== 1 || consumers[0] !== reader) return null;
    if (!viewTypes.has(t.op.type) || taken.has(t.op)) break;
    views.unshift(t.op);
    reader = t.op;
    t = t.op.inputs[0]!;
  }
  const producer = t.op;
  const position = new Map(run.ops.map((op, i) => [op, i]));
  const at = position.get(producer);
  if (producer.type !== producerType || at === undefined || taken.has(producer) || t.dtype !== 'float32') return null;
  const members = new Set([producer, ...views]);
  for (const op of run.ops) {
    if (op.controlInputs.some((c) => members.has(c)) && op.type !== 'NoOp') return null;
  }
  const end = position.get(update)!;
  const writesBetween = run.ops.slice(at + 1, end).some((op) => (lookupOpDef(op.type).refInputs ?? []).length > 0);
  if (writesBetween && [producer, ...views].some((op) => op.inputs.some(viewOfVariable))) return null;
  return { producer, views, update };
}

/** Ops whose output may share its input's storage (a variable's, on the host): view-kernels.ts's aliases. */
const VIEW_OPS = new Set(['Identity', 'Reshape', 'ExpandDims', 'Squeeze', 'StopGradient']);

/**
 * Whether `t` may be a variable's value itself (VariableV2, or a view of it), which an
 * update planned before the moved op's new place could change under it. Any computed
 * value (the MLP's `Relu`, a gradient) is a fresh value no update touches.
 */
export function viewOfVariable(t: Tensor): boolean {
  let op = t.op;
  while (VIEW_OPS.has(op.type)) op = op.inputs[0]!.op;
  return op.type === 'VariableV2';
}

/**
 * The fused step's inputs: the producer's, then each view's inputs after its first (a
 * Reshape's shape), then the update's inputs but the variables and the gradient.
 */
export function updateGradientInputs(u: UpdateGradient): Tensor[] {
  const refs = lookupOpDef(u.update.type).refInputs ?? [];
  return [
    ...u.producer.inputs,
    ...u.views.flatMap((v) => v.inputs.slice(1)),
    ...u.update.inputs.filter((_, i) => i !== GRAD_INPUT && !refs.includes(i)),
  ];
}
