import { create } from '@bufbuild/protobuf';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { sameShape } from '../../engine/shape.ts';
import type { StringElement } from '../../engine/tensor-value.ts';
import { SummarySchema } from '../../format/protos.ts';
import { elementText, isLegacyScalar, shapeDebugString, summaryTensor } from './summary-tensor.ts';

/**
 * `ScalarSummary(tags, values)`: one `simple_value` (as float32) per element, tagged by
 * the matching element of `tags` (TF's SummaryScalarOp). The output is a string scalar
 * holding the serialized Summary.
 */
export const ScalarSummary: OpDef = {
  type: 'ScalarSummary',
  infer: () => [{ dtype: 'string', shape: [] }],
  grad: null,
  cpu: ([tags, values], ctx) => {
    if (!sameShape(tags!.shape, values!.shape) && !(isLegacyScalar(tags!.shape) && isLegacyScalar(values!.shape))) {
      const single = tags!.data.length === 1 ? ` (tag '${elementText((tags!.data as StringElement[])[0]!)}')` : '';
      throw new InvalidArgumentError(
        `tags and values not the same shape: ${shapeDebugString(tags!.shape)} != ${shapeDebugString(values!.shape)}${single}`,
        ctx.op.name,
      );
    }
    const tagData = tags!.data as StringElement[];
    const valueData = values!.data as Float32Array | Int32Array;
    const summary = create(SummarySchema, {
      value: tagData.map((t, i) => ({ tag: elementText(t), value: { case: 'simpleValue' as const, value: Math.fround(valueData[i]!) } })),
    });
    return [summaryTensor(summary)];
  },
};
