/**
 * Trace inputs (TensorBoard's "Trace inputs" toggle, render.ts `traceInputs`): every op the
 * selected op transitively reads from, control inputs included as TensorBoard includes
 * them, the edges walked, and every scope or series holding one of those ops, so the view
 * can highlight a collapsed scope that hides part of the trace.
 *
 *     const t = traceInputs(tree, tree.byNodeName('train/GradientDescent')!);
 *     t.ops.length            // every op it depends on
 *     t.groups.has(tree.byPath('layer1')!)   // true: layer1 holds some of them
 */
import type { ScopeTree } from './scope-tree.ts';

export interface TracedInputs {
  /** The start op and every op it reads from, transitively, in walk order (the start first). */
  readonly ops: readonly number[];
  /** Edge ids (into `tree.data.edgeSrc` etc.) walked. */
  readonly edges: readonly number[];
  /** Scopes and series holding a traced op (the root left out). */
  readonly groups: ReadonlySet<number>;
}

export interface TraceOptions {
  /** Follow control inputs too (TensorBoard does; default true). */
  readonly control?: boolean;
}

export function traceInputs(tree: ScopeTree, start: number, options: TraceOptions = {}): TracedInputs {
  if (tree.isScope(start)) throw new Error(`trace inputs starts from an op; '${tree.path(start)}' is a scope`);
  const control = options.control ?? true;
  const seen = new Set<number>([start]);
  const ops = [start];
  const edges: number[] = [];
  for (let k = 0; k < ops.length; k++) {
    for (const e of tree.inEdges(ops[k]!)) {
      if (!control && tree.data.edgeControl[e]) continue;
      edges.push(e);
      const src = tree.data.edgeSrc[e]!;
      if (!seen.has(src)) {
        seen.add(src);
        ops.push(src);
      }
    }
  }
  const groups = new Set<number>();
  for (const op of ops) {
    for (let p = tree.parent(op); p > 0 && !groups.has(p); p = tree.parent(p)) groups.add(p);
  }
  return { ops, edges, groups };
}
