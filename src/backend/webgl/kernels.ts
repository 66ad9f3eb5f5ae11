/**
 * Which ops the WebGL backend runs on the GPU, and which it deliberately leaves to the
 * CPU kernel (download inputs, run `OpDef.cpu`, keep outputs on the host until a GPU
 * kernel needs them). Every registered op must be in exactly one of the two lists; a test
 * (test/backend/webgl-kernels.test.ts) fails when a new op is in neither, so a missing
 * kernel is found when the op is added, not when a user's graph first runs.
 */
import type { Operation } from '../../engine/graph.ts';
import { broadcastShape } from '../../ops/kernels/elementwise.ts';
import { BINARY_GLSL, UNARY_GLSL } from './programs/elementwise.ts';
import { fusedElementwiseProgram } from './programs/fused.ts';
import { matMulProgram } from './programs/matmul.ts';
import { sliceProgram, tileProgram, transposeProgram } from './programs/gather-index.ts';
import { type ReduceKind, reduceProgram, reductionCopyShape } from './programs/reduce.ts';
import { logSoftmaxProgram, softmaxCrossEntropyPrograms, softmaxProgram } from './programs/softmax.ts';
import { UPDATE_OPS, updatePrograms } from './programs/train.ts';
import type { GpuProgram } from './program.ts';

/**
 * Builds an op's programs once its input shapes are known (programs bake shapes in): one
 * program, or one per output in output order; for ops that update variables (`refInputs`),
 * one per ref input in refInputs order, each reading the op's inputs in op order.
 */
export type ProgramFactory = (op: Operation, shapes: readonly (readonly number[])[]) => GpuProgram | readonly GpuProgram[];

const nesterov = (op: Operation): boolean => op.attrs['use_nesterov']?.value === true;

/** An element-wise op as a one-node fused program (per-texel, programs/fused.ts), named for its op. */
const elementwise = (type: string, shapes: readonly (readonly number[])[], outputShape: readonly number[]): GpuProgram => ({
  ...fusedElementwiseProgram({ inputShapes: shapes, nodes: [{ type, args: shapes.map((_, input) => ({ input })) }], outputShape }),
  name: type,
});
const unary = (type: keyof typeof UNARY_GLSL): ProgramFactory => (_op, [x]) => elementwise(type, [x!], x!);
const binary = (type: keyof typeof BINARY_GLSL): ProgramFactory => (_op, [a, b]) => elementwise(type, [a!, b!], broadcastShape(a!, b!));

/** GPU kernels, for float32 inputs and outputs (other dtypes take the CPU fallback). */
export const webglKernels = {
  ...Object.fromEntries(Object.keys(UNARY_GLSL).map((t) => [t, unary(t as keyof typeof UNARY_GLSL)])) as Record<keyof typeof UNARY_GLSL, ProgramFactory>,
  ...Object.fromEntries(Object.keys(BINARY_GLSL).map((t) => [t, binary(t as keyof typeof BINARY_GLSL)])) as Record<keyof typeof BINARY_GLSL, ProgramFactory>,
  MatMul: (op, [a, b]) => matMulProgram(a!, b!, op.getAttr('transpose_a', 'bool'), op.getAttr('transpose_b', 'bool')),
  // Same shapes (TF's AddN does not broadcast; the CPU kernel raises TF's error before a draw).
  AddN: (_op, shapes) => elementwise('AddN', shapes, shapes[0]!),
  Softmax: (_op, [x]) => softmaxProgram(x!),
  LogSoftmax: (_op, [x]) => logSoftmaxProgram(x!),
  SoftmaxCrossEntropyWithLogits: (_op, [logits, labels]) => softmaxCrossEntropyPrograms(logits!, labels!),
  ...Object.fromEntries(UPDATE_OPS.map((t) => [t, ((op, shapes) => updatePrograms(t, shapes[0]!, nesterov(op))) satisfies ProgramFactory])) as Record<string, ProgramFactory>,
} satisfies Record<string, ProgramFactory>;

export type WebGLOpType = keyof typeof webglKernels;

/**
 * A GPU kernel for an op some of whose inputs are int32 parameters (reduction axes; later
 * Tile multiples, Slice begin/size, Transpose perm…): their VALUES shape the program, so
 * the backend reads them on the host (they are small, and usually there already) and
 * passes them to `make`, keyed with the shapes. The program's samplers are the op's other
 * inputs, in op order (host-param-kernel.ts). Other dtypes (int32 Sum of a shape) take the
 * CPU kernel, as for `webglKernels`.
 */
export interface HostParamKernel {
  /** Indices of the op's inputs read on the host as int32 parameters (not bound as textures). */
  readonly hostInputs: readonly number[];
  /** `shapes`: every input's shape, in op order; `params`: the values of `hostInputs`, in that order. */
  readonly make: (op: Operation, shapes: readonly (readonly number[])[], params: readonly Int32Array[]) => GpuProgram | readonly GpuProgram[];
  /** Where these parameters make the op a copy of its first input under another shape: that shape (the output is then a view, no draw); else null. */
  readonly copyShape?: (op: Operation, shapes: readonly (readonly number[])[], params: readonly Int32Array[]) => readonly number[] | null;
}

const keepDims = (op: Operation): boolean => op.attrs['keep_dims']?.value === true;
const reduction = (kind: ReduceKind): HostParamKernel => ({
  hostInputs: [1],
  make: (op, [x], [axes]) => reduceProgram(kind, x!, Array.from(axes!), keepDims(op)),
  copyShape: (op, [x], [axes]) => reductionCopyShape(kind, x!, Array.from(axes!), keepDims(op)),
});

/** Float32 ops whose GPU programs need int32 parameter values (see `HostParamKernel`). */
export const webglHostParamKernels: Readonly<Record<string, HostParamKernel>> = {
  Sum: reduction('Sum'),
  Mean: reduction('Mean'),
  Prod: reduction('Prod'),
  Max: reduction('Max'),
  Min: reduction('Min'),
  Tile: { hostInputs: [1], make: (_op, [x], [multiples]) => tileProgram(x!, Array.from(multiples!)) },
  Transpose: { hostInputs: [1], make: (_op, [x], [perm]) => transposeProgram(x!, Array.from(perm!)) },
  Slice: { hostInputs: [1, 2], make: (_op, [x], [begin, size]) => sliceProgram(x!, Array.from(begin!), Array.from(size!)) },
};

/**
 * Ops that run on the CPU under the WebGL backend, each costing a readback of any
 * GPU-resident input. Most are shape and int32 bookkeeping (cheap on the CPU, their inputs
 * already on the host), variables (webgl-backend.ts keeps them resident itself), strings
 * and summaries. (Ops in `webglHostParamKernels` are in neither list: they draw for
 * float32 and take their CPU kernel for other dtypes.)
 */
export const cpuFallbackOps: readonly string[] = [
  // graph plumbing, variables, random and side effects
  'NoOp', 'Const', 'Placeholder', 'PlaceholderWithDefault', 'VariableV2', 'Assign', 'AssignAdd', 'AssignSub',
  'RandomUniform', 'RandomStandardNormal', 'TruncatedNormal', 'PrintV2',
  // shapes and indices (int32, tiny)
  'Shape', 'ShapeN', 'Size', 'Rank', 'BroadcastGradientArgs', 'ConcatOffset', 'InvertPermutation', 'ListDiff', 'Range', 'DynamicStitch',
  // array ops
  'Reshape', 'ExpandDims', 'Squeeze', 'Fill', 'ZerosLike', 'OnesLike', 'Pack', 'Unpack', 'ConcatV2', 'Gather',
  'Pad', 'Select',
  // reductions and scans
  'ArgMax', 'ArgMin', 'Cumsum', 'Cumprod',
  // other math (int32-friendly, comparisons, logic)
  'Cast', 'Pow', 'FloorDiv', 'FloorMod', 'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual',
  'LogicalAnd', 'LogicalOr', 'LogicalNot',
  // strings and summaries
  'StringFormat', 'StringJoin', 'ScalarSummary', 'HistogramSummary', 'MergeSummary',
];
