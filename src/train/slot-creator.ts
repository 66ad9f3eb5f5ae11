/**
 * TF's `slot_creator`: an optimizer's per-variable state ("slots") are variables named
 * `<var>/<OptimizerName>`, then `<var>/<OptimizerName>_1`, ... They are created through
 * `variable_scope(None, default_name=<var>/<OptimizerName>)` and `get_variable('')`, so
 * the variable-scope store makes the name unique and the trailing `/` of the full name
 * (`w/Adam/`) makes the VariableV2 node exactly `w/Adam`, with `w/Adam/Initializer/zeros`,
 * `w/Adam/Assign` and `w/Adam/read` beside it. They are colocated with the primary
 * variable and not trainable.
 */
import { getDefaultGraph } from '../engine/graph.ts';
import { getVariable, type Initializer, variableScope } from '../engine/variable-scope.ts';
import type { Variable } from '../engine/variable.ts';
import { initializers } from '../api/initializers.ts';

/** TF's `create_slot_with_initializer`: a slot shaped like `primary`, built by `initializer`. */
export function createSlotWithInitializer(primary: Variable, initializer: Initializer, name: string): Variable {
  const shape = primary.shape;
  if (shape === null || shape.some((d) => d === null)) {
    // TF falls back to `zeros(shape(primary.initialized_value()))`; our variables always have static shapes.
    throw new Error(`Cannot create slot '${name}' for ${primary.op.name}: its shape is not fully defined`);
  }
  const graph = getDefaultGraph();
  return variableScope(null, { defaultName: `${primary.op.name}/${name}` }, () =>
    graph.colocateWith(primary.op, () =>
      getVariable('', { shape: shape as number[], dtype: primary.dtype, initializer, trainable: false }),
    ),
  );
}

/** TF's `create_zeros_slot`. */
export function createZerosSlot(primary: Variable, name: string): Variable {
  return createSlotWithInitializer(primary, initializers.zeros(), name);
}
