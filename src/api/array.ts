/**
 * Array ops as TF 1.x's `array_ops` builds them: the same default names, the same
 * Consts for JS arguments (`Reshape/shape`, `transpose/perm`, `concat/axis`), and the
 * same shortcuts (`shape(x)` is a Const when x's static shape is fully known).
 *
 *     const flat = tf.reshape(x, [-1, 784]);     // `Reshape/shape`, `Reshape`
 *     const xt = tf.transpose(x);                // `transpose/Rank`, …, `transpose`
 */
import { attr, type Attrs } from '../engine/attr.ts';
import type { DType } from '../engine/dtype.ts';
import { ValueError } from '../engine/errors.ts';
import { Tensor } from '../engine/graph.ts';
import { applyOp, constant, convertToTensor, graphOf, type TensorLike } from '../engine/op-builder.ts';
import { isFullyDefined, numElements } from '../engine/shape.ts';
import { cast, opSub } from './math.ts';

export interface ShapeOptions {
  readonly name?: string;
  readonly outType?: DType;
  /** TF's `optimize`: fold to a Const when the static shape allows it. */
  readonly optimize?: boolean;
}

/** A list holding tensors, converted the way TF's autopacking does: a `Pack` named `name`, JS entries as Consts `name/<i>`. */
export type PackableList = readonly (TensorLike | number)[];

function isSymbolic(x: unknown): boolean {
  return x instanceof Tensor || (typeof x === 'object' && x !== null && typeof (x as { toTensor?: unknown }).toTensor === 'function');
}

/**
 * TF's `_autopacking_helper`: a JS list that contains tensors becomes a `Pack` (named
 * `name`, in the current scope); other values are returned for ordinary conversion.
 */
export function autoPack(value: TensorLike | PackableList, name = 'packed'): TensorLike {
  if (!Array.isArray(value) || !value.some(isSymbolic)) return value as TensorLike;
  const list = value as readonly TensorLike[];
  const graph = graphOf(list);
  return graph.nameScope(name, (scope) => {
    const first = list.find(isSymbolic)!;
    const dtype = convertToTensor(first, undefined, undefined, graph).dtype;
    const tensors = list.map((x, i) => (isSymbolic(x) ? convertToTensor(x, dtype, undefined, graph) : constant(x as number, dtype, undefined, String(i), graph)));
    return graph.createOp('Pack', tensors, { N: attr.int(tensors.length), T: attr.type(dtype), axis: attr.int(0) }, scope).output;
  });
}

function symbolicDType(x: unknown): DType | undefined {
  if (x instanceof Tensor) return x.dtype;
  if (isSymbolic(x)) return (x as { toTensor(): Tensor }).toTensor().dtype;
  if (Array.isArray(x)) for (const e of x) if (isSymbolic(e)) return symbolicDType(e);
  return undefined;
}

/** One input of `applyPacked`: its argument name, value, and the dtype JS values take ('T' = the shared type). */
type PackedInput = readonly [argName: string, value: TensorLike | PackableList, dtype?: DType | 'T'];

/**
 * TF's `_apply_op_helper` for ops with shape-like arguments: inside the op's scope each
 * input is converted in argument order, lists holding tensors autopacked (`Slice/begin`
 * as a Pack), JS values as Consts named after the argument; inputs marked 'T' share the
 * dtype of the first symbolic one.
 */
function applyPacked(type: string, name: string, inputs: readonly PackedInput[], attrs: (ts: Tensor[]) => Attrs): Tensor {
  const graph = graphOf(inputs.map(([, v]) => v).flat());
  let shared: DType | undefined;
  for (const [, v, dt] of inputs) if (dt === 'T') shared ??= symbolicDType(v);
  return graph.nameScope(name, (scope) => {
    const tensors = inputs.map(([argName, v, dt]) => convertToTensor(autoPack(v, argName), dt === 'T' ? shared : dt, argName, graph));
    return graph.createOp(type, tensors, attrs(tensors), scope).output;
  });
}

/**
 * `tf.shape(x)`: the shape as an int32 vector; a Const named `Shape` when x's static
 * shape is fully defined (TF's `optimize=True`), else a `Shape` op.
 */
export function shape(x: TensorLike, options: ShapeOptions = {}): Tensor {
  const { name = 'Shape', outType = 'int32', optimize = true } = options;
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, undefined, graph);
    if (optimize && isFullyDefined(t.shape)) return constant(Int32Array.from(t.shape), outType, [t.shape.length], scope, graph);
    return graph.createOp('Shape', [t], { T: attr.type(t.dtype), out_type: attr.type(outType) }, scope).output;
  });
}

/** `tf.shape_n(inputs)` → `ShapeN`: one shape vector per input. */
export function shapeN(inputs: readonly TensorLike[], outType: DType = 'int32', name = 'ShapeN'): Tensor[] {
  const op = applyOp('ShapeN', name, inputs.map((x, i) => [`input_${i}`, x] as const), (ts) => ({
    N: attr.int(ts.length),
    T: attr.type(ts[0]!.dtype),
    out_type: attr.type(outType),
  }));
  return [...op.outputs];
}

/** `tf.size(x)`: the element count; a Const named `Size` when the static shape is fully defined. */
export function size(x: TensorLike, options: ShapeOptions = {}): Tensor {
  const { name = 'Size', outType = 'int32', optimize = true } = options;
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, undefined, graph);
    if (optimize && isFullyDefined(t.shape)) return constant(numElements(t.shape), outType, undefined, scope, graph);
    return graph.createOp('Size', [t], { T: attr.type(t.dtype), out_type: attr.type(outType) }, scope).output;
  });
}

/** `tf.rank(x)`: the number of dimensions; a Const named `Rank` when the rank is known. */
export function rank(x: TensorLike, options: Omit<ShapeOptions, 'outType'> = {}): Tensor {
  const { name = 'Rank', optimize = true } = options;
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, undefined, graph);
    if (optimize && t.shape !== null) return constant(t.shape.length, 'int32', undefined, scope, graph);
    return graph.createOp('Rank', [t], { T: attr.type(t.dtype) }, scope).output;
  });
}

/** `tf.reshape(x, shape)` → `Reshape`; one entry may be -1. A JS shape becomes `Reshape/shape`. */
export function reshape(x: TensorLike, shape: TensorLike | PackableList, name = 'Reshape'): Tensor {
  return applyPacked('Reshape', name, [['tensor', x, 'T'], ['shape', shape, 'int32']], (ts) => ({ T: attr.type(ts[0]!.dtype), Tshape: attr.type(ts[1]!.dtype) }));
}

/**
 * `tf.fill(dims, value)` → `Fill`. A JS value becomes `Fill/value` (float32 unless
 * `dtype` says otherwise: JS cannot tell TF's `1` from `1.0`).
 */
export function fill(dims: TensorLike | PackableList, value: TensorLike, name = 'Fill', dtype?: DType): Tensor {
  return applyPacked('Fill', name, [['dims', dims, 'int32'], ['value', value, dtype]], (ts) => ({ T: attr.type(ts[1]!.dtype) }));
}

/** `tf.tile(x, multiples)` → `Tile` (`Tile/multiples` for a JS list). */
export function tile(x: TensorLike, multiples: TensorLike | PackableList, name = 'Tile'): Tensor {
  return applyPacked('Tile', name, [['input', x, 'T'], ['multiples', multiples, 'int32']], (ts) => ({ T: attr.type(ts[0]!.dtype), Tmultiples: attr.type(ts[1]!.dtype) }));
}

/** A JS number's TF dtype: Python's `0` is int32 and `0.5` float32; JS cannot tell `1.0` from `1`. */
function numberDType(x: TensorLike): DType | undefined {
  if (typeof x === 'number') return Number.isInteger(x) ? 'int32' : 'float32';
  return undefined;
}

/**
 * `tf.range(start, limit?, delta=1)` (TF's `math_ops.range`): `range/start`,
 * `range/delta` (and `range/limit` for a JS limit), then the `Range` op named `range`.
 * With one argument it counts from 0 to that limit. Integer JS numbers are int32;
 * mixed dtypes are cast to the widest, as TF does.
 *
 *     tf.range(5);          // [0, 1, 2, 3, 4]
 */
export function range(start: TensorLike, limit?: TensorLike, delta: TensorLike = 1, name = 'range', dtype?: DType): Tensor {
  if (limit === undefined) {
    limit = start;
    start = 0;
  }
  const args = [start, limit, delta] as const;
  const graph = graphOf([...args]);
  return graph.nameScope(name, (scope) => {
    const [s, l, d] = (['start', 'limit', 'delta'] as const).map((argName, i) => {
      const v = args[i]!;
      return convertToTensor(v, dtype ?? numberDType(v), argName, graph);
    }) as [Tensor, Tensor, Tensor];
    if (dtype !== undefined) return graph.createOp('Range', [s, l, d], { Tidx: attr.type(dtype) }, scope).output;
    // Without a dtype TF casts every argument to the widest one (each cast takes a `Cast` scope name).
    const widest: DType = [s, l, d].some((t) => t.dtype === 'float32') ? 'float32' : 'int32';
    const [s2, l2, d2] = [s, l, d].map((t) => cast(t, widest)) as [Tensor, Tensor, Tensor];
    return graph.createOp('Range', [s2, l2, d2], { Tidx: attr.type(widest) }, scope).output;
  });
}

/** `tf.dynamic_stitch(indices, data)` → `DynamicStitch` (`DynamicStitch/indices_0`… for JS entries). */
export function dynamicStitch(indices: readonly TensorLike[], data: readonly TensorLike[], name = 'DynamicStitch'): Tensor {
  const n = indices.length;
  if (data.length !== n) throw new ValueError(`List argument 'data' to 'DynamicStitch' Op with length ${data.length} must match length ${n} of argument 'indices'.`);
  const inputs = [...indices.map((x, i) => [`indices_${i}`, x] as const), ...data.map((x, i) => [`data_${i}`, x] as const)];
  const dtypes: Record<number, DType> = {};
  for (let i = 0; i < n; i++) dtypes[i] = 'int32';
  return applyOp('DynamicStitch', name, inputs, (ts) => ({ N: attr.int(n), T: attr.type(ts[n]!.dtype) }), {
    sameType: data.map((_, i) => n + i),
    dtypes,
  }).output;
}

/** `BroadcastGradientArgs(s0, s1)` → [r0, r1]: the axes each operand's gradient is summed over. */
export function broadcastGradientArgs(s0: TensorLike, s1: TensorLike, name = 'BroadcastGradientArgs'): [Tensor, Tensor] {
  const op = applyOp('BroadcastGradientArgs', name, [['s0', s0], ['s1', s1]], (ts) => ({ T: attr.type(ts[0]!.dtype) }), { dtypes: { 0: 'int32', 1: 'int32' } });
  return [op.outputs[0]!, op.outputs[1]!];
}

function filled(value: 0 | 1, defaultName: string) {
  return (dims: TensorLike | PackableList, dtype: DType = 'float32', name = defaultName): Tensor => {
    const graph = graphOf([dims]);
    return graph.nameScope(name, (scope) => {
      if (!Array.isArray(dims) || dims.some(isSymbolic)) {
        const shapeT = convertToTensor(autoPack(dims, 'shape'), 'int32', 'shape', graph);
        return fill(shapeT, constant(value, dtype, undefined, 'Const', graph), scope);
      }
      return constant(value, dtype, dims as number[], scope, graph);
    });
  };
}

/** `tf.zeros(shape, dtype='float32')`: a Const named `zeros` for a JS shape, else `zeros/Const` + a Fill. */
export const zeros = filled(0, 'zeros');
/** `tf.ones(shape, dtype='float32')`: like `zeros`, named `ones`. */
export const ones = filled(1, 'ones');

/**
 * `tf.transpose(x, perm?)` → `Transpose` named `transpose`. Without perm TF reverses
 * the axes with a runtime `Rank` and `Range` (`transpose/Rank`, `transpose/sub`, …).
 */
export function transpose(x: TensorLike, perm?: TensorLike, name = 'transpose'): Tensor {
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    if (perm !== undefined) {
      return applyOp('Transpose', scope, [['x', x], ['perm', perm]], (ts) => ({ T: attr.type(ts[0]!.dtype), Tperm: attr.type(ts[1]!.dtype) }), {
        sameType: [0],
        dtypes: { 1: 'int32' },
      }).output;
    }
    const rankOp = applyOp('Rank', 'Rank', [['input', x]], (ts) => ({ T: attr.type(ts[0]!.dtype) }));
    const t = rankOp.inputs[0]!;
    const r = rankOp.output;
    const reversed = opSub(opSub(r, 1), applyOp('Range', 'Range', [['start', 0], ['limit', r], ['delta', 1]], { Tidx: attr.type('int32') }, { dtypes: { 0: 'int32', 2: 'int32' } }).output);
    const out = graph.createOp('Transpose', [t, reversed], { T: attr.type(t.dtype), Tperm: attr.type('int32') }, scope).output;
    // TF sets the reversed static shape, which the shape function cannot see through Range.
    if (t.shape !== null) out.setShape([...t.shape].reverse());
    return out;
  });
}

/** `tf.invert_permutation(x)` → `InvertPermutation`. */
export function invertPermutation(x: TensorLike, name = 'InvertPermutation'): Tensor {
  return applyOp('InvertPermutation', name, [['x', x]], (ts) => ({ T: attr.type(ts[0]!.dtype) }), { dtypes: { 0: 'int32' } }).output;
}

/**
 * `tf.concat(values, axis)` → `ConcatV2` named `concat` (`concat/axis`; JS entries are
 * `concat/values_<i>`). A single value is passed through an Identity, as in TF.
 */
export function concat(values: readonly (TensorLike | PackableList)[], axis: TensorLike, name = 'concat'): Tensor {
  const graph = graphOf([...values, axis]);
  if (values.length === 1) {
    return graph.nameScope(name, (scope) => {
      const axisT = convertToTensor(axis, 'int32', 'concat_dim', graph);
      if (axisT.shape !== null && axisT.shape.length !== 0) throw new ValueError(`Shape ${axisT.shape} must have rank 0`);
      return identity(convertToTensor(autoPack(values[0]!, 'values_0') as TensorLike, undefined, undefined, graph), scope);
    });
  }
  const inputs: PackedInput[] = [...values.map((v, i) => [`values_${i}`, v, 'T'] as const), ['axis', axis, 'int32']];
  return applyPacked('ConcatV2', name, inputs, (ts) => ({
    N: attr.int(values.length),
    T: attr.type(ts[0]!.dtype),
    Tidx: attr.type(ts[ts.length - 1]!.dtype),
  }));
}

/** `ConcatOffset(concat_dim, shapes)`: where each of N inputs starts in their concatenation (TF's concat gradient). */
export function concatOffset(concatDim: TensorLike, shapes: readonly TensorLike[], name = 'ConcatOffset'): Tensor[] {
  const inputs = [['concat_dim', concatDim] as const, ...shapes.map((s, i) => [`shape_${i}`, s] as const)];
  return [...applyOp('ConcatOffset', name, inputs, { N: attr.int(shapes.length) }, { sameType: [], dtypes: { 0: 'int32' } }).outputs];
}

/**
 * `tf.stack(values, axis=0)` → `Pack` named `stack`. As in TF, a list of JS values is
 * just a Const, and with axis 0 a list holding tensors goes through autopacking
 * (JS entries become `stack/<i>`).
 */
export function stack(values: readonly (TensorLike | number)[], axis = 0, name = 'stack'): Tensor {
  const graph = graphOf(values);
  if (axis === 0) {
    if (!values.some(isSymbolic)) return convertToTensor(values as TensorLike, undefined, name, graph);
    return autoPack(values, name) as Tensor;
  }
  const first = convertToTensor(values[0] as TensorLike, undefined, name, graph);
  if (first.shape !== null) {
    const n = first.shape.length + 1;
    if (axis < -n || axis >= n) throw new ValueError(`axis = ${axis} not in [${-n}, ${n})`);
  }
  return applyOp('Pack', name, values.map((v, i) => [`values_${i}`, v as TensorLike] as const), (ts) => ({
    N: attr.int(ts.length),
    T: attr.type(ts[0]!.dtype),
    axis: attr.int(axis),
  })).output;
}

/** `tf.unstack(value, num?, axis=0)` → `Unpack` named `unstack`: num tensors along axis. */
export function unstack(value: TensorLike, num?: number, axis = 0, name = 'unstack'): Tensor[] {
  const graph = graphOf([value]);
  const t = convertToTensor(value, undefined, undefined, graph);
  if (num === undefined) {
    const s = t.shape;
    const d = s === null ? null : s[axis < 0 ? axis + s.length : axis];
    if (d === null || d === undefined) throw new ValueError(`Cannot infer num from shape ${s === null ? '<unknown>' : `(${s.join(', ')})`}`);
    num = d;
  }
  const op = applyOp('Unpack', name, [['value', t]], { num: attr.int(num), T: attr.type(t.dtype), axis: attr.int(axis) });
  return [...op.outputs];
}

/** `tf.expand_dims(x, axis)` → `ExpandDims` (`ExpandDims/dim` for a JS axis). */
export function expandDims(x: TensorLike, axis: TensorLike, name = 'ExpandDims'): Tensor {
  return applyOp('ExpandDims', name, [['input', x], ['dim', axis]], (ts) => ({ T: attr.type(ts[0]!.dtype), Tdim: attr.type(ts[1]!.dtype) }), {
    sameType: [0],
    dtypes: { 1: 'int32' },
  }).output;
}

/** `tf.squeeze(x, axis?)` → `Squeeze` with attr `squeeze_dims` (all size-1 dims when omitted). */
export function squeeze(x: TensorLike, axis?: number | readonly number[], name = 'Squeeze'): Tensor {
  const dims = axis === undefined ? [] : typeof axis === 'number' ? [axis] : [...axis];
  return applyOp('Squeeze', name, [['input', x]], (ts) => ({ T: attr.type(ts[0]!.dtype), squeeze_dims: attr.listInt(dims) })).output;
}

/** `tf.slice(x, begin, size)` → `Slice` (`Slice/begin`, `Slice/size`); a size of -1 takes the rest. */
export function slice(x: TensorLike, begin: TensorLike | PackableList, size: TensorLike | PackableList, name = 'Slice'): Tensor {
  return applyPacked('Slice', name, [['input', x, 'T'], ['begin', begin, 'int32'], ['size', size, 'int32']], (ts) => ({
    T: attr.type(ts[0]!.dtype),
    Index: attr.type(ts[1]!.dtype),
  }));
}

/** `tf.pad(x, paddings)` (constant mode) → `Pad` (`Pad/paddings` for a JS list). */
export function pad(x: TensorLike, paddings: TensorLike, name = 'Pad'): Tensor {
  return applyOp('Pad', name, [['input', x], ['paddings', paddings]], (ts) => ({ T: attr.type(ts[0]!.dtype), Tpaddings: attr.type(ts[1]!.dtype) }), {
    sameType: [0],
    dtypes: { 1: 'int32' },
  }).output;
}

/** `tf.gather(params, indices)` → TF 1.1's `Gather` op (axis 0). */
export function gather(params: TensorLike, indices: TensorLike, name = 'Gather'): Tensor {
  return applyOp('Gather', name, [['params', params], ['indices', indices]], (ts) => ({
    validate_indices: attr.bool(true),
    Tparams: attr.type(ts[0]!.dtype),
    Tindices: attr.type(ts[1]!.dtype),
  }), { sameType: [0], dtypes: { 1: 'int32' } }).output;
}

/** `tf.setdiff1d(x, y)` → `ListDiff`: [values of x not in y, their indices in x]. */
export function setdiff1d(x: TensorLike, y: TensorLike, name = 'ListDiff'): [Tensor, Tensor] {
  const op = applyOp('ListDiff', name, [['x', x], ['y', y]], (ts) => ({ T: attr.type(ts[0]!.dtype), out_idx: attr.type('int32') }));
  return [op.outputs[0]!, op.outputs[1]!];
}

/** `tf.identity(x)` → `Identity`. */
export function identity(x: TensorLike, name = 'Identity'): Tensor {
  return applyOp('Identity', name, [['input', x]], (ts) => ({ T: attr.type(ts[0]!.dtype) })).output;
}

/** `tf.stop_gradient(x)` → `StopGradient`: identity forward, no gradient back. */
export function stopGradient(x: TensorLike, name = 'StopGradient'): Tensor {
  return applyOp('StopGradient', name, [['input', x]], (ts) => ({ T: attr.type(ts[0]!.dtype) })).output;
}
