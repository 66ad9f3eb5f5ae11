/**
 * Strings, printing and summaries: not numbers to compare within a tolerance, but they must
 * run under any backend and produce the same strings, printed lines and summary bytes. Their
 * tensor inputs come from exact GPU ops (Neg, Maximum) so the text cannot differ by an ulp.
 */
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

const same = { kind: 'same', why: 'strings and serialized summaries must match byte for byte' } as const;
const quarters = [{ shape: [2, 3], range: [-2, 2], step: 0.25 }] as const;

export const STRING_CASES: readonly OpCase[] = [
  { name: 'StringFormat of a [2,3] float tensor', covers: ['StringFormat'], inputs: quarters, build: ([x]) => tf.strings.format('x = {}', [tf.neg(x!)]), check: same },
  {
    name: 'StringJoin of two formats', covers: ['StringJoin', 'StringFormat'], inputs: quarters,
    build: ([x]) => tf.strings.join([tf.strings.format('{}', [x!]), tf.strings.format('{}', [tf.neg(x!)])], ' | '), check: same,
  },
  { name: 'PrintV2 of a label and a tensor', covers: ['PrintV2'], inputs: quarters, build: ([x]) => ({ fetches: [tf.print('value:', tf.neg(x!))] }), check: same },
  { name: 'ScalarSummary of a max', covers: ['ScalarSummary'], inputs: [{ shape: [67] }], build: ([x]) => tf.summary.scalar('top', tf.reduceMax(x!)), check: same },
  {
    name: 'HistogramSummary and MergeSummary', covers: ['HistogramSummary', 'MergeSummary', 'ScalarSummary'], inputs: [{ shape: [67] }],
    build: ([x]) => tf.summary.merge([tf.summary.histogram('h', tf.neg(x!)), tf.summary.scalar('s', tf.reduceMin(x!))]), check: same,
  },
];
