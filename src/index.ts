/**
 * Keisan's engine: TensorFlow 1.x define-and-run in TypeScript.
 *
 *     import * as tf from 'keisan';
 *     const x = tf.placeholder('float32');
 *     const a = tf.getVariable('a', { shape: [], initializer: tf.initializers.constant(0) });
 *     const loss = tf.square(a.mul(x).sub(3));
 *     const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
 *     const sess = new tf.Session();
 *     sess.run(tf.globalVariablesInitializer());
 *     sess.run([train, loss], { 'Placeholder:0': 1 });
 */
import { installTensorMethods } from './api/tensor-methods.ts';
import { Variable } from './engine/variable.ts';

export { Graph, Operation, Tensor, getDefaultGraph, resetDefaultGraph } from './engine/graph.ts';
export { Session, type FeedDict, type FeedValue, type RunOptions } from './engine/session.ts';
export type { TensorValue } from './engine/tensor-value.ts';
export { Variable, assign, globalVariables, trainableVariables, GraphKeys } from './engine/variable.ts';
export { AUTO_REUSE, VariableScope, getVariable, getVariableScope, variableScope, type Initializer } from './engine/variable-scope.ts';
export { gradients } from './engine/gradients.ts';
export { group, noOp, tuple } from './engine/control-flow.ts';
export * from './engine/errors.ts';
export type { DType } from './engine/dtype.ts';
export type { Shape } from './engine/shape.ts';
export type { TensorLike } from './engine/op-builder.ts';
export { constant, controlDependencies, globalVariablesInitializer, nameScope, placeholder, variablesInitializer } from './api/state.ts';
export { initializers } from './api/initializers.ts';
export { randomNormal, randomUniform, setRandomSeed, truncatedNormal } from './api/random.ts';
export {
  abs, add, addN, cast, div, equal, exp, floorDiv, floorMod, greater, greaterEqual, less, lessEqual, log, logicalAnd,
  logicalNot, logicalOr, maximum, minimum, mul, neg, notEqual, onesLike, pow, realDiv, reciprocal, rsqrt, select, sign,
  sqrt, square, squaredDifference, sub, where, zerosLike,
} from './api/math.ts';
export {
  concat, dynamicStitch, expandDims, fill, gather, identity, invertPermutation, ones, pad, range, rank, reshape, shape,
  shapeN, size, slice, squeeze, stack, stopGradient, tile, transpose, unstack, zeros,
} from './api/array.ts';
export { argmax, argmin, cumprod, cumsum, reduceMax, reduceMean, reduceMin, reduceProd, reduceSum } from './api/reduce.ts';
export { matmul } from './api/linalg.ts';
export { nn, math } from './api/namespaces.ts';
export { train } from './train/index.ts';
export * as summary from './summary/index.ts';
export { print, strings } from './api/strings.ts';
export { setHost, type EngineHost, type AppendableFile } from './host.ts';
export { getDefaultBackend, setDefaultBackend } from './backend/default-backend.ts';

/** TF's dtype names, so scripts can write `tf.float32`. */
export const float32 = 'float32';
export const int32 = 'int32';
export const bool = 'bool';
export const string = 'string';

// Variables take the same chainable methods as tensors (`a.mul(x).add(b)`), reading through their snapshot.
installTensorMethods(Variable.prototype);
