/**
 * Row-wise softmax programs over a [rows, cols] matrix (TF 1.x's Softmax, LogSoftmax and
 * SoftmaxCrossEntropyWithLogits take matrices). Each fragment finds its row's maximum and
 * Σ exp(x − max) (the max subtracted first, as TF's kernel does for stability) once per
 * row its four elements touch, then writes its four outputs. The CPU kernels sum in
 * float64; here sums are float32, so results agree to a few ulp times the row length.
 */
import type { GpuProgram } from '../program.ts';

/** `vec2 <fn>(int r)`: (max, Σ exp(x − max)) of row r of sampler `x`. */
export function rowStats(x: string, cols: number, fn = 'rowStats'): string {
  return `vec2 ${fn}(int r) {
  int o = r * ${cols};
  float m = fetch(${x}, o);
  for (int j = 1; j < ${cols}; j++) m = max(m, fetch(${x}, o + j));
  float s = 0.0;
  for (int j = 0; j < ${cols}; j++) s += exp(fetch(${x}, o + j) - m);
  return vec2(m, s);
}`;
}

/**
 * `float rowLoss(int r)` (with `rowStats`): row r's cross-entropy Σⱼ labels·(log Σ exp −
 * (x − max)) of logits sampler `x` and labels sampler `labels`; the loss program and the
 * folded mean (softmax-xent-fold.ts) share it so both sum in the same order.
 */
export function rowLoss(x: string, labels: string, cols: number): string {
  return `${rowStats(x, cols)}
float rowLoss(int r) {
  vec2 st = rowStats(r);
  float logSum = log(st.y);
  int o = r * ${cols};
  float acc = 0.0;
  for (int j = 0; j < ${cols}; j++) acc += fetch(${labels}, o + j) * (logSum - (fetch(${x}, o + j) - st.x));
  return acc;
}`;
}

/** A per-texel program whose element i is `expr` in `x` (= logits[i]), `st` (its row's stats) and `i`. */
function rowWise(name: string, inputs: readonly string[], shape: readonly number[], expr: string): GpuProgram {
  const [rows, cols] = matrix(name, shape);
  const size = rows * cols;
  return {
    name,
    inputs,
    outputShape: shape,
    perTexel: true,
    source: `${rowStats('x0', cols)}
float element(int i, int r0, vec2 s0) {
  if (i >= ${size}) return 0.0;
  int r = i / ${cols};
  vec2 st = r == r0 ? s0 : rowStats(r);
  float x = fetch(x0, i);
  return ${expr};
}
vec4 computeTexel(int t) {
  int i = t * 4;
  int r0 = min(i, ${size - 1}) / ${cols};
  vec2 s0 = rowStats(r0);
  return vec4(element(i, r0, s0), element(i + 1, r0, s0), element(i + 2, r0, s0), element(i + 3, r0, s0));
}`,
  };
}

function matrix(name: string, shape: readonly number[]): [number, number] {
  if (shape.length !== 2) throw new Error(`${name} takes a matrix, got shape [${shape.join(',')}]`);
  return [shape[0]!, shape[1]!];
}

/** `Softmax`: exp(x − max) / Σ exp(x − max) per row. Example: `softmaxProgram([64, 10])`. */
export function softmaxProgram(shape: readonly number[]): GpuProgram {
  return rowWise('Softmax', ['x0'], shape, 'exp(x - st.x) / st.y');
}

/** `LogSoftmax`: x − max − log Σ exp(x − max) per row. Example: `logSoftmaxProgram([64, 10])`. */
export function logSoftmaxProgram(shape: readonly number[]): GpuProgram {
  return rowWise('LogSoftmax', ['x0'], shape, 'x - st.x - log(st.y)');
}

/**
 * `SoftmaxCrossEntropyWithLogits(logits, labels)`: two programs, one per output —
 * loss[r] = Σⱼ labels·(log Σ exp − (x − max)) and backprop = softmax − labels.
 *
 *     softmaxCrossEntropyPrograms([64, 10], [64, 10]); // [loss [64], backprop [64, 10]]
 */
export function softmaxCrossEntropyPrograms(logits: readonly number[], labels: readonly number[]): readonly GpuProgram[] {
  const [rows, cols] = matrix('SoftmaxCrossEntropyWithLogits', logits);
  if (labels.length !== 2 || labels[0] !== rows || labels[1] !== cols) {
    throw new Error(`logits and labels must be same size: logits_size=[${logits.join(',')}] labels_size=[${labels.join(',')}]`);
  }
  const loss: GpuProgram = {
    name: 'SoftmaxCrossEntropyWithLogits',
    inputs: ['x0', 'x1'],
    outputShape: [rows],
    source: `${rowLoss('x0', 'x1', cols)}
float compute(int r) { return rowLoss(r); }`,
  };
  const backprop = rowWise('SoftmaxCrossEntropyWithLogits', ['x0', 'x1'], logits, 'exp(x - st.x) / st.y - fetch(x1, i)');
  return [loss, backprop];
}
