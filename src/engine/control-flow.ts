import { attr } from './attr.ts';
import { ValueError } from './errors.ts';
import { getDefaultGraph, type Operation, Tensor } from './graph.ts';
import type { TensorConvertible } from './op-builder.ts';

type Groupable = Operation | Tensor | TensorConvertible & { op?: Operation; initializer?: Operation };

function toOp(x: Groupable): Operation {
  if (x instanceof Tensor) return x.op;
  if ('type' in x && 'graph' in x && 'outputs' in x) return x as Operation;
  // A Variable groups as its op, as in TF.
  if ('op' in x && x.op !== undefined) return x.op;
  return x.toTensor().op;
}

/** `tf.no_op`. */
export function noOp(name = 'NoOp'): Operation {
  return getDefaultGraph().createOp('NoOp', [], {}, name);
}

/**
 * `tf.group`: a `NoOp` (default name `group_deps`) whose control inputs are the given ops.
 *
 *     const train = tf.group([updateA, updateB], 'train');
 */
export function group(inputs: readonly Groupable[], name?: string): Operation {
  const g = getDefaultGraph();
  return g.nameScope(name ?? 'group_deps', (scope) => {
    const ops = inputs.map(toOp);
    return g.controlDependencies(ops, () => g.createOp('NoOp', [], {}, scope));
  });
}

/** TF's `with_dependencies`: an Identity of `t` (named `control_dependency`) that runs after `deps`. */
export function withDependencies(deps: readonly Operation[], t: Tensor, name?: string): Tensor {
  const g = t.graph;
  return g.nameScope(name ?? 'control_dependency', (scope) =>
    g.colocateWith(t.op, () =>
      g.controlDependencies(deps, () => g.createOp('Identity', [t], { T: attr.type(t.dtype) }, scope).output),
    ),
  );
}

/**
 * `tf.tuple`: the same tensors, each available only after all are computed
 * (`tuple/group_deps` and `tuple/control_dependency[_N]`), as the gradient driver gates them.
 */
export function tuple(tensors: readonly (Tensor | null)[], name?: string): (Tensor | null)[] {
  const g = getDefaultGraph();
  return g.nameScope(name ?? 'tuple', () => {
    const gating = [...new Set(tensors.filter((t): t is Tensor => t !== null).map((t) => t.op))].sort((a, b) => a.id - b.id);
    if (gating.length === 0) throw new ValueError(`Must have at least one Tensor: ${tensors}`);
    const gate = group(gating);
    return tensors.map((t) => (t === null ? null : withDependencies([gate], t)));
  });
}
