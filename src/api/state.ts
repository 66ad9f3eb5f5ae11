import { attr } from '../engine/attr.ts';
import { group, noOp } from '../engine/control-flow.ts';
import type { DType } from '../engine/dtype.ts';
import { getDefaultGraph, type Operation, type Tensor } from '../engine/graph.ts';
import { constant as buildConstant } from '../engine/op-builder.ts';
import type { Shape } from '../engine/shape.ts';
import type { ValueLike } from '../engine/tensor-value.ts';
import { globalVariables, type Variable } from '../engine/variable.ts';

/**
 * `tf.placeholder(dtype, shape, name)`: a value supplied by the feed at `run` time.
 * `shape` undefined means unknown rank; `null` dims are unknown sizes.
 *
 *     const x = tf.placeholder('float32', [null, 784], 'x');
 */
export function placeholder(dtype: DType, shape?: Shape, name = 'Placeholder'): Tensor {
  const g = getDefaultGraph();
  return g.createOp('Placeholder', [], { dtype: attr.type(dtype), shape: attr.shape(shape ?? null) }, name).output;
}

/**
 * `tf.constant(value, dtype?, shape?, name?)`. JS numbers become float32 (as in TensorFlow.js);
 * pass `'int32'` for integers. With `shape`, a single value fills it.
 */
export function constant(value: ValueLike, dtype?: DType, shape?: readonly number[], name = 'Const'): Tensor {
  return buildConstant(value, dtype, shape, name, getDefaultGraph());
}

/** `tf.name_scope(name, fn)`: ops created in `fn` are named `name/...` (`name_1/...` when re-entered). */
export function nameScope<T>(name: string | null, fn: (scope: string) => T): T {
  return getDefaultGraph().nameScope(name, fn);
}

/** `tf.variables_initializer(vars, name='init')`: a NoOp running each variable's initializer. */
export function variablesInitializer(vars: readonly Variable[], name = 'init'): Operation {
  if (vars.length === 0) return noOp(name);
  return group(vars.map((v) => v.initializer), name);
}

/** `tf.global_variables_initializer()`: the `init` NoOp for every global variable. */
export function globalVariablesInitializer(): Operation {
  return variablesInitializer(globalVariables(), 'init');
}

/** `tf.control_dependencies(deps, fn)`: ops created in `fn` run after `deps`. */
export function controlDependencies<T>(deps: readonly (Operation | Tensor)[] | null, fn: () => T): T {
  return getDefaultGraph().controlDependencies(deps, fn);
}
