/**
 * Which ops the WebGL backend runs on the GPU, and which it deliberately leaves to the
 * CPU kernel (download inputs, run `OpDef.cpu`, keep outputs on the host until a GPU
 * kernel needs them). Every registered op must be in exactly one of the two lists; a test
 * (test/backend/webgl-kernels.test.ts) fails when a new op is in neither, so a missing
 * kernel is found when the op is added, not when a user's graph first runs.
 */
import type { Operation } from '../../engine/graph.ts';
import { BINARY_GLSL, binaryProgram, UNARY_GLSL, unaryProgram } from './programs/elementwise.ts';
import { matMulProgram } from './programs/matmul.ts';
import type { GpuProgram } from './program.ts';

/** Builds the program for an op once its input shapes are known (programs bake shapes in). */
export type ProgramFactory = (op: Operation, shapes: readonly (readonly number[])[]) => GpuProgram;

const unary = (type: keyof typeof UNARY_GLSL): ProgramFactory => (_op, [x]) => unaryProgram(type, UNARY_GLSL[type], x!);
const binary = (type: keyof typeof BINARY_GLSL): ProgramFactory => (_op, [a, b]) => binaryProgram(type, BINARY_GLSL[type], a!, b!);

/** GPU kernels, for float32 inputs and outputs (other dtypes take the CPU fallback). */
export const webglKernels = {
  ...Object.fromEntries(Object.keys(UNARY_GLSL).map((t) => [t, unary(t as keyof typeof UNARY_GLSL)])) as Record<keyof typeof UNARY_GLSL, ProgramFactory>,
  ...Object.fromEntries(Object.keys(BINARY_GLSL).map((t) => [t, binary(t as keyof typeof BINARY_GLSL)])) as Record<keyof typeof BINARY_GLSL, ProgramFactory>,
  MatMul: (op, [a, b]) => matMulProgram(a!, b!, op.getAttr('transpose_a', 'bool'), op.getAttr('transpose_b', 'bool')),
} satisfies Record<string, ProgramFactory>;

export type WebGLOpType = keyof typeof webglKernels;

/**
 * Ops that run on the CPU under the WebGL backend, each costing a readback of any
 * GPU-resident input. Most are shape and int32 bookkeeping (cheap on the CPU, their inputs
 * already on the host), variables and optimizer updates (not yet resident on the GPU),
 * strings and summaries. Reductions, softmax, Cast and the array ops are next (issue 5).
 */
export const cpuFallbackOps: readonly string[] = [
  // graph plumbing, variables, random and side effects
  'NoOp', 'Const', 'Placeholder', 'PlaceholderWithDefault', 'VariableV2', 'Assign', 'AssignAdd', 'AssignSub',
  'RandomUniform', 'RandomStandardNormal', 'TruncatedNormal', 'PrintV2',
  // optimizers (update the variable's host copy in place)
  'ApplyGradientDescent', 'ApplyMomentum', 'ApplyAdam', 'ApplyAdagrad', 'ApplyRMSProp', 'ApplyCenteredRMSProp', 'ApplyAdaBound', 'ApplyAMSBound',
  // shapes and indices (int32, tiny)
  'Shape', 'ShapeN', 'Size', 'Rank', 'BroadcastGradientArgs', 'ConcatOffset', 'InvertPermutation', 'ListDiff', 'Range', 'DynamicStitch',
  // array ops
  'Reshape', 'ExpandDims', 'Squeeze', 'Fill', 'ZerosLike', 'OnesLike', 'Pack', 'Unpack', 'ConcatV2', 'Slice', 'Gather',
  'Pad', 'Tile', 'Transpose', 'Select',
  // reductions and scans
  'Sum', 'Mean', 'Prod', 'Max', 'Min', 'ArgMax', 'ArgMin', 'Cumsum', 'Cumprod',
  // other math (int32-friendly, comparisons, logic)
  'AddN', 'Cast', 'Pow', 'FloorDiv', 'FloorMod', 'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual',
  'LogicalAnd', 'LogicalOr', 'LogicalNot',
  // nn
  'Softmax', 'LogSoftmax', 'SoftmaxCrossEntropyWithLogits',
  // strings and summaries
  'StringFormat', 'StringJoin', 'ScalarSummary', 'HistogramSummary', 'MergeSummary',
];
