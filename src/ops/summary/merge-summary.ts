import { create, fromBinary } from '@bufbuild/protobuf';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { StringElement } from '../../engine/tensor-value.ts';
import { type Summary, type Summary_Value, SummarySchema } from '../../format/protos.ts';
import { elementBytes, summaryTensor } from './summary-tensor.ts';

/**
 * `MergeSummary(inputs × N)`: the values of every serialized Summary in every input,
 * in order (TF's SummaryMergeOp). A tag seen twice is TF's error; empty tags are not checked.
 */
export const MergeSummary: OpDef = {
  type: 'MergeSummary',
  infer: () => [{ dtype: 'string', shape: [] }],
  grad: null,
  cpu: (inputs, ctx) => {
    const values: Summary_Value[] = [];
    const tags = new Set<string>();
    for (const input of inputs) {
      for (const element of input.data as StringElement[]) {
        let summary: Summary;
        try {
          summary = fromBinary(SummarySchema, elementBytes(element));
        } catch {
          throw new InvalidArgumentError('Could not parse one of the summary inputs', ctx.op.name);
        }
        for (const v of summary.value) {
          if (v.tag !== '') {
            if (tags.has(v.tag)) throw new InvalidArgumentError(`Duplicate tag ${v.tag} found in summary inputs`, ctx.op.name);
            tags.add(v.tag);
          }
          values.push(v);
        }
      }
    }
    return [summaryTensor(create(SummarySchema, { value: values }))];
  },
};
