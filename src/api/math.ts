/**
 * Element-wise math as TF 1.x's Python API builds it. Each function's default name is
 * the one TF's wrapper uses, and JS values become Consts named after the argument
 * inside the op's scope:
 *
 *     tf.add(a, 1);    // Const `Add/y`, then `Add`; a second call gives `Add_1`
 *     opMul(a, 2);     // `a * 2` in Python: Const `mul/y`, then `mul`
 *
 * The `op*` functions are Python's operators (`+ - * / // % ** -x`), which TF names in
 * lower case; Tensor methods and gradient code use them where TF's code used operators.
 */
import { attr } from '../engine/attr.ts';
import type { DType } from '../engine/dtype.ts';
import { TypeError_, ValueError } from '../engine/errors.ts';
import { Tensor } from '../engine/graph.ts';
import { applyOp, constant, convertToTensor, graphOf, tAttr, type TensorConvertible, type TensorLike } from '../engine/op-builder.ts';
import { fill, identity, shape } from './array.ts';

type Binary = (x: TensorLike, y: TensorLike, name?: string) => Tensor;
type Unary = (x: TensorLike, name?: string) => Tensor;

function binary(type: string, defaultName: string): Binary {
  return (x, y, name = defaultName) => applyOp(type, name, [['x', x], ['y', y]], tAttr).output;
}

function unary(type: string, defaultName: string, argName = 'x'): Unary {
  return (x, name = defaultName) => applyOp(type, name, [[argName, x]], tAttr).output;
}

function logical(type: string, defaultName: string): Binary {
  return (x, y, name = defaultName) => applyOp(type, name, [['x', x], ['y', y]], {}, { dtypes: { 0: 'bool', 1: 'bool' } }).output;
}

/** The dtype of a symbolic value (Tensor or Variable); undefined for JS data. */
function symbolicDType(v: TensorLike): DType | undefined {
  if (v instanceof Tensor) return v.dtype;
  if (typeof v === 'object' && v !== null && typeof (v as TensorConvertible).toTensor === 'function') {
    return (v as TensorConvertible).toTensor().dtype;
  }
  return undefined;
}

/** `tf.add(x, y)`: x + y with NumPy broadcasting. `tf.add(a, b)` → `Add`. */
export const add = binary('Add', 'Add');
/** `tf.subtract(x, y)` → `Sub`. */
export const sub = binary('Sub', 'Sub');
/** `tf.multiply(x, y)` → `Mul`. */
export const mul = binary('Mul', 'Mul');
/** `tf.realdiv(x, y)` → `RealDiv` (floats only). */
export const realDiv = binary('RealDiv', 'RealDiv');
/** `tf.floordiv` / `tf.floor_div` → `FloorDiv`: floor(x / y); int32 division by zero fails at run time. */
export const floorDiv = binary('FloorDiv', 'FloorDiv');
/** `tf.floormod` / `tf.mod` → `FloorMod`: Python's `%` (the result has the divisor's sign). */
export const floorMod = binary('FloorMod', 'FloorMod');
/** `tf.maximum(x, y)` → `Maximum`. */
export const maximum = binary('Maximum', 'Maximum');
/** `tf.minimum(x, y)` → `Minimum`. */
export const minimum = binary('Minimum', 'Minimum');
/** `tf.pow(x, y)` → `Pow`: `tf.pow(a, 2)`. */
export const pow = binary('Pow', 'Pow');
/** `tf.squared_difference(x, y)` → `SquaredDifference`: (x - y)². */
export const squaredDifference = binary('SquaredDifference', 'SquaredDifference');

/** `tf.negative(x)` → `Neg`. */
export const neg = unary('Neg', 'Neg');
/** `tf.square(x)` → `Square`. */
export const square = unary('Square', 'Square');
/** `tf.sqrt(x)` → `Sqrt`. */
export const sqrt = unary('Sqrt', 'Sqrt');
/** `tf.rsqrt(x)` → `Rsqrt`: 1 / sqrt(x). */
export const rsqrt = unary('Rsqrt', 'Rsqrt');
/** `tf.exp(x)` → `Exp`. */
export const exp = unary('Exp', 'Exp');
/** `tf.log(x)` → `Log` (natural logarithm). */
export const log = unary('Log', 'Log');
/** `tf.abs(x)` → `Abs`. */
export const abs = unary('Abs', 'Abs');
/** `tf.sign(x)` → `Sign`. */
export const sign = unary('Sign', 'Sign');
/** `tf.reciprocal(x)` → `Reciprocal`. */
export const reciprocal = unary('Reciprocal', 'Reciprocal');
/** `tf.sigmoid(x)` / `tf.nn.sigmoid` → `Sigmoid`. */
export const sigmoid = unary('Sigmoid', 'Sigmoid');
/** `tf.tanh(x)` / `tf.nn.tanh` → `Tanh`. */
export const tanh = unary('Tanh', 'Tanh');
/** `tf.nn.relu(features)` → `Relu` (a JS value becomes `Relu/features`). */
export const relu = unary('Relu', 'Relu', 'features');

/** `tf.equal(x, y)` → `Equal`, a bool tensor. */
export const equal = binary('Equal', 'Equal');
export const notEqual = binary('NotEqual', 'NotEqual');
export const greater = binary('Greater', 'Greater');
export const greaterEqual = binary('GreaterEqual', 'GreaterEqual');
export const less = binary('Less', 'Less');
export const lessEqual = binary('LessEqual', 'LessEqual');
export const logicalAnd = logical('LogicalAnd', 'LogicalAnd');
export const logicalOr = logical('LogicalOr', 'LogicalOr');
export const logicalNot = (x: TensorLike, name = 'LogicalNot'): Tensor => applyOp('LogicalNot', name, [['x', x]], {}, { dtypes: { 0: 'bool' } }).output;

/**
 * `tf.divide(x, y)` / Python's `x / y` (TF's `_truediv_python3`) → `truediv`, a RealDiv.
 * int32 operands are cast first (`truediv/Cast`, `truediv/Cast_1`); TF casts them to
 * float64, which we do not have, so ours gives float32.
 *
 *     tf.div(a, 2);   // `truediv/y`, `truediv`
 */
export function div(x: TensorLike, y: TensorLike, name = 'truediv'): Tensor {
  const graph = graphOf([x, y]);
  return graph.nameScope(name, (scope) => {
    const shared = symbolicDType(x) ?? symbolicDType(y);
    let xt = convertToTensor(x, shared, 'x', graph);
    let yt = convertToTensor(y, shared ?? xt.dtype, 'y', graph);
    if (xt.dtype !== yt.dtype) throw new TypeError_(`x and y must have the same dtype, got ${xt.dtype} != ${yt.dtype}`);
    if (xt.dtype === 'int32') {
      xt = cast(xt, 'float32');
      yt = cast(yt, 'float32');
    } else if (xt.dtype !== 'float32') {
      throw new TypeError_(`Invalid dtype ${xt.dtype} in __truediv__`);
    }
    return graph.createOp('RealDiv', [xt, yt], { T: attr.type('float32') }, scope).output;
  });
}

/**
 * `tf.cast(x, dtype)` → `Cast` with `SrcT`/`DstT`. When x already has `dtype` it is
 * returned as is, though the `Cast` scope name is still taken, as in TF.
 *
 *     tf.cast(tf.equal(a, b), 'float32');
 */
export function cast(x: TensorLike, dtype: DType, name = 'Cast'): Tensor {
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, 'x', graph);
    if (t.dtype === dtype) return t;
    return graph.createOp('Cast', [t], { SrcT: attr.type(t.dtype), DstT: attr.type(dtype) }, scope).output;
  });
}

/**
 * `tf.add_n(inputs)` → `AddN`: the sum of same-shaped tensors. One input is returned
 * as is (or through an Identity when named), as TF does.
 *
 *     tf.addN([a, b, c]);
 */
export function addN(inputs: readonly TensorLike[], name?: string): Tensor {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new ValueError('inputs must be a list of at least one Tensor with the same dtype and shape');
  }
  const graph = graphOf(inputs);
  let shared: DType | undefined;
  for (const v of inputs) shared ??= symbolicDType(v);
  const tensors = inputs.map((v) => convertToTensor(v, shared, 'Const', graph));
  if (tensors.length === 1) return name === undefined ? tensors[0]! : identity(tensors[0]!, name);
  return applyOp('AddN', name ?? 'AddN', tensors.map((t) => ['inputs', t] as const), (ts) => ({
    N: attr.int(ts.length),
    T: attr.type(ts[0]!.dtype),
  })).output;
}

/** `tf.zeros_like(x)` → `ZerosLike` named `zeros_like`. */
export function zerosLike(x: TensorLike, name = 'zeros_like'): Tensor {
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, 'tensor', graph);
    return graph.createOp('ZerosLike', [t], { T: attr.type(t.dtype) }, scope).output;
  });
}

/**
 * `tf.ones_like(x)`: TF 1.x builds it from the shape, not with the OnesLike op:
 * `ones_like/Shape` (a Const when x's shape is known), `ones_like/Const` (1) and a
 * Fill named `ones_like`.
 */
export function onesLike(x: TensorLike, name = 'ones_like'): Tensor {
  const graph = graphOf([x]);
  return graph.nameScope(name, (scope) => {
    const t = convertToTensor(x, undefined, 'tensor', graph);
    const dims = shape(t);
    const one = constant(t.dtype === 'bool' ? true : 1, t.dtype, undefined, 'Const', graph);
    const out = fill(dims, one, scope);
    out.setShape(t.shape);
    return out;
  });
}

/** `tf.where(condition, x, y)` in TF 1.x → `Select`: x where condition holds, else y. */
export function select(condition: TensorLike, x: TensorLike, y: TensorLike, name = 'Select'): Tensor {
  return applyOp('Select', name, [['condition', condition], ['t', x], ['e', y]], (ts) => ({ T: attr.type(ts[1]!.dtype) }), {
    sameType: [1, 2],
    dtypes: { 0: 'bool' },
  }).output;
}
export const where = select;

// Backward ops, built by gradient functions as TF's gen_*_ops do.
const backward = (type: string, names: readonly [string, string]) => (a: TensorLike, b: TensorLike, name = type): Tensor =>
  applyOp(type, name, [[names[0], a], [names[1], b]], tAttr).output;
export const reluGrad = backward('ReluGrad', ['gradients', 'features']);
export const sigmoidGrad = backward('SigmoidGrad', ['y', 'dy']);
export const tanhGrad = backward('TanhGrad', ['y', 'dy']);
export const sqrtGrad = backward('SqrtGrad', ['y', 'dy']);
export const rsqrtGrad = backward('RsqrtGrad', ['y', 'dy']);
export const reciprocalGrad = backward('ReciprocalGrad', ['y', 'dy']);

// Python operators on tensors (TF's `_OverrideBinaryOperatorHelper` scopes).
/** `x + y` → `add`. */
export const opAdd = binary('Add', 'add');
/** `x - y` → `sub`; `opSub(2, t)` converts 2 as `sub/x`. */
export const opSub = binary('Sub', 'sub');
/** `x * y` → `mul`. */
export const opMul = binary('Mul', 'mul');
/** `x / y` → `truediv`. */
export const opTrueDiv = (x: TensorLike, y: TensorLike): Tensor => div(x, y, 'truediv');
/** `x // y` → `floordiv`. */
export const opFloorDiv = binary('FloorDiv', 'floordiv');
/** `x % y` → `mod`. */
export const opMod = binary('FloorMod', 'mod');
/** `x ** y` → `pow`. */
export const opPow = binary('Pow', 'pow');
/** `-x` → `Neg` (TF's `__neg__` is the generated op with its default name). */
export const opNeg = (x: TensorLike): Tensor => neg(x);
