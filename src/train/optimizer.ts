/**
 * TF 1.x's `tf.train.Optimizer`: `minimize` = `computeGradients` + `applyGradients`,
 * building the same nodes, with the same names, in the same order as TF:
 * slots first (outside the optimizer's scope), then inside `<Name>/` the hyper-parameter
 * Consts (`_prepare`), one `update_<var>/Apply…` per variable, and the final group
 * (`_finish`), or with a global step the `update` group and an `AssignAdd` named `<Name>`.
 */
import { tuple, group } from '../engine/control-flow.ts';
import { TypeError_, ValueError } from '../engine/errors.ts';
import { getDefaultGraph, type Graph, type Operation, type Tensor } from '../engine/graph.ts';
import { gradients } from '../engine/gradients.ts';
import { applyOp, convertToTensor, type TensorLike } from '../engine/op-builder.ts';
import { GraphKeys, refOf, trainableVariables, Variable } from '../engine/variable.ts';
import type { Initializer } from '../engine/variable-scope.ts';
import { attr } from '../engine/attr.ts';
import { createSlotWithInitializer, createZerosSlot } from './slot-creator.ts';

/** A learning rate (or other hyper-parameter): a number, a tensor, or a function building one. */
export type HyperParam = number | Tensor | (() => TensorLike);

/** TF's `Optimizer.GATE_*`: how much gradient computation is serialized. */
export type GateGradients = 0 | 1 | 2;

export interface OptimizerOptions {
  readonly useLocking?: boolean;
  readonly name?: string;
}

export interface ComputeGradientsOptions {
  /** Variables to differentiate; defaults to the graph's trainable variables. */
  readonly varList?: readonly Variable[];
  readonly gateGradients?: GateGradients;
  /** Gradient of the loss (TF's `grad_loss`), default ones. */
  readonly gradLoss?: TensorLike;
}

export interface ApplyGradientsOptions {
  /** Incremented by one after the updates (TF's `global_step`). */
  readonly globalStep?: Variable | Tensor;
  readonly name?: string;
}

export type MinimizeOptions = ComputeGradientsOptions & ApplyGradientsOptions;

export type GradAndVar = readonly [grad: Tensor | null, variable: Variable];

export abstract class Optimizer {
  static readonly GATE_NONE = 0;
  static readonly GATE_OP = 1;
  static readonly GATE_GRAPH = 2;

  readonly name: string;
  readonly useLocking: boolean;
  /** slot name → primary variable → slot variable (TF's `_slots`). */
  private readonly slots = new Map<string, Map<Variable, Variable>>();
  /** Variables that are not per-variable slots (Adam's beta powers), per graph. */
  private readonly nonSlot = new Map<Graph, Map<string, Variable>>();

  constructor(options: OptimizerOptions, defaultName: string) {
    this.name = options.name ?? defaultName;
    if (!this.name) throw new ValueError('Must specify the optimizer name');
    this.useLocking = options.useLocking ?? false;
  }

  /**
   * Add ops that minimize `loss` by updating `varList` (default: all trainable variables).
   *
   *     const train = new tf.train.AdamOptimizer(0.01).minimize(loss, { globalStep });
   *     sess.run(train, feed);
   */
  minimize(loss: Tensor, options: MinimizeOptions = {}): Operation {
    const gradsAndVars = this.computeGradients(loss, options);
    if (!gradsAndVars.some(([g]) => g !== null)) {
      throw new ValueError(
        `No gradients provided for any variable, check your graph for ops that do not support gradients, between variables ${pyList(gradsAndVars.map(([, v]) => v.toString()))} and loss ${loss.toString()}.`,
      );
    }
    return this.applyGradients(gradsAndVars, options);
  }

  /** `[gradient, variable]` pairs; the gradient is null for a variable the loss does not depend on. */
  computeGradients(loss: Tensor, options: ComputeGradientsOptions = {}): GradAndVar[] {
    const gate = options.gateGradients ?? Optimizer.GATE_OP;
    if (gate !== 0 && gate !== 1 && gate !== 2) {
      throw new ValueError(`gate_gradients must be one of: Optimizer.GATE_NONE, Optimizer.GATE_OP, Optimizer.GATE_GRAPH.  Not ${String(gate)}`);
    }
    assertValidDTypes([loss]);
    const varList = [...(options.varList ?? trainableVariables(loss.graph))];
    if (varList.length === 0) throw new ValueError('No variables to optimize.');
    for (const v of varList) {
      if (!(v instanceof Variable)) throw new TypeError_(`Trying to optimize unsupported type ${String(v)}`);
    }
    let grads = gradients(loss, varList.map((v) => v.ref), options.gradLoss === undefined ? undefined : [options.gradLoss], {
      gateGradients: gate === Optimizer.GATE_OP,
    });
    if (gate === Optimizer.GATE_GRAPH) grads = tuple(grads);
    const pairs = varList.map((v, i): GradAndVar => [grads[i] ?? null, v]);
    assertValidDTypes(pairs.filter(([g]) => g !== null).map(([, v]) => v.ref));
    return pairs;
  }

  /** Build the update ops for `[gradient, variable]` pairs; returns the train op. */
  applyGradients(gradsAndVars: readonly GradAndVar[], options: ApplyGradientsOptions = {}): Operation {
    if (gradsAndVars.length === 0) throw new ValueError('No variables provided.');
    const converted = gradsAndVars.map(([g, v]): GradAndVar => {
      if (!(v instanceof Variable)) throw new TypeError_(`Trying to update unsupported type ${String(v)}`);
      if (g === null) return [null, v];
      try {
        return [convertToTensor(g), v];
      } catch {
        throw new TypeError_(`Gradient must be convertible to a Tensor or IndexedSlices, or None: ${String(g)}`);
      }
    });
    const varList = converted.filter(([g]) => g !== null).map(([, v]) => v);
    if (varList.length === 0) {
      throw new ValueError(`No gradients provided for any variable: ${pyList(converted.map(([, v]) => v.toString()))}.`);
    }
    const graph = getDefaultGraph();
    graph.controlDependencies(null, () => this.createSlots(varList));
    return graph.nameScope(options.name ?? this.name, (scope) => {
      this.prepare();
      const updateOps: Operation[] = [];
      for (const [grad, v] of converted) {
        if (grad === null) continue;
        updateOps.push(graph.nameScope(`update_${v.op.name}`, () => graph.colocateWith(v.op, () => this.applyDense(grad, v))));
      }
      let train: Operation;
      const globalStep = options.globalStep;
      if (globalStep === undefined) {
        train = this.finish(updateOps, scope);
      } else {
        const finished = this.finish(updateOps, 'update');
        const ref = refOf(globalStep);
        train = graph.controlDependencies([finished], () =>
          graph.colocateWith(ref.op, () =>
            applyOp('AssignAdd', scope, [['ref', ref], ['value', 1]], (t) => ({ T: attr.type(t[0]!.dtype), use_locking: attr.bool(false) })),
          ),
        );
      }
      const trainOps = graph.getCollectionRef<Operation>(GraphKeys.TRAIN_OP);
      if (!trainOps.includes(train)) trainOps.push(train);
      return train;
    });
  }

  /** The slot `name` of `v` (`'m'`, `'v'`, `'momentum'`, …), or null. */
  getSlot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }

  /** The slot names this optimizer has created, sorted (TF's `get_slot_names`). */
  getSlotNames(): string[] {
    return [...this.slots.keys()].sort();
  }

  /** Every variable holding this optimizer's state in the default graph, sorted by name (TF's `variables()`). */
  variables(): Variable[] {
    const graph = getDefaultGraph();
    const all = [...(this.nonSlot.get(graph)?.values() ?? [])];
    for (const perVar of this.slots.values()) for (const s of perVar.values()) if (s.graph === graph) all.push(s);
    return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** TF's `_create_slots`: make every slot the update needs (called outside the optimizer's name scope). */
  protected createSlots(_varList: readonly Variable[]): void {}
  /** TF's `_prepare`: convert hyper-parameters to tensors, inside the optimizer's name scope. */
  protected prepare(): void {}
  /** TF's `_apply_dense`: the update op of one variable, in `update_<var>/`. */
  protected abstract applyDense(grad: Tensor, v: Variable): Operation;
  /** TF's `_finish`: group the updates (named `nameScope`, which may be the optimizer's scope itself). */
  protected finish(updateOps: readonly Operation[], nameScope: string): Operation {
    return group(updateOps, nameScope);
  }

  /** TF's `_zeros_slot`. */
  protected zerosSlot(v: Variable, slotName: string): Variable {
    return this.slotFor(v, slotName, () => createZerosSlot(v, this.name));
  }

  /** TF's `_get_or_make_slot_with_initializer`. */
  protected slotWithInitializer(v: Variable, initializer: Initializer, slotName: string): Variable {
    return this.slotFor(v, slotName, () => createSlotWithInitializer(v, initializer, this.name));
  }

  /** The existing slot, as `applyDense` needs it. */
  protected slot(v: Variable, slotName: string): Variable {
    const s = this.getSlot(v, slotName);
    if (s === null) throw new Error(`No slot '${slotName}' for ${v.op.name}`);
    return s;
  }

  /**
   * TF's `_create_non_slot_variable`: a variable in the current scope, colocated with
   * `colocateWith`, made once per graph (Adam's `beta1_power`).
   */
  protected nonSlotVariable(initialValue: number, name: string, colocateWith: Variable): Variable {
    const graph = colocateWith.graph;
    let perGraph = this.nonSlot.get(graph);
    if (perGraph === undefined) this.nonSlot.set(graph, (perGraph = new Map()));
    let v = perGraph.get(name);
    if (v === undefined) {
      v = graph.colocateWith(colocateWith.op, () => new Variable(initialValue, { name, trainable: false }));
      perGraph.set(name, v);
    }
    return v;
  }

  protected getNonSlotVariable(name: string, graph: Graph = getDefaultGraph()): Variable {
    const v = this.nonSlot.get(graph)?.get(name);
    if (v === undefined) throw new Error(`No non-slot variable '${name}' in this graph`);
    return v;
  }

  private slotFor(v: Variable, slotName: string, create: () => Variable): Variable {
    let named = this.slots.get(slotName);
    if (named === undefined) this.slots.set(slotName, (named = new Map()));
    let s = named.get(v);
    if (s === undefined) named.set(v, (s = create()));
    return s;
  }
}

/** TF's `ops.convert_to_tensor(value, name=…)` for a hyper-parameter in `_prepare`. */
export function hyperTensor(value: HyperParam, name: string): Tensor {
  const v = typeof value === 'function' ? value() : value;
  return convertToTensor(v, 'float32', name);
}

/** TF's `_assert_valid_dtypes`: optimizers work on floating-point tensors only. */
function assertValidDTypes(tensors: readonly Tensor[]): void {
  for (const t of tensors) {
    if (t.dtype !== 'float32') throw new ValueError(`Invalid type tf.${t.dtype} for ${t.name}, expected: [tf.float32].`);
  }
}

function pyList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}
