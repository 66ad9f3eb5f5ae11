/**
 * SoftmaxCrossEntropyWithLogits computed where its outputs are consumed
 * (softmax-xent-fold.ts): the backprop (softmax − labels) as a texel function for the
 * element-wise program of the Mul that scales it by the upstream gradient, and the mean
 * of the per-row losses as one program. Both read logits and labels directly, with the
 * same formulas as programs/softmax.ts (max subtracted first, float32 sums).
 */
import type { GpuProgram } from '../program.ts';
import { rowLoss, rowStats } from './softmax.ts';

/**
 * GLSL defining `vec4 <fn>(int t)`: texel t of SoftmaxCrossEntropyWithLogits' backprop
 * of [rows, cols] logits and labels read from samplers `logits` and `labels`.
 *
 *     xentBackpropTexels('sceLogits', 'sceLabels', 64, 10, 'xentGrad');
 */
export function xentBackpropTexels(logits: string, labels: string, rows: number, cols: number, fn: string): string {
  const size = rows * cols;
  return `${rowStats(logits, cols, `${fn}Stats`)}
float ${fn}Element(int i, int r0, vec2 s0) {
  if (i >= ${size}) return 0.0;
  int r = i / ${cols};
  vec2 st = r == r0 ? s0 : ${fn}Stats(r);
  return exp(fetch(${logits}, i) - st.x) / st.y - fetch(${labels}, i);
}
vec4 ${fn}(int t) {
  int i = t * 4;
  int r0 = min(i, ${size - 1}) / ${cols};
  vec2 s0 = ${fn}Stats(r0);
  return vec4(${fn}Element(i, r0, s0), ${fn}Element(i + 1, r0, s0), ${fn}Element(i + 2, r0, s0), ${fn}Element(i + 3, r0, s0));
}`;
}

/**
 * The mean over all rows of SoftmaxCrossEntropyWithLogits' loss, Σᵣ Σⱼ labels·(log Σ exp −
 * (x − max)) / rows, in one fragment (the loss per row is the loss program's sum), written
 * as a tensor of `outputShape` (one element: [], [1], [1, 1]…).
 *
 *     xentMeanProgram(64, 10, []); // inputs x0 = logits, x1 = labels
 */
export function xentMeanProgram(rows: number, cols: number, outputShape: readonly number[]): GpuProgram {
  return {
    name: 'SoftmaxCrossEntropyWithLogits+Mean',
    inputs: ['x0', 'x1'],
    outputShape,
    source: `${rowLoss('x0', 'x1', cols)}
float compute(int i) {
  float a = 0.0;
  for (int r = 0; r < ${rows}; r++) a += rowLoss(r);
  return a / ${rows}.0;
}`,
  };
}
