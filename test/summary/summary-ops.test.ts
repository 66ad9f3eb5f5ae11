/**
 * The summary kernels, called directly with a minimal KernelContext. Their output is
 * decoded with our Summary schema (checked against real TF files in test/format).
 */
import { fromBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/engine/errors.ts';
import type { KernelContext } from '../../src/engine/op-def.ts';
import type { Operation } from '../../src/engine/graph.ts';
import { fromJs, type TensorValue } from '../../src/engine/tensor-value.ts';
import { Histogram } from '../../src/format/histogram.ts';
import { type Summary, SummarySchema } from '../../src/format/protos.ts';
import { HistogramSummary } from '../../src/ops/summary/histogram-summary.ts';
import { MergeSummary } from '../../src/ops/summary/merge-summary.ts';
import { ScalarSummary } from '../../src/ops/summary/scalar-summary.ts';

function ctxFor(name: string): KernelContext {
  const fail = (): never => { throw new Error('not used by summary kernels'); };
  return { op: { name } as Operation, ref: fail, variable: fail, random: fail, print: fail };
}

function decode(out: TensorValue[]): Summary {
  expect(out).toHaveLength(1);
  expect(out[0]!.dtype).toBe('string');
  expect(out[0]!.shape).toEqual([]);
  const bytes = out[0]!.data[0];
  expect(bytes).toBeInstanceOf(Uint8Array);
  return fromBinary(SummarySchema, bytes as Uint8Array);
}

const run = (op: typeof ScalarSummary, inputs: TensorValue[], name = 'op') => op.cpu(inputs, ctxFor(name));

describe('ScalarSummary', () => {
  it('writes one simple_value, rounded to float32, under the tag', () => {
    const s = decode(run(ScalarSummary, [fromJs('loss'), fromJs(0.1, 'float32')]));
    expect(s.value.map((v) => [v.tag, v.value])).toEqual([['loss', { case: 'simpleValue', value: Math.fround(0.1) }]]);
    const i = decode(run(ScalarSummary, [fromJs('n'), fromJs(7, 'int32')]));
    expect(i.value[0]!.value).toEqual({ case: 'simpleValue', value: 7 });
  });

  it('pairs tags and values of the same shape; [1] counts as a scalar', () => {
    const s = decode(run(ScalarSummary, [fromJs(['a', 'b']), fromJs([1, 2], 'float32')]));
    expect(s.value.map((v) => v.tag)).toEqual(['a', 'b']);
    expect(decode(run(ScalarSummary, [fromJs(['a']), fromJs(3, 'float32')])).value).toHaveLength(1);
  });

  it('rejects tags and values of different shapes in TF\'s words', () => {
    expect(() => run(ScalarSummary, [fromJs('loss'), fromJs([1, 2], 'float32')], 'loss')).toThrow(
      new InvalidArgumentError("tags and values not the same shape: [] != [2] (tag 'loss')", 'loss'),
    );
  });
});

describe('HistogramSummary', () => {
  it('writes the histogram TF\'s Histogram class builds (min, max, num, sums, collapsed buckets)', () => {
    const values = fromJs([0.5, -1.25, 3, 0, 3, 1e-7], 'float32');
    const s = decode(run(HistogramSummary, [fromJs('w'), values]));
    const h = new Histogram();
    for (const x of values.data as Float32Array) h.add(x);
    expect(s.value).toHaveLength(1);
    expect(s.value[0]!.tag).toBe('w');
    expect(s.value[0]!.value).toEqual({ case: 'histo', value: h.toProto() });
    expect(h.toProto()).toMatchObject({ min: -1.25, max: 3, num: 6, sum: 0.5 - 1.25 + 3 + 3 + Math.fround(1e-7) });
  });

  it('rejects NaN and infinities naming the op, and non-scalar tags', () => {
    expect(() => run(HistogramSummary, [fromJs('w'), fromJs([1, NaN], 'float32')], 'layer/w')).toThrow('Nan in summary histogram for: layer/w');
    expect(() => run(HistogramSummary, [fromJs('w'), fromJs([-Infinity], 'float32')], 'h')).toThrow('Infinity in summary histogram for: h');
    expect(() => run(HistogramSummary, [fromJs(['a', 'b']), fromJs([1], 'float32')])).toThrow('tags must be scalar');
  });
});

describe('MergeSummary', () => {
  const scalar = (tag: string, v: number) => run(ScalarSummary, [fromJs(tag), fromJs(v, 'float32')])[0]!;

  it('concatenates the values of every input in order', () => {
    const hist = run(HistogramSummary, [fromJs('h'), fromJs([1, 2], 'float32')])[0]!;
    const s = decode(run(MergeSummary, [scalar('a', 1), hist, scalar('b', 2)]));
    expect(s.value.map((v) => [v.tag, v.value.case])).toEqual([['a', 'simpleValue'], ['h', 'histo'], ['b', 'simpleValue']]);
  });

  it('rejects a tag seen twice and bytes that are not a Summary, in TF\'s words', () => {
    expect(() => run(MergeSummary, [scalar('a', 1), scalar('a', 2)], 'Merge/MergeSummary')).toThrow(
      new InvalidArgumentError('Duplicate tag a found in summary inputs', 'Merge/MergeSummary'),
    );
    const junk: TensorValue = { dtype: 'string', shape: [], data: [new Uint8Array([0xff, 0xff, 0xff])] };
    expect(() => run(MergeSummary, [junk])).toThrow('Could not parse one of the summary inputs');
  });
});
