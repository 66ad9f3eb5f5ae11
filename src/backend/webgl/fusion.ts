/**
 * Plan-time fusion (issue 5): find the maximal groups of element-wise ops in a planned run
 * that can be one shader. A group grows from a root backwards through producers whose
 * output is read only inside the group (not fetched, not fed, no reader outside but, with
 * `shapeReader`, ops that read its shape after the root), so the intermediates never need
 * a texture. Pure graph logic: the WebGL backend turns each
 * group into a `fusedElementwiseProgram` (programs/fused.ts).
 *
 *     // sigmoid(square(x * 1.5 + 0.5) - x): Mul, Add, Square, Sub, Sigmoid, one group
 *     findElementwiseGroups(run, { fusable: (op) => isFusable(op.type) })
 */
import type { Operation, Tensor } from '../../engine/graph.ts';
import { lookupOpDef } from '../../engine/registry.ts';
import type { PlannedRun } from '../backend.ts';
import type { FusedNode } from './programs/fused.ts';

/** A group of ops to run as one program: members in plan order (root last), the values it reads, one node per member. */
export interface ElementwiseGroup {
  readonly ops: readonly Operation[];
  /** Values computed outside the group, in sampler order (first use first). */
  readonly inputs: readonly Tensor[];
  readonly nodes: readonly FusedNode[];
  /**
   * Members' outputs that ops outside the group read for their shape only (`rules.shapeReader`):
   * the group's kernel returns a shape-only value for each, after the root's output.
   */
  readonly shapeOutputs: readonly ShapeOutput[];
}

/** A fused-away member's output still asked for its shape: the tensor and its node in `nodes`. */
export interface ShapeOutput {
  readonly tensor: Tensor;
  readonly node: number;
}

export interface GroupingRules {
  /** Whether `op` may be a member (e.g. a fusable type, float32 in and out, one output). */
  readonly fusable: (op: Operation) => boolean;
  /** Whether a member may be the group's root; default any. (Identity is free on its own, so WebGL roots no group at one.) */
  readonly rootable?: (op: Operation) => boolean;
  /**
   * Whether `reader` needs only its inputs' shapes (Shape, Size…). A value whose readers
   * outside the group are all such ops, planned after the root, can still be fused away:
   * the kernel hands those readers a shape-only value. Default: none (every reader needs data).
   */
  readonly shapeReader?: (reader: Operation) => boolean;
  /** At most this many distinct inputs (samplers); default 8. */
  readonly maxInputs?: number;
  /** At most this many members (shader size); default 32. */
  readonly maxOps?: number;
}

/**
 * The groups of two or more ops worth fusing in `run`, disjoint, roots taken from the end
 * of the plan backwards so each group is as large as the rules allow.
 */
export function findElementwiseGroups(run: PlannedRun, rules: GroupingRules): ElementwiseGroup[] {
  const maxInputs = rules.maxInputs ?? 8;
  const maxOps = rules.maxOps ?? 32;
  const rootable = rules.rootable ?? (() => true);
  const position = new Map(run.ops.map((op, i) => [op, i]));
  // An op something waits for (`^op`) must run where the plan put it, not later with a group.
  const awaited = new Set(run.ops.flatMap((op) => op.controlInputs));
  // Ops that write variables in place: a member must not move past one (it might read that variable).
  const writers = run.ops.flatMap((op, i) => ((lookupOpDef(op.type).refInputs ?? []).length > 0 ? [i] : []));
  const grouped = new Set<Operation>();
  const groups: ElementwiseGroup[] = [];
  for (let r = run.ops.length - 1; r >= 0; r--) {
    const root = run.ops[r]!;
    if (grouped.has(root) || !rules.fusable(root) || !rootable(root) || root.outputs.some((t) => run.isFed(t))) continue;
    const members = new Set<Operation>([root]);
    const canJoin = (t: Tensor): boolean => {
      const p = t.op;
      const at = position.get(p);
      if (at === undefined || members.has(p) || grouped.has(p) || awaited.has(p) || !rules.fusable(p)) return false;
      if (run.isFed(t) || run.isFetched(t) || !readOnlyInside(run, t, members, position, r, rules.shapeReader)) return false;
      if (writers.some((w) => w > at && w < r)) return false;
      return members.size < maxOps && externalInputs([...members, p]).length <= maxInputs;
    };
    // Joining one producer can make another's readers all members (a diamond): repeat until nothing joins.
    for (let grew = true; grew;) {
      grew = false;
      for (const m of [...members]) {
        for (const t of m.inputs) {
          if (canJoin(t)) {
            members.add(t.op);
            grew = true;
          }
        }
      }
    }
    if (members.size < 2) continue;
    const ops = [...members].sort((a, b) => position.get(a)! - position.get(b)!);
    for (const op of ops) grouped.add(op);
    groups.push(groupOf(ops, run));
  }
  return groups.reverse();
}

/**
 * Whether every reader of `t` is a member, or (with `shapeReader`) an op that reads only
 * its shape and is planned after the root at position `root` (so the fused step, which
 * runs at the root, has produced the shape-only value before it is read).
 */
export function readOnlyInside(
  run: PlannedRun, t: Tensor, members: ReadonlySet<Operation>, position: ReadonlyMap<Operation, number>, root: number,
  shapeReader: ((reader: Operation) => boolean) | undefined,
): boolean {
  return run.consumers(t).every((c) => members.has(c) || (shapeReader !== undefined && shapeReader(c) && position.get(c)! > root));
}

/** Tensors members read that no member computes, in first-use order. */
function externalInputs(members: readonly Operation[]): Tensor[] {
  const inside = new Set(members);
  const seen = new Set<Tensor>();
  for (const op of members) for (const t of op.inputs) if (!inside.has(t.op)) seen.add(t);
  return [...seen];
}

function groupOf(ops: readonly Operation[], run: PlannedRun): ElementwiseGroup {
  const nodeOf = new Map(ops.map((op, i) => [op, i]));
  const inputs: Tensor[] = [];
  const inputOf = new Map<Tensor, number>();
  const nodes = ops.map((op): FusedNode => ({
    type: op.type,
    args: op.inputs.map((t) => {
      const node = nodeOf.get(t.op);
      if (node !== undefined) return { node };
      let input = inputOf.get(t);
      if (input === undefined) {
        inputOf.set(t, (input = inputs.length));
        inputs.push(t);
      }
      return { input };
    }),
  }));
  const members = new Set(ops);
  const shapeOutputs = ops.slice(0, -1).flatMap((op, node) => {
    const t = op.outputs[0]!;
    return run.consumers(t).some((c) => !members.has(c)) ? [{ tensor: t, node }] : [];
  });
  return { ops, inputs, nodes, shapeOutputs };
}
