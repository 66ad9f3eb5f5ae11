import { describe, expect, it } from 'vitest';
import { readEvents } from '../../src/format/event-file.ts';
import { DEFAULT_BUCKET_LIMITS, Histogram } from '../../src/format/histogram.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';

/** histogram.cc written out plainly: linear bucket search, then collapse runs of empty buckets. */
function referenceHistogram(values: readonly number[]) {
  const positive: number[] = [];
  let v = 1.0e-12;
  while (v < 1.0e20) {
    positive.push(v);
    v *= 1.1;
  }
  positive.push(Number.MAX_VALUE);
  const limits = [...positive.map((x) => -x).reverse(), 0, ...positive];
  const counts = limits.map(() => 0);
  for (const x of values) counts[limits.findIndex((l) => l > x)]! += 1;
  const bucketLimit: number[] = [];
  const bucket: number[] = [];
  let runEnd: number | null = null;
  limits.forEach((l, i) => {
    if (counts[i]! > 0) {
      if (runEnd !== null) { bucketLimit.push(runEnd); bucket.push(0); runEnd = null; }
      bucketLimit.push(l);
      bucket.push(counts[i]!);
    } else runEnd = l;
  });
  if (runEnd !== null) { bucketLimit.push(runEnd); bucket.push(0); }
  return {
    limits,
    min: values.length ? Math.min(...values) : Number.MAX_VALUE,
    max: values.length ? Math.max(...values) : -Number.MAX_VALUE,
    num: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumSquares: values.reduce((a, b) => a + b * b, 0),
    bucketLimit,
    bucket,
  };
}

function pseudoRandom(n: number, seed: number, scale: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.fround(((s / 2147483648) * 2 - 1) * scale);
  });
}

describe('Histogram (TF default buckets)', () => {
  it('has TF\'s 1551 bucket limits, symmetric around 0', () => {
    const ref = referenceHistogram([]);
    expect(DEFAULT_BUCKET_LIMITS).toEqual(ref.limits);
    expect(DEFAULT_BUCKET_LIMITS.length).toBe(1551);
    expect(DEFAULT_BUCKET_LIMITS[775]).toBe(0);
    expect(DEFAULT_BUCKET_LIMITS[776]).toBe(1e-12);
    expect(DEFAULT_BUCKET_LIMITS.at(-1)).toBe(Number.MAX_VALUE);
  });

  it.each([
    ['random weights', pseudoRandom(100, 1, 2)],
    ['wide range', [...pseudoRandom(50, 2, 1e-6), ...pseudoRandom(50, 3, 1e6)]],
    ['zeros and exact limits', [0, 0, 1e-12, -1e-12, DEFAULT_BUCKET_LIMITS[900]!, 5]],
    ['one value', [0.1]],
    ['no values', []],
  ])('agrees with a plain re-implementation: %s', (_name, values) => {
    const h = new Histogram();
    for (const x of values) h.add(x);
    const { limits: _limits, ...expected } = referenceHistogram(values);
    const p = h.toProto();
    expect({ min: p.min, max: p.max, num: p.num, sum: p.sum, sumSquares: p.sumSquares, bucketLimit: p.bucketLimit, bucket: p.bucket }).toEqual(expected);
  });

  describe.skipIf(!HAVE_REAL_EVENTS)(`against TF 1.x histograms (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
    const histos = HAVE_REAL_EVENTS
      ? readEvents(readRealEvent('tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan')).events.flatMap((e) =>
          e.what.case === 'summary' ? e.what.value.value.flatMap((v) => (v.value.case === 'histo' ? [v.value.value] : [])) : [])
      : [];

    it('every bucket limit TF wrote is one of ours, bit for bit', () => {
      expect(histos.length).toBe(120);
      const ours = new Set(DEFAULT_BUCKET_LIMITS);
      for (const h of histos) for (const l of h.bucketLimit) expect(ours.has(l), String(l)).toBe(true);
    });

    it('re-encoding TF\'s bucket counts collapses empty buckets exactly as TF did', () => {
      for (const real of histos) {
        const h = new Histogram();
        real.bucketLimit.forEach((l, i) => { h.buckets[DEFAULT_BUCKET_LIMITS.indexOf(l)] = real.bucket[i]!; });
        const p = h.toProto();
        expect(p.bucketLimit).toEqual(real.bucketLimit);
        expect(p.bucket).toEqual(real.bucket);
      }
    });
  });
});
