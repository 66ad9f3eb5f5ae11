import { attr, type Attrs } from './attr.ts';
import type { DType } from './dtype.ts';
import { TypeError_ } from './errors.ts';
import { getDefaultGraph, type Graph, Operation, Tensor } from './graph.ts';
import { fromJs, guessDType, type TensorValue, type ValueLike } from './tensor-value.ts';

/** Anything that converts to a tensor: a Tensor, a Variable (read through its snapshot), or JS data. */
export interface TensorConvertible {
  toTensor(): Tensor;
}
export type TensorLike = Tensor | TensorConvertible | ValueLike;

function isConvertible(x: unknown): x is TensorConvertible {
  return typeof x === 'object' && x !== null && typeof (x as TensorConvertible).toTensor === 'function';
}

/** The graph a set of inputs lives in (the default graph when none is symbolic). */
export function graphOf(inputs: readonly unknown[]): Graph {
  for (const x of inputs) {
    if (x instanceof Tensor) return x.graph;
    if (isConvertible(x)) return x.toTensor().graph;
  }
  return getDefaultGraph();
}

/** TF's `constant_op.constant`: a `Const` op holding `value`. */
export function constant(value: ValueLike | TensorValue, dtype?: DType, shape?: readonly number[], name = 'Const', graph = getDefaultGraph()): Tensor {
  const v = isTensorValue(value) ? value : fromJs(value, dtype, shape);
  return graph.createOp('Const', [], { dtype: attr.type(v.dtype), value: attr.tensor(v) }, name).output;
}

function isTensorValue(x: unknown): x is TensorValue {
  return typeof x === 'object' && x !== null && 'data' in x && 'dtype' in x && 'shape' in x && !Array.isArray(x);
}

/** TF's `convert_to_tensor`: tensors pass through, variables give their snapshot, JS data becomes a `Const` named `name`. */
export function convertToTensor(x: TensorLike, dtype?: DType, name = 'Const', graph?: Graph): Tensor {
  if (x instanceof Tensor) {
    if (dtype !== undefined && x.dtype !== dtype) {
      throw new TypeError_(`Tensor conversion requested dtype ${dtype} for Tensor with dtype ${x.dtype}: '${x.toString()}'`);
    }
    return x;
  }
  if (isConvertible(x)) return convertToTensor(x.toTensor(), dtype, name, graph);
  const dt = dtype ?? guessDType(x);
  return constant(x as ValueLike, dt, undefined, name, graph ?? getDefaultGraph());
}

/** One input of an op as the Python wrapper names it (`x`, `y`, `reduction_indices`…). */
export type NamedInput = readonly [argName: string, value: TensorLike];

export interface ApplyOptions {
  /** Indices of inputs that share the type attr `T`: JS values among them take the dtype of the first real tensor. */
  readonly sameType?: readonly number[];
  /** Fixed dtypes for inputs given as JS values (e.g. int32 for `reduction_indices`). */
  readonly dtypes?: Readonly<Record<number, DType>>;
}

/**
 * TF's `_apply_op_helper`: open the name scope `name`, convert JS inputs to constants
 * named after their argument inside it, and create the op with the scope's name.
 * `attrs` may be a function of the converted inputs (to set `T` from them).
 */
export function applyOp(
  type: string,
  name: string,
  inputs: readonly NamedInput[],
  attrs: Attrs | ((tensors: Tensor[]) => Attrs),
  options: ApplyOptions = {},
): Operation {
  const graph = graphOf(inputs.map(([, v]) => v));
  return graph.nameScope(name, (scope) => {
    const sameType = options.sameType ?? inputs.map((_, i) => i);
    let shared: DType | undefined;
    for (const i of sameType) {
      const v = inputs[i]![1];
      if (v instanceof Tensor) { shared = v.dtype; break; }
      if (isConvertible(v)) { shared = v.toTensor().dtype; break; }
    }
    const tensors = inputs.map(([argName, v], i) => {
      const dt = options.dtypes?.[i] ?? (sameType.includes(i) ? shared : undefined);
      // Tensors are checked below with TF's message; only JS values are converted to `dt`.
      const isSymbolic = v instanceof Tensor || isConvertible(v);
      const t = convertToTensor(v, isSymbolic ? undefined : dt, argName, graph);
      if (dt !== undefined && t.dtype !== dt) {
        throw new TypeError_(`Input '${argName}' of '${type}' Op has type ${t.dtype} that does not match type ${dt} of argument '${inputs[sameType[0]!]![0]}'.`);
      }
      return t;
    });
    const a = typeof attrs === 'function' ? attrs(tensors) : attrs;
    return graph.createOp(type, tensors, a, scope);
  });
}

/** `T` attr from the first input, the common case for math ops. */
export function tAttr(tensors: readonly Tensor[]): Attrs {
  return { T: attr.type(tensors[0]!.dtype) };
}
