import { attr } from '../engine/attr.ts';
import type { DType } from '../engine/dtype.ts';
import { getDefaultGraph, type Graph, type Tensor } from '../engine/graph.ts';
import { convertToTensor, type TensorLike } from '../engine/op-builder.ts';
import { add, opMul, opSub } from './math.ts';

/** TF 1.x's default graph-level seed when only an op seed is set (`random_seed.DEFAULT_GRAPH_SEED`). */
const DEFAULT_GRAPH_SEED = 87654321;

/** `tf.set_random_seed`: the graph-level seed; ops then get deterministic seeds. */
export function setRandomSeed(seed: number, graph = getDefaultGraph()): void {
  graph.seed = seed;
}

/** TF's `random_seed.get_seed`: the (seed, seed2) attr pair of a new random op. */
function seeds(graph: Graph, opSeed: number | undefined): [number, number] {
  if (graph.seed !== null) return [graph.seed, opSeed ?? graph.operations.length];
  if (opSeed !== undefined) return [DEFAULT_GRAPH_SEED, opSeed];
  return [0, 0];
}

export interface RandomOptions {
  readonly dtype?: DType;
  readonly seed?: number;
  readonly name?: string;
}

function randomOp(type: string, shapeT: Tensor, dtype: DType, seed: number | undefined): Tensor {
  const g = shapeT.graph;
  const [s1, s2] = seeds(g, seed);
  return g.nameScope(type, (scope) =>
    g.createOp(type, [shapeT], { seed: attr.int(s1), seed2: attr.int(s2), dtype: attr.type(dtype), T: attr.type('int32') }, scope).output,
  );
}

/** `tf.random_normal`: names `random_normal/{shape,mean,stddev,RandomStandardNormal,mul}` and the final Add `random_normal`. */
export function randomNormal(shape: readonly number[] | Tensor, { mean = 0, stddev = 1, ...o }: RandomOptions & { mean?: TensorLike; stddev?: TensorLike } = {}): Tensor {
  const dtype = o.dtype ?? 'float32';
  const g = getDefaultGraph();
  return g.nameScope(o.name ?? 'random_normal', (scope) => {
    const shapeT = convertToTensor(shape as TensorLike, 'int32', 'shape');
    const meanT = convertToTensor(mean, dtype, 'mean');
    const stdT = convertToTensor(stddev, dtype, 'stddev');
    const rnd = randomOp('RandomStandardNormal', shapeT, dtype, o.seed);
    return add(opMul(rnd, stdT), meanT, scope);
  });
}

/** `tf.truncated_normal`: like `randomNormal` with `TruncatedNormal` (redraws beyond two standard deviations). */
export function truncatedNormal(shape: readonly number[] | Tensor, { mean = 0, stddev = 1, ...o }: RandomOptions & { mean?: TensorLike; stddev?: TensorLike } = {}): Tensor {
  const dtype = o.dtype ?? 'float32';
  const g = getDefaultGraph();
  return g.nameScope(o.name ?? 'truncated_normal', (scope) => {
    const shapeT = convertToTensor(shape as TensorLike, 'int32', 'shape');
    const meanT = convertToTensor(mean, dtype, 'mean');
    const stdT = convertToTensor(stddev, dtype, 'stddev');
    const rnd = randomOp('TruncatedNormal', shapeT, dtype, o.seed);
    return add(opMul(rnd, stdT), meanT, scope);
  });
}

/** `tf.random_uniform` in [minval, maxval): names `random_uniform/{shape,min,max,RandomUniform,sub,mul}` and the Add `random_uniform`. */
export function randomUniform(shape: readonly number[] | Tensor, { minval = 0, maxval = 1, ...o }: RandomOptions & { minval?: TensorLike; maxval?: TensorLike } = {}): Tensor {
  const dtype = o.dtype ?? 'float32';
  const g = getDefaultGraph();
  return g.nameScope(o.name ?? 'random_uniform', (scope) => {
    const shapeT = convertToTensor(shape as TensorLike, 'int32', 'shape');
    const minT = convertToTensor(minval, dtype, 'min');
    const maxT = convertToTensor(maxval, dtype, 'max');
    const rnd = randomOp('RandomUniform', shapeT, dtype, o.seed);
    return add(opMul(rnd, opSub(maxT, minT)), minT, scope);
  });
}
