/** TF's `training_util`: the graph's global step counter. */
import { TypeError_, ValueError } from '../engine/errors.ts';
import { getDefaultGraph, type Graph, type Tensor } from '../engine/graph.ts';
import { getVariable } from '../engine/variable-scope.ts';
import { shapeToString } from '../engine/shape.ts';
import { GraphKeys, type Variable } from '../engine/variable.ts';
import { initializers } from '../api/initializers.ts';

/**
 * `tf.train.get_global_step`: the variable in the `global_step` collection, else the tensor
 * named `global_step:0`, else null.
 */
export function getGlobalStep(graph: Graph = getDefaultGraph()): Variable | Tensor | null {
  const inCollection = graph.getCollection<Variable | Tensor>(GraphKeys.GLOBAL_STEP);
  let step: Variable | Tensor;
  if (inCollection.length === 1) step = inCollection[0]!;
  else if (inCollection.length === 0) {
    if (!graph.hasOperation('global_step')) return null;
    step = graph.getTensorByName('global_step:0');
  } else {
    // TF logs "Multiple tensors in global_step collection." and returns None.
    return null;
  }
  assertGlobalStep(step);
  return step;
}

/** TF's `assert_global_step`: an integer scalar. */
function assertGlobalStep(step: Variable | Tensor): void {
  if (step.dtype !== 'int32') throw new TypeError_(`Existing "global_step" does not have integer type: ${step.dtype}`);
  if (step.shape !== null && step.shape.length !== 0) throw new TypeError_(`Existing "global_step" is not scalar: ${shapeToString(step.shape)}`);
}

/**
 * `tf.train.create_global_step`: an int32 scalar variable `global_step` (TF uses int64,
 * which Keisan does not have), initialized to zero, not trainable, in the root name scope.
 */
export function createGlobalStep(graph: Graph = getDefaultGraph()): Variable {
  if (getGlobalStep(graph) !== null) throw new ValueError('"global_step" already exists.');
  return graph.asDefault(() =>
    graph.nameScope(null, () =>
      getVariable(GraphKeys.GLOBAL_STEP, {
        shape: [],
        dtype: 'int32',
        initializer: initializers.zeros(),
        trainable: false,
        collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
      }),
    ),
  );
}

/**
 * `tf.train.get_or_create_global_step`.
 *
 *     const globalStep = tf.train.getOrCreateGlobalStep();
 *     const train = opt.minimize(loss, { globalStep });
 */
export function getOrCreateGlobalStep(graph: Graph = getDefaultGraph()): Variable | Tensor {
  return getGlobalStep(graph) ?? createGlobalStep(graph);
}
