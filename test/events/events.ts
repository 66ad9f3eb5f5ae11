/** Test helpers: build event files from message initializers. */
import { create, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { encodeEventRecord, FILE_VERSION } from '../../src/format/event-file.ts';
import { DataType, EventSchema, type Summary_Value, Summary_ValueSchema } from '../../src/format/protos.ts';
import { concat } from './scan.ts';

export type EventInit = MessageInitShape<typeof EventSchema>;
export type ValueInit = MessageInitShape<typeof Summary_ValueSchema>;

export const fileVersion = (wallTime = 1.5e9): EventInit => ({ wallTime, what: { case: 'fileVersion', value: FILE_VERSION } });

export function summary(step: number, wallTime: number, ...value: ValueInit[]): EventInit {
  return { step: BigInt(step), wallTime, what: { case: 'summary', value: { value } } };
}

export const simple = (tag: string, x: number): ValueInit => ({ tag, value: { case: 'simpleValue', value: x } });

/** A TF 2.x scalar summary: a rank-0 DT_FLOAT tensor, with the plugin metadata when `first`. */
export function tensorScalar(tag: string, x: number, first: boolean, dtype: DataType = DataType.DT_FLOAT): ValueInit {
  const tensor = dtype === DataType.DT_DOUBLE ? { dtype, doubleVal: [x], tensorShape: {} } : { dtype, floatVal: [x], tensorShape: {} };
  return { tag, value: { case: 'tensor', value: tensor }, ...(first ? { metadata: { pluginData: { pluginName: 'scalars' } } } : {}) };
}

export function eventFile(events: readonly EventInit[]): Uint8Array {
  return concat(events.map((e) => encodeEventRecord(create(EventSchema, e))));
}

export const valueBytes = (v: Summary_Value): Uint8Array => toBinary(Summary_ValueSchema, v);
