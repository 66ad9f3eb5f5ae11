import { create } from '@bufbuild/protobuf';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { StringElement } from '../../engine/tensor-value.ts';
import { Histogram } from '../../format/histogram.ts';
import { SummarySchema } from '../../format/protos.ts';
import { elementText, isLegacyScalar, summaryTensor } from './summary-tensor.ts';

/**
 * `HistogramSummary(tag, values)`: TF's default-bucket histogram of every element
 * (TF's SummaryHistoOp). NaN and infinities are errors naming the op, in TF's words.
 */
export const HistogramSummary: OpDef = {
  type: 'HistogramSummary',
  infer: () => [{ dtype: 'string', shape: [] }],
  grad: null,
  cpu: ([tag, values], ctx) => {
    if (!isLegacyScalar(tag!.shape)) throw new InvalidArgumentError('tags must be scalar', ctx.op.name);
    const histo = new Histogram();
    const data = values!.data as Float32Array | Int32Array;
    for (let i = 0; i < data.length; i++) {
      const x = data[i]!;
      if (Number.isNaN(x)) throw new InvalidArgumentError(`Nan in summary histogram for: ${ctx.op.name}`, ctx.op.name);
      if (!Number.isFinite(x)) throw new InvalidArgumentError(`Infinity in summary histogram for: ${ctx.op.name}`, ctx.op.name);
      histo.add(x);
    }
    const summary = create(SummarySchema, {
      value: [{ tag: elementText((tag!.data as StringElement[])[0]!), value: { case: 'histo', value: histo.toProto() } }],
    });
    return [summaryTensor(summary)];
  },
};
