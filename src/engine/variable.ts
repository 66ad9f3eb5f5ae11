import { attr } from './attr.ts';
import type { DType } from './dtype.ts';
import { ValueError } from './errors.ts';
import { getDefaultGraph, type Graph, type Operation, type Tensor } from './graph.ts';
import { applyOp, convertToTensor, type TensorLike } from './op-builder.ts';
import type { Shape } from './shape.ts';

/** Collection keys, as `tf.GraphKeys` names them. */
export const GraphKeys = {
  GLOBAL_VARIABLES: 'variables',
  TRAINABLE_VARIABLES: 'trainable_variables',
  SUMMARIES: 'summaries',
  TRAIN_OP: 'train_op',
  GLOBAL_STEP: 'global_step',
  UPDATE_OPS: 'update_ops',
} as const;

export interface VariableOptions {
  /** A value, or a function building the initial value (then built under `<name>/Initializer`, as `get_variable` does). */
  readonly initialValue: TensorLike | (() => Tensor);
  readonly name?: string;
  readonly dtype?: DType;
  readonly trainable?: boolean;
  readonly collections?: readonly string[];
  readonly validateShape?: boolean;
}

/**
 * TF 1.x's ref variable: a `VariableV2` op, its `Assign` initializer and its `read`
 * snapshot. Ops that take a Variable read it through the snapshot (`W/read`), as in TF.
 *
 *     const w = new tf.Variable(tf.randomNormal([784, 10]), { name: 'W' });
 */
export class Variable {
  /** The `VariableV2` op. */
  readonly op: Operation;
  /** The ref output of the variable op (what `Assign` and `Apply*` take). */
  readonly ref: Tensor;
  /** The `<name>/read` Identity. */
  readonly snapshot: Tensor;
  readonly initialValue: Tensor;
  /** The `<name>/Assign` op that `globalVariablesInitializer` runs. */
  readonly initializer: Operation;
  readonly trainable: boolean;

  constructor(initialValue: TensorLike | (() => Tensor), options?: Omit<VariableOptions, 'initialValue'>);
  constructor(options: VariableOptions);
  constructor(a: TensorLike | (() => Tensor) | VariableOptions, b: Omit<VariableOptions, 'initialValue'> = {}) {
    const opts: VariableOptions = isOptions(a) ? a : { ...b, initialValue: a };
    const graph = getDefaultGraph();
    const built = buildVariable(graph, opts);
    this.op = built.op;
    this.ref = built.op.output;
    this.snapshot = built.snapshot;
    this.initialValue = built.initialValue;
    this.initializer = built.initializer;
    this.trainable = opts.trainable ?? true;
    const collections = [...(opts.collections ?? [GraphKeys.GLOBAL_VARIABLES])];
    if (this.trainable && !collections.includes(GraphKeys.TRAINABLE_VARIABLES)) collections.push(GraphKeys.TRAINABLE_VARIABLES);
    for (const c of collections) graph.addToCollection(c, this);
  }

  /** `W:0`, the name TF gives a variable. */
  get name(): string { return this.ref.name; }
  get dtype(): DType { return this.ref.dtype; }
  get shape(): Shape { return this.ref.shape; }
  get graph(): Graph { return this.op.graph; }
  toTensor(): Tensor { return this.snapshot; }
  value(): Tensor { return this.snapshot; }
  /** TF's `Variable.assign`: an `Assign` op named `Assign` in the current scope. */
  assign(value: TensorLike, name = 'Assign'): Tensor { return assign(this, value, name); }
  toString(): string { return `<tf.Variable '${this.name}' shape=${JSON.stringify(this.shape)} dtype=${this.dtype}>`; }
}

function isOptions(x: unknown): x is VariableOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'initialValue' in x;
}

/** TF's `Variable._init_from_args`: the exact op sequence and names. */
function buildVariable(graph: Graph, opts: VariableOptions) {
  return graph.nameScope(opts.name ?? 'Variable', (scope) => {
    const trueName = scope.slice(0, -1);
    let initialValue: Tensor;
    const init = opts.initialValue;
    if (typeof init === 'function') {
      initialValue = graph.withClassAttr(trueName, () =>
        graph.nameScope('Initializer', () => convertToTensor((init as () => Tensor)(), opts.dtype, 'initial_value')),
      );
    } else {
      initialValue = convertToTensor(init, opts.dtype, 'initial_value');
    }
    const validateShape = opts.validateShape ?? true;
    if (validateShape && initialValue.shape === null) {
      throw new ValueError(`initial_value must have a shape specified: ${initialValue.toString()}`);
    }
    const op = graph.createOp('VariableV2', [], {
      shape: attr.shape(validateShape ? initialValue.shape : null),
      dtype: attr.type(initialValue.dtype),
      container: attr.string(''),
      shared_name: attr.string(''),
    }, scope);
    const initializer = graph.colocateWith(op, () =>
      applyOp('Assign', 'Assign', [['ref', op.output], ['value', initialValue]], {
        T: attr.type(initialValue.dtype),
        validate_shape: attr.bool(validateShape),
        use_locking: attr.bool(true),
      }),
    );
    const snapshot = graph.colocateWith(op, () =>
      graph.nameScope('read', (readScope) => graph.createOp('Identity', [op.output], { T: attr.type(initialValue.dtype) }, readScope).output),
    );
    return { op, snapshot, initialValue, initializer };
  });
}

/** The ref tensor behind a variable-like argument (`Assign`, `Apply*` take refs). */
export function refOf(v: Variable | Tensor): Tensor {
  if (v instanceof Variable) return v.ref;
  if (v.op.type !== 'VariableV2') throw new ValueError(`Input '${v.name}' must be a variable (a ref), got op ${v.op.type}`);
  return v;
}

/** `tf.assign(ref, value)`: TF names it `Assign`; validate_shape and use_locking default true. */
export function assign(ref: Variable | Tensor, value: TensorLike, name = 'Assign', { validateShape = true, useLocking = true } = {}): Tensor {
  const r = refOf(ref);
  return applyOp('Assign', name, [['ref', r], ['value', value]], (t) => ({
    T: attr.type(t[0]!.dtype),
    validate_shape: attr.bool(validateShape),
    use_locking: attr.bool(useLocking),
  }), { sameType: [0, 1] }).output;
}

export function globalVariables(graph = getDefaultGraph()): Variable[] {
  return graph.getCollection<Variable>(GraphKeys.GLOBAL_VARIABLES);
}
export function trainableVariables(graph = getDefaultGraph()): Variable[] {
  return graph.getCollection<Variable>(GraphKeys.TRAINABLE_VARIABLES);
}
