import type { DType } from './dtype.ts';
import { ValueError } from './errors.ts';
import { getDefaultGraph, type Graph, graphExtension, type Tensor } from './graph.ts';
import type { TensorLike } from './op-builder.ts';
import { isFullyDefined, mergeShapes, type Shape, shapeToString } from './shape.ts';
import { Variable } from './variable.ts';
import { initializers } from '../api/initializers.ts';

/** TF's `tf.AUTO_REUSE`: create a variable if missing, reuse it otherwise. */
export const AUTO_REUSE: unique symbol = Symbol('AUTO_REUSE');
export type Reuse = boolean | typeof AUTO_REUSE;

/** Builds an initial value of `shape` (TF's initializer objects); called inside `<var>/Initializer`. */
export type Initializer = (shape: readonly number[], dtype: DType) => Tensor;

/** TF's `VariableScope`: the prefix of variable names, its reuse flag and default initializer. */
export class VariableScope {
  constructor(
    readonly name: string,
    public reuse: Reuse,
    readonly initializer: Initializer | null,
    /** The name scope this variable scope was first opened with (`foo/`). */
    readonly originalNameScope: string,
  ) {}
  /** TF's `reuse_variables()`: from now on this scope reuses. */
  reuseVariables(): void { this.reuse = true; }
}

interface ScopeStore {
  current: VariableScope;
  readonly vars: Map<string, { variable: Variable; stack: string }>;
  counts: Map<string, number>;
}

const STORE = Symbol('variable-scope-store');
function store(graph: Graph): ScopeStore {
  return graphExtension(graph, STORE, () => ({ current: new VariableScope('', false, null, ''), vars: new Map(), counts: new Map() }));
}

export function getVariableScope(graph = getDefaultGraph()): VariableScope {
  return store(graph).current;
}

export interface VariableScopeOptions {
  readonly reuse?: Reuse;
  readonly initializer?: Initializer;
  /** TF's `default_name`: used (made unique) when the scope name is null. */
  readonly defaultName?: string;
}

/**
 * `tf.variable_scope`: prefixes `getVariable` names and opens a name scope. Re-entering
 * `variableScope('foo')` keeps variable names under `foo/` but opens name scope `foo_1/`,
 * exactly as TF 1.x does.
 *
 *     tf.variableScope('layer', () => tf.getVariable('w', { shape: [3] }));          // layer/w
 *     tf.variableScope('layer', { reuse: true }, () => tf.getVariable('w'));          // the same variable
 */
export function variableScope<T>(nameOrScope: string | VariableScope | null, fn: (scope: VariableScope) => T): T;
export function variableScope<T>(nameOrScope: string | VariableScope | null, options: VariableScopeOptions, fn: (scope: VariableScope) => T): T;
export function variableScope<T>(
  nameOrScope: string | VariableScope | null,
  b: VariableScopeOptions | ((scope: VariableScope) => T),
  c?: (scope: VariableScope) => T,
): T {
  const options = typeof b === 'function' ? {} : b;
  const fn = (typeof b === 'function' ? b : c)!;
  const graph = getDefaultGraph();
  const st = store(graph);
  if (nameOrScope === null || nameOrScope === '') {
    if (options.defaultName === undefined) throw new ValueError('If default_name is None then scope (name_or_scope) is required');
    if (options.reuse === true) throw new ValueError('reuse=True cannot be used without a name_or_scope');
    return graph.nameScope(options.defaultName, (nameScope) => {
      const unique = uniqueVariableScope(st, options.defaultName!);
      return pureVariableScope(st, unique, options, nameScope, fn);
    });
  }
  const nameScopeName = typeof nameOrScope === 'string' ? nameOrScope : nameOrScope.name.split('/').pop()!;
  return graph.nameScope(nameScopeName, (nameScope) =>
    pureVariableScope(st, nameOrScope, options, typeof nameOrScope === 'string' ? nameScope : nameOrScope.originalNameScope, fn),
  );
}

/** TF's `_get_unique_variable_scope`. */
function uniqueVariableScope(st: ScopeStore, prefix: string): string {
  const base = st.current.name ? `${st.current.name}/${prefix}` : prefix;
  if ((st.counts.get(base) ?? 0) === 0) return prefix;
  let idx = 1;
  while ((st.counts.get(`${base}_${idx}`) ?? 0) > 0) idx++;
  return `${prefix}_${idx}`;
}

/** TF's `_pure_variable_scope`: switch the current variable scope, counting how often each is opened. */
function pureVariableScope<T>(st: ScopeStore, nameOrScope: string | VariableScope, options: VariableScopeOptions, nameScope: string, fn: (s: VariableScope) => T): T {
  const old = st.current;
  const oldCounts = new Map(st.counts);
  let next: VariableScope;
  if (typeof nameOrScope === 'string') {
    const name = old.name ? `${old.name}/${nameOrScope}` : nameOrScope;
    const reuse: Reuse = options.reuse === true || options.reuse === AUTO_REUSE ? options.reuse : old.reuse;
    next = new VariableScope(name, reuse, options.initializer ?? old.initializer, nameScope);
  } else {
    const reuse: Reuse = options.reuse === true || options.reuse === AUTO_REUSE ? options.reuse : nameOrScope.reuse;
    next = new VariableScope(nameOrScope.name, reuse, options.initializer ?? nameOrScope.initializer, nameOrScope.originalNameScope);
  }
  st.counts.set(next.name, (st.counts.get(next.name) ?? 0) + 1);
  st.current = next;
  try {
    return fn(next);
  } finally {
    st.current = old;
    if (typeof nameOrScope === 'string') {
      // TF's `close_variable_subscopes`: sub-scope counts restart when the scope closes.
      for (const k of [...st.counts.keys()]) if (k.startsWith(`${next.name}/`)) st.counts.set(k, 0);
    } else {
      st.counts = oldCounts;
      st.counts.set(next.name, (st.counts.get(next.name) ?? 0) + 1);
    }
  }
}

export interface GetVariableOptions {
  readonly shape?: readonly number[];
  readonly dtype?: DType;
  /** An initializer function (`tf.initializers.*`), or a value (then `shape` is taken from it). */
  readonly initializer?: Initializer | TensorLike;
  readonly trainable?: boolean;
  readonly collections?: readonly string[];
}

/**
 * `tf.get_variable`: a variable named by the enclosing variable scopes only (the name
 * scope is ignored), created or reused according to the scope's `reuse`, with TF's errors.
 */
export function getVariable(name: string, options: GetVariableOptions = {}): Variable {
  const graph = getDefaultGraph();
  const st = store(graph);
  const scope = st.current;
  const fullName = scope.name ? `${scope.name}/${name}` : name;
  return graph.nameScope(null, () => {
    const found = st.vars.get(fullName);
    const reuse = scope.reuse;
    if (found !== undefined) {
      if (reuse === false) {
        throw new ValueError(
          `Variable ${fullName} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n${found.stack}`,
        );
      }
      const v = found.variable;
      if (options.shape !== undefined && mergeShapes(options.shape, v.shape) === undefined) {
        throw new ValueError(`Trying to share variable ${fullName}, but specified shape ${shapeToString(options.shape)} and found shape ${shapeToString(v.shape)}.`);
      }
      if (options.dtype !== undefined && options.dtype !== v.dtype) {
        throw new ValueError(`Trying to share variable ${fullName}, but specified dtype ${options.dtype} and found dtype ${v.dtype}.`);
      }
      return v;
    }
    if (reuse === true) {
      throw new ValueError(`Variable ${fullName} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`);
    }
    const dtype = options.dtype ?? 'float32';
    const init = options.initializer ?? scope.initializer ?? defaultInitializer(dtype);
    let initialValue: TensorLike | (() => Tensor);
    if (typeof init === 'function' && !('toTensor' in init)) {
      const shape: Shape = options.shape ?? null;
      if (!isFullyDefined(shape)) {
        throw new ValueError(`Shape of a new variable (${fullName}) must be fully defined, but instead was ${shapeToString(shape)}.`);
      }
      initialValue = () => (init as Initializer)(shape, dtype);
    } else {
      initialValue = init as TensorLike;
    }
    const variable = new Variable({
      initialValue,
      name: fullName,
      dtype: options.initializer !== undefined && typeof init !== 'function' ? undefined : dtype,
      trainable: options.trainable ?? true,
      ...(options.collections !== undefined ? { collections: options.collections } : {}),
    });
    st.vars.set(fullName, { variable, stack: callerStack() });
    return variable;
  });
}

/** TF's `_get_default_initializer`: glorot-uniform for floats, zeros for everything else. */
function defaultInitializer(dtype: DType): Initializer {
  return dtype === 'float32' ? initializers.glorotUniform() : initializers.zeros();
}

/** Where the user created a variable, for "Originally defined at" (the first frames outside the engine). */
function callerStack(): string {
  const stack = new Error().stack ?? '';
  const frames = stack.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.startsWith('at ') && !/[\\/]src[\\/](engine|api|ops|train|summary)[\\/]/.test(l));
  return frames.slice(0, 3).map((l) => `  ${l}`).join('\n');
}
