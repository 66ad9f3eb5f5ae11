/**
 * Chainable methods on Tensor (and, through `installTensorMethods`, on Variable):
 *
 *     a.mul(x).add(b);   // Python's `a * x + b`: ops `mul`, `add`
 *
 * Methods that stand for Python operators take the operator's lower-case name (`add`,
 * `sub`, `mul`, `truediv` for `div`, `pow`, `Neg`, `Abs` for `abs(t)`); the others are
 * the tf.* functions with their default names (`Square`, `Sum`, `MatMul`).
 */
import { reshape, transpose } from './array.ts';
import { matmul, type MatmulOptions } from './linalg.ts';
import {
  abs, cast, exp, log, maximum, minimum, opAdd, opMul, opNeg, opPow, opSub, opTrueDiv, sqrt, square,
} from './math.ts';
import { type Axis, reduceMean, reduceSum } from './reduce.ts';
import type { DType } from '../engine/dtype.ts';
import { Tensor } from '../engine/graph.ts';
import type { TensorLike } from '../engine/op-builder.ts';

/** The methods added to tensors and variables. */
export interface TensorMethods {
  add(y: TensorLike): Tensor;
  sub(y: TensorLike): Tensor;
  mul(y: TensorLike): Tensor;
  div(y: TensorLike): Tensor;
  pow(y: TensorLike): Tensor;
  neg(): Tensor;
  abs(): Tensor;
  square(): Tensor;
  sqrt(): Tensor;
  exp(): Tensor;
  log(): Tensor;
  maximum(y: TensorLike): Tensor;
  minimum(y: TensorLike): Tensor;
  cast(dtype: DType): Tensor;
  reshape(shape: Parameters<typeof reshape>[1]): Tensor;
  transpose(perm?: Parameters<typeof transpose>[1]): Tensor;
  sum(axis?: Axis, keepDims?: boolean): Tensor;
  reduceSum(axis?: Axis, keepDims?: boolean): Tensor;
  mean(axis?: Axis, keepDims?: boolean): Tensor;
  reduceMean(axis?: Axis, keepDims?: boolean): Tensor;
  matmul(b: TensorLike, options?: MatmulOptions): Tensor;
}

declare module '../engine/graph.ts' {
  interface Tensor extends TensorMethods {}
}
// Variables get the same methods (src/index.ts installs them on Variable.prototype), reading through `/read`.
declare module '../engine/variable.ts' {
  interface Variable extends TensorMethods {}
}

const methods: { [K in keyof TensorMethods]: (this: TensorLike, ...args: Parameters<TensorMethods[K]>) => Tensor } = {
  add(y) { return opAdd(this, y); },
  sub(y) { return opSub(this, y); },
  mul(y) { return opMul(this, y); },
  div(y) { return opTrueDiv(this, y); },
  pow(y) { return opPow(this, y); },
  neg() { return opNeg(this); },
  abs() { return abs(this); },
  square() { return square(this); },
  sqrt() { return sqrt(this); },
  exp() { return exp(this); },
  log() { return log(this); },
  maximum(y) { return maximum(this, y); },
  minimum(y) { return minimum(this, y); },
  cast(dtype) { return cast(this, dtype); },
  reshape(shape) { return reshape(this, shape); },
  transpose(perm) { return transpose(this, perm); },
  sum(axis, keepDims) { return reduceSum(this, axis, keepDims); },
  reduceSum(axis, keepDims) { return reduceSum(this, axis, keepDims); },
  mean(axis, keepDims) { return reduceMean(this, axis, keepDims); },
  reduceMean(axis, keepDims) { return reduceMean(this, axis, keepDims); },
  matmul(b, options) { return matmul(this, b, options); },
};

/** Put the tensor methods on a prototype (Tensor's here; the Variable class calls it for its own). */
export function installTensorMethods(proto: object): void {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
}

installTensorMethods(Tensor.prototype);
