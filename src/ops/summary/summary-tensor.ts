import { toBinary } from '@bufbuild/protobuf';
import { type Summary, SummarySchema } from '../../format/protos.ts';
import type { StringElement, TensorValue } from '../../engine/tensor-value.ts';

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A summary op's output: a string scalar whose element is the serialized Summary. */
export function summaryTensor(summary: Summary): TensorValue {
  return { dtype: 'string', shape: [], data: [toBinary(SummarySchema, summary)] };
}

export function elementText(e: StringElement): string {
  return typeof e === 'string' ? e : utf8Decoder.decode(e);
}

export function elementBytes(e: StringElement): Uint8Array {
  return typeof e === 'string' ? utf8.encode(e) : e;
}

/** TF's `IsLegacyScalar`: rank 0, or rank 1 with one element. */
export function isLegacyScalar(shape: readonly number[]): boolean {
  return shape.length === 0 || (shape.length === 1 && shape[0] === 1);
}

/** TF's `TensorShape::DebugString`: `[]`, `[2,3]`. */
export function shapeDebugString(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
