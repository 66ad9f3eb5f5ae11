/**
 * TensorBoard's scalar smoothing: a debiased exponential moving average (a first-order
 * IIR low-pass filter), as in vz_line_chart2's `resmoothDataset`. Non-finite values pass
 * through unsmoothed and do not advance the average; a constant series stays exact.
 *
 *     smooth([1, 2, 3], 0.6); // [1, 1.625, 2.3157…]
 */
export function smooth(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  const first = values.length > 0 ? values[0]! : NaN;
  let constant = true;
  for (let i = 1; i < values.length && constant; i++) constant = values[i] === first;
  let last = 0;
  let accumulated = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (constant || !Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    accumulated++;
    // Starting from 0 biases the average toward 0: after t points of a constant c it is
    // c·(1 − wᵗ), so dividing by (1 − wᵗ) removes the bias.
    const debias = weight === 1 ? 1 : 1 - Math.pow(weight, accumulated);
    out[i] = last / debias;
  }
  return out;
}
