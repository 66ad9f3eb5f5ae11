import { equals } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { fromJs } from '../../src/engine/tensor-value.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { DataType, TensorProtoSchema } from '../../src/format/protos.ts';
import { shapeFromProto, shapeToProto, tensorFromProto, tensorToProto } from '../../src/format/tensor-proto.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent } from '../support/real-events.ts';

describe('TensorShapeProto', () => {
  it('writes unknown dims as -1, unknown rank as unknown_rank, scalars with no dims', () => {
    expect(shapeToProto([null, 3]).dim.map((d) => d.size)).toEqual([-1n, 3n]);
    expect(shapeToProto(null)).toMatchObject({ unknownRank: true, dim: [] });
    expect(shapeToProto([])).toMatchObject({ unknownRank: false, dim: [] });
    for (const s of [[null, 3], null, [], [0], [2, 1, 4]]) expect(shapeFromProto(shapeToProto(s))).toEqual(s);
  });
});

describe('TensorProto', () => {
  it('writes float fills once, full float and int32 tensors as raw little-endian bytes', () => {
    const zeros = tensorToProto(fromJs(0, 'float32', [1, 10]));
    expect(zeros).toMatchObject({ dtype: DataType.DT_FLOAT, floatVal: [0], tensorContent: new Uint8Array(0) });
    const shape = tensorToProto(fromJs([1, 10], 'int32'));
    expect(shape.tensorContent).toEqual(new Uint8Array([1, 0, 0, 0, 10, 0, 0, 0]));
    expect(shape.intVal).toEqual([]);
    // TF 1.x writes [1, 1] shape constants in full, not as a fill.
    expect(tensorToProto(fromJs([1, 1], 'int32')).tensorContent.length).toBe(8);
    expect(tensorToProto(fromJs(7, 'int32')).intVal).toEqual([7]);
    const f = tensorToProto(fromJs([1.5, -2], 'float32'));
    expect(Array.from(new Float32Array(f.tensorContent.slice().buffer))).toEqual([1.5, -2]);
  });

  it('lists bool and string elements; strings as UTF-8 bytes', () => {
    expect(tensorToProto(fromJs([true, false, true])).boolVal).toEqual([true, false, true]);
    const s = tensorToProto(fromJs(['a', 'a', 'é']));
    expect(s.dtype).toBe(DataType.DT_STRING);
    expect(s.stringVal).toEqual([new Uint8Array([97]), new Uint8Array([97]), new Uint8Array([0xc3, 0xa9])]);
  });

  it('decodes what it encodes, for every dtype and layout', () => {
    const values = [fromJs(0.1, 'float32', [2, 3]), fromJs([[1, 2], [3, 4]], 'float32'), fromJs([], 'int32'), fromJs([5, 6, 7], 'int32'), fromJs([true, false]), fromJs(['x', 'yz']), fromJs(3, 'float32')];
    for (const v of values) expect(tensorFromProto(tensorToProto(v))).toEqual(v);
  });

  describe.skipIf(!HAVE_REAL_EVENTS)(`every Const of real TF 1.x graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
    it.each([
      'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan',
      'tf1-morvan-lstm-2016/events.out.tfevents.1474269773.Morvan',
      'tf1-contrib-learn-2016-multirun/events.out.tfevents.1476472047.localhost',
      'tf1-slim-mobilenet-2018/events.out.tfevents.1539434587.deep2',
    ])('re-encodes exactly as TF wrote it: %s', (file) => {
      let checked = 0;
      for (const e of readEvents(readRealEvent(file)).events) {
        if (e.what.case !== 'graphDef') continue;
        for (const n of decodeGraphDef(e.what.value).node) {
          const v = n.attr['value']?.value;
          // Only the dtypes Keisan computes with (float32, int32, bool, string).
          if (n.op !== 'Const' || v?.case !== 'tensor' || ![1, 3, 7, 10].includes(v.value.dtype)) continue;
          const again = tensorToProto(tensorFromProto(v.value));
          expect(equals(TensorProtoSchema, again, v.value), n.name).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(30);
    });
  });
});
