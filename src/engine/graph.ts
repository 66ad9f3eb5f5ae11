import { attr, type Attrs, type AttrValue, getAttr } from './attr.ts';
import type { DType } from './dtype.ts';
import { ValueError } from './errors.ts';
import { mergeShapes, type Shape, shapeToString } from './shape.ts';
import { lookupOpDef } from './registry.ts';

/** A symbolic output of an operation: `op:index`. Values exist only inside `Session.run`. */
export class Tensor {
  constructor(
    readonly op: Operation,
    readonly index: number,
    readonly dtype: DType,
    private staticShape: Shape,
  ) {}
  get name(): string { return `${this.op.name}:${this.index}`; }
  get graph(): Graph { return this.op.graph; }
  get shape(): Shape { return this.staticShape; }
  /** TF's `set_shape`: refine the static shape; throws when it contradicts what is known. */
  setShape(shape: Shape): void {
    const merged = mergeShapes(this.staticShape, shape);
    if (merged === undefined) {
      throw new ValueError(`Shapes ${shapeToString(this.staticShape)} and ${shapeToString(shape)} are incompatible`);
    }
    this.staticShape = merged;
  }
  toString(): string {
    return `Tensor("${this.name}", shape=${shapeToString(this.shape)}, dtype=${this.dtype})`;
  }
}

/** A node of the graph: TF's `Operation`, serialised as a GraphDef `NodeDef`. */
export class Operation {
  readonly outputs: Tensor[] = [];
  constructor(
    readonly graph: Graph,
    readonly id: number,
    readonly name: string,
    readonly type: string,
    readonly inputs: readonly Tensor[],
    readonly controlInputs: readonly Operation[],
    readonly attrs: Attrs,
    readonly device: string,
  ) {}
  getAttr<K extends AttrValue['kind']>(name: string, kind: K) { return getAttr(this.attrs, name, kind, this.name); }
  hasAttr(name: string): boolean { return this.attrs[name] !== undefined; }
  /** The op's only output, as in TF's `op.outputs[0]` for single-output ops. */
  get output(): Tensor {
    const t = this.outputs[0];
    if (t === undefined) throw new ValueError(`Operation '${this.name}' (${this.type}) has no outputs`);
    return t;
  }
  toString(): string { return `Operation("${this.name}", type=${this.type})`; }
}

/** One `control_dependencies` block: its inputs and the ops created inside it (TF's `_ControlDependenciesController`). */
interface ControlDependencyFrame {
  readonly controlInputs: readonly Operation[];
  readonly seen: Set<Operation>;
}

// TF's naming regexes (ops.py): `_VALID_OP_NAME_REGEX`, `_VALID_SCOPE_NAME_REGEX`.
const VALID_OP_NAME = /^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$/;
const VALID_SCOPE_NAME = /^[A-Za-z0-9_.\-/>]*$/;

/**
 * A computation graph with TensorFlow 1.x's naming: op names are made unique
 * case-insensitively (`add`, `add_1`), name scopes nest with `/`, and re-entering
 * a scope by name opens `foo_1/`.
 */
export class Graph {
  private readonly opList: Operation[] = [];
  private readonly byName = new Map<string, Operation>();
  private readonly namesInUse = new Map<string, number>();
  private nameStack = '';
  private controlStack: ControlDependencyFrame[] = [];
  private colocationStack: Operation[] = [];
  private classAttrScope: string | null = null;
  private readonly collections = new Map<string, unknown[]>();
  /** Per-graph state of other modules (variable scopes, random seeds), keyed by module. */
  readonly extensions = new Map<symbol, unknown>();
  /** Bumped on every new op so sessions know their plans may be stale. */
  version = 0;
  seed: number | null = null;

  get operations(): readonly Operation[] { return this.opList; }

  getOperationByName(name: string): Operation {
    const op = this.byName.get(name);
    if (op === undefined) throw new ValueError(`The name '${name}' refers to an Operation not in the graph.`);
    return op;
  }
  hasOperation(name: string): boolean { return this.byName.has(name); }

  getTensorByName(name: string): Tensor {
    const m = /^(.*):(\d+)$/.exec(name);
    if (m === null) {
      throw new ValueError(`The name '${name}' looks like an (invalid) Operation name, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`);
    }
    const op = this.byName.get(m[1]!);
    if (op === undefined) throw new ValueError(`The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', does not exist in the graph.`);
    const t = op.outputs[Number(m[2])];
    if (t === undefined) throw new ValueError(`The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', exists but only has ${op.outputs.length} outputs.`);
    return t;
  }

  /** The current name scope, without the trailing `/` ('' at the root). */
  get currentNameScope(): string { return this.nameStack; }

  /** TF's `Graph.unique_name`: prefix the scope and append `_N` when the (case-insensitive) name is taken. */
  uniqueName(name: string, markAsUsed = true): string {
    let full = this.nameStack ? `${this.nameStack}/${name}` : name;
    let key = full.toLowerCase();
    let i = this.namesInUse.get(key) ?? 0;
    if (markAsUsed) this.namesInUse.set(key, i + 1);
    if (i > 0) {
      const baseKey = key;
      while (this.namesInUse.has(key)) {
        key = `${baseKey}_${i}`;
        i += 1;
      }
      if (markAsUsed) this.namesInUse.set(key, 1);
      full = `${full}_${i - 1}`;
    }
    return full;
  }

  /**
   * TF's `Graph.name_scope`. `name` null or '' resets to the root; a name ending in
   * `/` re-enters that exact scope; any other name opens a new unique scope. `fn`
   * receives the scope with its trailing `/` ('' at the root).
   */
  nameScope<T>(name: string | null, fn: (scope: string) => T): T {
    if (name) {
      const valid = this.nameStack ? VALID_SCOPE_NAME : VALID_OP_NAME;
      if (!valid.test(name)) throw new ValueError(`'${name}' is not a valid scope name`);
    }
    const old = this.nameStack;
    let next: string;
    if (!name) next = '';
    else if (name.endsWith('/')) next = name.slice(0, -1);
    else next = this.uniqueName(name);
    this.nameStack = next;
    try {
      return fn(next ? `${next}/` : '');
    } finally {
      this.nameStack = old;
    }
  }

  /** TF's `control_dependencies`; `null` clears the enclosing ones, as in TF. */
  controlDependencies<T>(deps: ReadonlyArray<Operation | Tensor> | null, fn: () => T): T {
    const oldStack = this.controlStack;
    if (deps === null) this.controlStack = [];
    else {
      const ops = deps.map((d) => (d instanceof Tensor ? d.op : d));
      this.controlStack = [...oldStack, { controlInputs: ops, seen: new Set() }];
    }
    try {
      return fn();
    } finally {
      this.controlStack = oldStack;
    }
  }

  /** TF's `colocate_with`: ops created inside get `_class: ["loc:@<op>"]`; null clears (TF's `ignore_existing`). */
  colocateWith<T>(op: Operation | null, fn: () => T): T {
    const old = this.colocationStack;
    this.colocationStack = op === null ? [] : [...old, op];
    try {
      return fn();
    } finally {
      this.colocationStack = old;
    }
  }

  /**
   * TF's `_attr_scope({"_class": ["loc:@name"]})`, which `Variable._init_from_args` uses to
   * colocate initializer ops with a variable that does not exist yet. `colocateWith` wins over it.
   */
  withClassAttr<T>(opName: string, fn: () => T): T {
    const old = this.classAttrScope;
    this.classAttrScope = opName;
    try {
      return fn();
    } finally {
      this.classAttrScope = old;
    }
  }

  /** TF's `_control_dependencies_for_inputs`: skip controllers that dominate an input, and deps that are already inputs. */
  private controlInputsFor(inputOps: readonly Operation[]): Operation[] {
    const out: Operation[] = [];
    for (const frame of this.controlStack) {
      if (inputOps.some((op) => frame.seen.has(op))) continue;
      for (const c of frame.controlInputs) if (!inputOps.includes(c) && !out.includes(c)) out.push(c);
    }
    return out;
  }

  /** TF's `create_op`: the sorted colocation groups of every op on the colocation stack. */
  private colocationAttr(): AttrValue | null {
    if (this.colocationStack.length === 0) return this.classAttrScope === null ? null : attr.listString([`loc:@${this.classAttrScope}`]);
    const groups = new Set<string>();
    for (const op of this.colocationStack) {
      const cls = op.attrs['_class'];
      if (cls !== undefined && cls.kind === 'list_string') for (const g of cls.value) groups.add(g);
      else groups.add(`loc:@${op.name}`);
    }
    return attr.listString([...groups].sort());
  }

  /**
   * Add an op. `name` is made unique unless it ends with `/` (then it is the exact
   * name of a scope just opened, as TF's `create_op` does). Output dtypes and shapes
   * come from the op's registered definition.
   */
  createOp(type: string, inputs: readonly Tensor[], attrs: Attrs, name: string, extraControl: readonly Operation[] = []): Operation {
    for (const t of inputs) {
      if (t.graph !== this) throw new ValueError(`Tensor ${t.name} must be from the same graph as the new op '${name}'.`);
    }
    const opName = name.endsWith('/') ? name.slice(0, -1) : this.uniqueName(name);
    if (this.byName.has(opName)) throw new ValueError(`Duplicate node name in graph: '${opName}'`);
    const def = lookupOpDef(type);
    const inputOps = inputs.map((t) => t.op);
    const control = [...this.controlInputsFor(inputOps)];
    for (const c of extraControl) if (!control.includes(c)) control.push(c);
    const allAttrs: Record<string, AttrValue> = { ...attrs };
    // TF's `_apply_op_helper` colocates an op with its ref inputs (so `Assign` and
    // `ApplyGradientDescent` carry `_class: loc:@<variable>`).
    const refOp = def.refInputs?.map((i) => inputs[i]?.op).find((o) => o !== undefined);
    const loc = refOp !== undefined ? this.colocateWith(refOp, () => this.colocationAttr()) : this.colocationAttr();
    if (loc !== null && allAttrs['_class'] === undefined) allAttrs['_class'] = loc;
    const op = new Operation(this, this.opList.length, opName, type, inputs, control, allAttrs, '');
    const specs = def.infer({ op, inputs, attrs: allAttrs });
    specs.forEach((s, i) => op.outputs.push(new Tensor(op, i, s.dtype, s.shape)));
    this.opList.push(op);
    this.byName.set(opName, op);
    for (const frame of this.controlStack) frame.seen.add(op);
    this.version++;
    return op;
  }

  addToCollection(key: string, value: unknown): void {
    let list = this.collections.get(key);
    if (list === undefined) this.collections.set(key, (list = []));
    list.push(value);
  }
  getCollection<T>(key: string): T[] { return [...((this.collections.get(key) ?? []) as T[])]; }
  getCollectionRef<T>(key: string): T[] {
    let list = this.collections.get(key);
    if (list === undefined) this.collections.set(key, (list = []));
    return list as T[];
  }
  get collectionKeys(): string[] { return [...this.collections.keys()]; }

  /** Run `fn` with this graph as the default graph. */
  asDefault<T>(fn: () => T): T {
    graphStack.push(this);
    try {
      return fn();
    } finally {
      graphStack.pop();
    }
  }
}

const graphStack: Graph[] = [];
let globalDefault = new Graph();

export function getDefaultGraph(): Graph {
  return graphStack[graphStack.length - 1] ?? globalDefault;
}

/** TF's `reset_default_graph`: a fresh global default graph. Not allowed inside `graph.asDefault`. */
export function resetDefaultGraph(): void {
  if (graphStack.length > 0) throw new Error('Do not use tf.resetDefaultGraph() to clear nested graphs.');
  globalDefault = new Graph();
}

/** Typed per-graph state for other modules. */
export function graphExtension<T>(graph: Graph, key: symbol, create: () => T): T {
  let v = graph.extensions.get(key) as T | undefined;
  if (v === undefined) {
    v = create();
    graph.extensions.set(key, v);
  }
  return v;
}
