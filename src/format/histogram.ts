/**
 * TensorFlow's summary histogram (tensorflow/core/lib/histogram/histogram.cc): fixed
 * buckets growing by 10% away from zero, and the HistogramProto it serializes to.
 */
import { create } from '@bufbuild/protobuf';
import { type HistogramProto, HistogramProtoSchema } from './protos.ts';

const DBL_MAX = Number.MAX_VALUE;

/**
 * TF's default bucket limits: 1e-12, 1.1e-12, … (each the previous times 1.1, in double
 * arithmetic, while below 1e20), then DBL_MAX; the same negated in reverse order before
 * them, and 0 in the middle: 1551 limits.
 */
export const DEFAULT_BUCKET_LIMITS: readonly number[] = (() => {
  const pos: number[] = [];
  for (let v = 1e-12; v < 1e20; v *= 1.1) pos.push(v);
  pos.push(DBL_MAX);
  const neg = pos.map((v) => -v).reverse();
  return [...neg, 0, ...pos];
})();

/** Index of the first limit greater than `value` (C++ `std::upper_bound`): bucket i holds limit[i-1] <= v < limit[i]. */
function upperBound(limits: readonly number[], value: number): number {
  let lo = 0;
  let hi = limits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (limits[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** TF's `histogram::Histogram` with default buckets: counts plus min/max/sum/sum of squares, all in double. */
export class Histogram {
  readonly limits = DEFAULT_BUCKET_LIMITS;
  readonly buckets = new Float64Array(DEFAULT_BUCKET_LIMITS.length);
  // TF's Clear(): min starts at the last limit (DBL_MAX), max at -DBL_MAX.
  min = DBL_MAX;
  max = -DBL_MAX;
  num = 0;
  sum = 0;
  sumSquares = 0;

  /** Add a finite value (callers reject NaN and infinities first, as TF's kernel does). */
  add(value: number): void {
    this.buckets[upperBound(this.limits, value)]! += 1;
    if (this.min > value) this.min = value;
    if (this.max < value) this.max = value;
    this.num++;
    this.sum += value;
    this.sumSquares += value * value;
  }

  /**
   * TF's `EncodeToProto(proto, preserve_zero_buckets=false)`, what HistogramSummary writes:
   * each run of empty buckets collapses into one entry carrying the run's last limit and
   * count 0; a histogram with no entries at all still gets one (DBL_MAX, 0).
   */
  toProto(): HistogramProto {
    const bucketLimit: number[] = [];
    const bucket: number[] = [];
    const n = this.buckets.length;
    for (let i = 0; i < n; ) {
      let end = this.limits[i]!;
      let count = this.buckets[i]!;
      i++;
      if (count <= 0) {
        while (i < n && this.buckets[i]! <= 0) {
          end = this.limits[i]!;
          count = this.buckets[i]!;
          i++;
        }
      }
      bucketLimit.push(end);
      bucket.push(count);
    }
    if (bucket.length === 0) {
      bucketLimit.push(DBL_MAX);
      bucket.push(0);
    }
    return create(HistogramProtoSchema, {
      min: this.min,
      max: this.max,
      num: this.num,
      sum: this.sum,
      sumSquares: this.sumSquares,
      bucketLimit,
      bucket,
    });
  }
}
