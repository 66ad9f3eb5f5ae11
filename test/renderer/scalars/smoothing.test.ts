import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smooth } from '../../../renderer/scalars/smoothing.ts';

/**
 * Reference: the debiased EMA written as its closed form — a weighted mean of the finite
 * values so far with weights w^(t−i)(1−w), divided by the weights' total 1 − wᵗ.
 */
function closedForm(values: readonly number[], w: number): number[] {
  const constant = values.every((v) => v === values[0]);
  const finite: number[] = [];
  return values.map((v) => {
    if (constant || !Number.isFinite(v)) return v;
    finite.push(v);
    const t = finite.length;
    let sum = 0;
    for (let i = 0; i < t; i++) sum += Math.pow(w, t - 1 - i) * (1 - w) * finite[i]!;
    return w === 1 ? sum : sum / (1 - Math.pow(w, t));
  });
}

describe('smooth (TensorBoard debiased EMA)', () => {
  it('equals the closed form on random series and weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (values, w) => {
          const got = smooth(values, w);
          closedForm(values, w).forEach((want, i) => expect(got[i]).toBeCloseTo(want, 6));
        },
      ),
    );
  });

  it('starts at the first value (debiased) and leaves weight 0 unsmoothed', () => {
    expect(smooth([3, 7, 1], 0.6)[0]).toBeCloseTo(3, 12);
    expect([...smooth([3, 7, 1], 0)]).toEqual([3, 7, 1]);
  });

  it('passes NaN and infinities through without disturbing the average', () => {
    const got = smooth([1, NaN, 3, Infinity, 5], 0.5);
    const ref = closedForm([1, NaN, 3, Infinity, 5], 0.5);
    expect(Number.isNaN(got[1])).toBe(true);
    expect(got[3]).toBe(Infinity);
    [0, 2, 4].forEach((i) => expect(got[i]).toBeCloseTo(ref[i]!, 12));
  });

  it('keeps a constant series exact (TensorBoard #786)', () => {
    expect([...smooth([0.1, 0.1, 0.1, 0.1], 0.999)]).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('handles an empty series', () => {
    expect(smooth([], 0.6).length).toBe(0);
  });
});
