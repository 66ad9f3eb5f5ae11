import { ValueError, TFError, InvalidArgumentError } from './errors.ts';
import { type Fetch, flattenFetches } from './fetch-structure.ts';
import { getDefaultGraph, type Graph, Operation, Tensor } from './graph.ts';
import type { KernelContext, ResidentValue, VariableSlot } from './op-def.ts';
import { lookupOpDef } from './registry.ts';
import { shapeFits, shapeToString } from './shape.ts';
import { fromJs, toJs, type TensorValue, typedView, type ValueLike } from './tensor-value.ts';
import { getHost } from '../host.ts';
import { SeededRandom } from './seeded-random.ts';
import { type Backend, BackendUnavailableError, type FusedKernel, type Kernel, type PlannedRun } from '../backend/backend.ts';
import { getDefaultBackend } from '../backend/default-backend.ts';

/** A feed value: JS data (numbers, nested arrays, typed arrays) or a concrete `TensorValue`. */
export type FeedValue = ValueLike | TensorValue;
export type FeedDict = Map<Tensor | { toTensor(): Tensor } | string, FeedValue> | { readonly [tensorName: string]: FeedValue };

function isTensorValue(x: unknown): x is TensorValue {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && 'data' in x && 'shape' in x && 'dtype' in x;
}

/** One kernel call in a plan: where its inputs are read from and its outputs written to. */
interface Step {
  readonly op: Operation;
  readonly kernel: Kernel<unknown>;
  readonly inputSlots: Int32Array;
  readonly outputSlots: Int32Array;
  readonly ctx: KernelContext;
  readonly inputs: unknown[];
  /** Slots last used by this step, released after it; null unless the backend disposes values. */
  release: Int32Array | null;
}

/** A `run` signature planned once: the pruned, ordered ops for these fetches and feeds. */
interface Plan {
  readonly version: number;
  readonly steps: readonly Step[];
  readonly slotCount: number;
  readonly feedSlots: ReadonlyMap<Tensor, number>;
  readonly fetchSlots: readonly number[];
  readonly rebuild: (values: readonly unknown[]) => unknown;
}

/**
 * Per-call options of `Session.run` (TF 1.x's third argument is its `RunOptions` too).
 * `output: 'tensor-values'` hands each fetched tensor back as a `TensorValue` — dtype,
 * shape and the flat typed array (`Float32Array` for float32) — in the fetch structure,
 * instead of nested JS arrays: what TF.js's `dataSync()` gives, without building a million
 * JS numbers for a big result. The array may be shared with a fed value when a fed tensor is
 * fetched; it is the caller's either way.
 *
 *     const { data, shape } = sess.run(y, { x: input }, { output: 'tensor-values' });
 *     const [, loss] = sess.run([train, loss], feeds, { output: 'tensor-values' }); // train: null
 */
export interface RunOptions {
  /** `'js'` (default): scalars and nested arrays; `'tensor-values'`: `TensorValue`s. */
  readonly output?: 'js' | 'tensor-values';
}

export interface SessionOptions {
  /** Where kernels run: the default backend (`setDefaultBackend`, the CPU unless a host set one) or e.g. a `WebGLBackend`. */
  readonly backend?: AnyBackend;
}

/** A backend of any value type: a session only hands a backend values that backend produced. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyBackend = Backend<any>;

/**
 * `tf.Session`: runs the part of a graph that fetches need, with feeds, keeping variable
 * values across `run` calls. Each distinct (fetches, feed keys) pair is planned once —
 * pruned and ordered — and later calls only execute the kernels.
 *
 *     const sess = new tf.Session();
 *     sess.run(tf.globalVariablesInitializer());
 *     const [, l] = sess.run([train, loss], { 'inputs/Placeholder:0': 0.5, 'inputs/Placeholder_1:0': 10.5 });
 */
export class Session {
  readonly graph: Graph;
  readonly backend: AnyBackend;
  private readonly variables = new Map<string, SessionVariable>();
  private readonly plans = new Map<string, Plan>();
  private readonly generators = new Map<Operation, SeededRandom>();
  private closed = false;

  constructor(graph: Graph = getDefaultGraph(), options: SessionOptions = {}) {
    this.graph = graph;
    this.backend = options.backend ?? getDefaultBackend();
  }

  run(fetches: Fetch, feedDict?: FeedDict, options: RunOptions = {}): any {
    const output = options.output ?? 'js';
    if (output !== 'js' && output !== 'tensor-values') throw new ValueError(`Unknown run output '${String(output)}': expected 'js' or 'tensor-values'`);
    if (this.closed) throw new ValueError('Attempted to use a closed Session.');
    const feeds = this.resolveFeeds(feedDict);
    const flat = flattenFetches(this.graph, fetches);
    const key = planKey(flat.leaves, feeds);
    let plan = this.plans.get(key);
    if (plan === undefined || plan.version !== this.graph.version) {
      plan = this.plan(flat.leaves, [...feeds.keys()], flat.rebuild);
      this.plans.set(key, plan);
    }
    const backend = this.backend;
    backend.beginRun?.();
    const slots: unknown[] = new Array(plan.slotCount);
    try {
      for (const [t, slot] of plan.feedSlots) slots[slot] = backend.upload(feeds.get(t)!);
      for (const step of plan.steps) {
        const inputs = step.inputs;
        const ins = step.inputSlots;
        for (let i = 0; i < ins.length; i++) inputs[i] = ins[i]! >= 0 ? slots[ins[i]!] : null;
        let outs: unknown[];
        try {
          outs = step.kernel(inputs, step.ctx);
        } catch (e) {
          throw asNodeError(e, step.op);
        }
        const release = step.release;
        const os = step.outputSlots;
        for (let i = 0; i < os.length; i++) {
          if (os[i]! >= 0) slots[os[i]!] = outs[i];
          else if (release !== null) backend.dispose(outs[i]); // a fed output: its computed value is unused
        }
        if (release !== null) {
          for (let i = 0; i < release.length; i++) {
            backend.dispose(slots[release[i]!]);
            slots[release[i]!] = undefined;
          }
        }
      }
      const values = plan.fetchSlots.map((s) => (s < 0 ? null : output === 'js' ? toJs(backend.download(slots[s])) : backend.download(slots[s])));
      return plan.rebuild(values);
    } finally {
      // Fetched values, and everything left by a failed step, go back to the backend.
      if (backend.disposes) for (const v of slots) if (v !== undefined) backend.dispose(v);
    }
  }

  /** Release variable values. Further `run` calls fail, as in TF. */
  close(): void {
    this.closed = true;
    for (const v of this.variables.values()) v.setResident(null);
    this.variables.clear();
    this.plans.clear();
  }

  private resolveFeeds(feedDict: FeedDict | undefined): Map<Tensor, TensorValue> {
    const out = new Map<Tensor, TensorValue>();
    if (feedDict === undefined) return out;
    const entries: [unknown, FeedValue][] = feedDict instanceof Map ? [...feedDict.entries()] : Object.entries(feedDict);
    for (const [k, v] of entries) {
      const t = this.feedTensor(k);
      let value: TensorValue;
      try {
        // A typed array of the tensor's dtype is used as it is (no copy): kernels never write into their inputs.
        value = (isTensorValue(v) ? typedView(v.data, t.dtype, v.shape) : typedView(v, t.dtype)) ??
          (isTensorValue(v) ? fromJs(v.data as ValueLike, t.dtype, v.shape) : fromJs(v, t.dtype));
      } catch (e) {
        throw new ValueError(`Cannot feed value for Tensor '${t.name}': ${(e as Error).message}`);
      }
      if (!shapeFits(value.shape, t.shape)) {
        throw new ValueError(`Cannot feed value of shape ${shapeToString(value.shape)} for Tensor '${t.name}', which has shape '${shapeToString(t.shape)}'`);
      }
      out.set(t, value);
    }
    return out;
  }

  private feedTensor(key: unknown): Tensor {
    if (key instanceof Tensor) return key;
    if (typeof key === 'string') return this.graph.getTensorByName(/:\d+$/.test(key) ? key : `${key}:0`);
    if (typeof key === 'object' && key !== null && typeof (key as { toTensor?: unknown }).toTensor === 'function') {
      return (key as { toTensor(): Tensor }).toTensor();
    }
    throw new ValueError(`Cannot interpret feed_dict key as Tensor: ${String(key)}`);
  }

  /** Prune to what the fetches need (stopping at feeds and at ref inputs), then order by dependencies. */
  private plan(leaves: ReturnType<typeof flattenFetches>['leaves'], fed: readonly Tensor[], rebuild: Plan['rebuild']): Plan {
    const fedSet = new Set(fed);
    let order: Operation[] = [];
    const state = new Map<Operation, 1 | 2>();
    const visit = (root: Operation): void => {
      // Iterative DFS: deep graphs must not overflow the JS stack.
      const stack: [Operation, number][] = [[root, 0]];
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const [op] = top;
        if (top[1] === 0) {
          if (state.get(op) === 2) { stack.pop(); continue; }
          if (state.get(op) === 1) throw new ValueError(`Graph has a cycle through '${op.name}'`);
          state.set(op, 1);
        }
        const deps = dependencies(op, fedSet);
        if (top[1] < deps.length) {
          const next = deps[top[1]++]!;
          if (state.get(next) !== 2) stack.push([next, 0]);
          continue;
        }
        state.set(op, 2);
        order.push(op);
        stack.pop();
      }
    };
    for (const leaf of leaves) {
      if ('tensor' in leaf) { if (!fedSet.has(leaf.tensor)) visit(leaf.tensor.op); }
      else if ('op' in leaf) visit(leaf.op);
    }
    const live = liveOps(order, leaves, fedSet);
    if (live.size < order.length) order = order.filter((op) => live.has(op));
    const slotOf = new Map<Tensor, number>();
    const slot = (t: Tensor): number => {
      let s = slotOf.get(t);
      if (s === undefined) slotOf.set(t, (s = slotOf.size));
      return s;
    };
    const feedSlots = new Map<Tensor, number>();
    for (const t of fed) feedSlots.set(t, slot(t));
    const fetched = new Set(leaves.flatMap((leaf) => ('tensor' in leaf ? [leaf.tensor] : [])));
    const contexts = new Map(order.map((op) => [op, this.kernelContext(op)]));
    // A group a backend fused runs as one step, where its last op (the root) ran.
    const fusedAt = new Map<Operation, FusedKernel<unknown>>();
    const fusedAway = new Set<Operation>();
    if (this.backend.fuse !== undefined) {
      for (const group of this.backend.fuse(plannedRun(order, fedSet, fetched, contexts))) {
        const root = group.ops[group.ops.length - 1]!;
        fusedAt.set(root, group);
        for (const op of group.ops) if (op !== root) fusedAway.add(op);
      }
    }
    const outputSlotsOf = (op: Operation) => Int32Array.from(op.outputs, (t) => (fedSet.has(t) ? -1 : slot(t)));
    const steps: Step[] = order.filter((op) => !fusedAway.has(op)).map((op) => {
      const ctx = contexts.get(op)!;
      const group = fusedAt.get(op);
      if (group !== undefined) {
        const inputSlots = Int32Array.from(group.inputs, (t) => slot(t));
        // Shape-only values of fused-away outputs (for later Shape readers) land in those outputs' slots.
        const shapeSlots = (group.shapeOutputs ?? []).map((t) => slot(t));
        const outputSlots = Int32Array.from([...outputSlotsOf(op), ...shapeSlots]);
        return { op, kernel: group.kernel, inputSlots, outputSlots, ctx, inputs: new Array(group.inputs.length).fill(null), release: null };
      }
      const def = lookupOpDef(op.type);
      const refInputs = def.refInputs ?? [];
      const inputSlots = Int32Array.from(op.inputs, (t, i) => (refInputs.includes(i) ? -1 : slot(t)));
      const kernel = this.backend.kernel(op, def);
      return { op, kernel, inputSlots, outputSlots: outputSlotsOf(op), ctx, inputs: new Array(op.inputs.length).fill(null), release: null };
    });
    const fetchSlots = leaves.map((leaf) => ('tensor' in leaf ? slot(leaf.tensor) : -1));
    if (this.backend.disposes) addReleases(steps, fetchSlots);
    return { version: this.graph.version, steps, slotCount: slotOf.size, feedSlots, fetchSlots, rebuild };
  }

  private variableSlot(name: string): VariableSlot {
    let s = this.variables.get(name);
    if (s === undefined) this.variables.set(name, (s = new SessionVariable(name)));
    return s;
  }

  private kernelContext(op: Operation): KernelContext {
    const session = this;
    return {
      op,
      ref(i: number): VariableSlot {
        const src = op.inputs[i]!.op;
        if (src.type !== 'VariableV2') throw new InvalidArgumentError(`Input ${i} of '${op.name}' must be a variable, got ${src.type} '${src.name}'`, op.name);
        return session.variableSlot(src.name);
      },
      variable: (name) => session.variableSlot(name),
      random(): number {
        let g = session.generators.get(op);
        if (g === undefined) session.generators.set(op, (g = SeededRandom.forOp(op)));
        return g.next();
      },
      print: (text) => getHost().print(text),
    };
  }
}

/**
 * A variable's value in a session: on the host, or held by the backend (`resident`) with
 * the host copy read back on demand and cached until the next update (op-def.ts).
 */
class SessionVariable implements VariableSlot {
  private host: TensorValue | null = null;
  private held: ResidentValue | null = null;

  constructor(readonly name: string) {}

  get value(): TensorValue | null {
    if (this.host === null && this.held !== null) this.host = this.held.download();
    return this.host;
  }

  set value(v: TensorValue | null) {
    const old = this.held;
    this.held = null;
    this.host = v;
    if (old !== null) old.dispose();
  }

  get resident(): ResidentValue | null {
    return this.held;
  }

  setResident(r: ResidentValue | null): void {
    if (r === null) {
      if (this.held !== null) this.value = this.value; // read back, then drop the backend's copy
      return;
    }
    const old = this.held;
    this.held = r;
    this.host = null;
    if (old !== null && old !== r) old.dispose();
  }
}

/** The plan hook's view of a run (backend.ts `PlannedRun`). */
function plannedRun(ops: readonly Operation[], fed: ReadonlySet<Tensor>, fetched: ReadonlySet<Tensor>, contexts: ReadonlyMap<Operation, KernelContext>): PlannedRun {
  const consumers = new Map<Tensor, Operation[]>();
  for (const op of ops) {
    const refInputs = lookupOpDef(op.type).refInputs ?? [];
    op.inputs.forEach((t, i) => {
      if (refInputs.includes(i) || fed.has(t)) return;
      const list = consumers.get(t);
      if (list === undefined) consumers.set(t, [op]);
      else list.push(op);
    });
  }
  return {
    ops,
    isFed: (t) => fed.has(t),
    isFetched: (t) => fetched.has(t),
    consumers: (t) => consumers.get(t) ?? [],
    context: (op) => {
      const ctx = contexts.get(op);
      if (ctx === undefined) throw new ValueError(`'${op.name}' is not part of this run`);
      return ctx;
    },
  };
}

/**
 * Give each step the slots it is the last to touch (read or write), so a backend that owns
 * its values (textures) can reuse them within the run. Fetched slots stay until read back.
 */
function addReleases(steps: Step[], fetchSlots: readonly number[]): void {
  const last = new Map<number, number>();
  steps.forEach((step, i) => {
    for (const s of step.inputSlots) if (s >= 0) last.set(s, i);
    for (const s of step.outputSlots) if (s >= 0) last.set(s, i);
  });
  for (const s of fetchSlots) last.delete(s);
  const perStep: number[][] = steps.map(() => []);
  for (const [s, i] of last) perStep[i]!.push(s);
  steps.forEach((step, i) => {
    step.release = Int32Array.from(perStep[i]!);
  });
}

/**
 * The ops of `order` whose running can be observed: the fetches, every stateful op
 * (variables, their updates, random ops, prints) and, transitively, whatever produces a
 * data input of one of those. A pure op reached only through control edges computes a value
 * nobody reads — the typical case is a gradient an optimizer's `gate_gradients` groups
 * (`tuple`) though no variable needs it, like dL/dx of a fed input, a whole matmul per
 * step — so it is skipped. The order of the ops kept is unchanged, so control edges still
 * order the stateful ops. (TF would also run such an op and could raise its error.)
 */
function liveOps(order: readonly Operation[], leaves: ReturnType<typeof flattenFetches>['leaves'], fed: ReadonlySet<Tensor>): Set<Operation> {
  const live = new Set<Operation>();
  for (const leaf of leaves) {
    if ('tensor' in leaf) { if (!fed.has(leaf.tensor)) live.add(leaf.tensor.op); }
    else if ('op' in leaf) live.add(leaf.op);
  }
  for (const op of order) if (lookupOpDef(op.type).stateful === true) live.add(op);
  // Reverse topological order: each op's consumers are decided before it.
  for (let i = order.length - 1; i >= 0; i--) {
    const op = order[i]!;
    if (!live.has(op)) continue;
    const refInputs = lookupOpDef(op.type).refInputs ?? [];
    op.inputs.forEach((t, k) => {
      if (!fed.has(t) && !refInputs.includes(k)) live.add(t.op);
    });
  }
  return live;
}

/** Data inputs (unless fed or taken by reference) and control inputs. */
function dependencies(op: Operation, fed: ReadonlySet<Tensor>): Operation[] {
  const refInputs = lookupOpDef(op.type).refInputs ?? [];
  const deps: Operation[] = [];
  op.inputs.forEach((t, i) => {
    if (!fed.has(t) && !refInputs.includes(i)) deps.push(t.op);
  });
  deps.push(...op.controlInputs);
  return deps;
}

function planKey(leaves: ReturnType<typeof flattenFetches>['leaves'], feeds: ReadonlyMap<Tensor, unknown>): string {
  const f = leaves.map((l) => ('tensor' in l ? l.tensor.name : 'op' in l ? `^${l.op.name}` : '-')).join(',');
  return `${f}|${[...feeds.keys()].map((t) => t.name).join(',')}`;
}

/** Name the failing node, as TF does, keeping TF's error class when the kernel raised one. */
function asNodeError(e: unknown, op: Operation): Error {
  if (e instanceof TFError || e instanceof BackendUnavailableError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new InvalidArgumentError(message, op.name);
}
