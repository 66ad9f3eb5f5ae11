import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { fromJs } from '../../src/engine/tensor-value.ts';
import { attrToProto } from '../../src/format/graph-def.ts';
import { AttrValueSchema, DataType, TensorProtoSchema } from '../../src/format/protos.ts';
import { shapeToProto, tensorFromProto, tensorToProto } from '../../src/format/tensor-proto.ts';
import { attrText, dtypeName, MAX_SHOWN_VALUES, shapeText, tensorText } from '../../src/graph/attr-text.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

describe('attribute text', () => {
  it('names dtypes as Python TF does, reference types with _ref', () => {
    expect([DataType.DT_FLOAT, DataType.DT_INT64, DataType.DT_HALF, DataType.DT_STRING, DataType.DT_FLOAT_REF].map(dtypeName))
      .toEqual(['float32', 'int64', 'float16', 'string', 'float32_ref']);
    expect(dtypeName(99)).toBe('dtype(99)');
  });

  it('writes shapes with ? for unknown dims', () => {
    expect([[null, 784], [], null, [2, 3]].map((s) => shapeText(shapeToProto(s)))).toEqual(['[?, 784]', '[]', '<unknown>', '[2, 3]']);
  });

  it('lists small tensors, counts large ones, fills from a single value', () => {
    expect(tensorText(tensorToProto(fromJs([[1, 2.5], [3, 4]], 'float32')))).toBe('float32 [2, 2] = [1, 2.5, 3, 4]');
    expect(tensorText(tensorToProto(fromJs(0.1, 'float32', [3])))).toBe('float32 [3] = [0.1, 0.1, 0.1]');
    expect(tensorText(tensorToProto(fromJs(7, 'int32')))).toBe('int32 [] = 7');
    expect(tensorText(tensorToProto(fromJs(['a', 'é'])))).toBe('string [2] = ["a", "é"]');
    expect(tensorText(tensorToProto(fromJs(0, 'float32', [784, 10])))).toBe('float32 [784, 10] (7840 values)');
    const int64 = create(TensorProtoSchema, { dtype: DataType.DT_INT64, tensorShape: shapeToProto([2]), int64Val: [5n, -1n] });
    expect(tensorText(int64)).toBe('int64 [2] = [5, -1]');
    // IEEE half bit patterns: 1, -2, 65504 (largest half), 2^-24 (smallest subnormal).
    const half = create(TensorProtoSchema, { dtype: DataType.DT_HALF, tensorShape: shapeToProto([4]), halfVal: [0x3c00, 0xc000, 0x7bff, 0x0001] });
    expect(tensorText(half)).toBe(`float16 [4] = [1, -2, 65504, ${Number((2 ** -24).toPrecision(6))}]`);
  });

  it('formats every attribute kind, lists cut at MAX_SHOWN_VALUES', () => {
    expect(attrText(attrToProto({ kind: 'type', value: 'int32' }))).toBe('int32');
    expect(attrText(attrToProto({ kind: 'bool', value: true }))).toBe('true');
    expect(attrText(attrToProto({ kind: 'int', value: -3 }))).toBe('-3');
    expect(attrText(attrToProto({ kind: 'float', value: 0.001 }))).toBe('0.001');
    expect(attrText(attrToProto({ kind: 'string', value: 'SAME' }))).toBe('"SAME"');
    expect(attrText(attrToProto({ kind: 'list_string', value: ['loc:@a'] }))).toBe('["loc:@a"]');
    expect(attrText(attrToProto({ kind: 'list_shape', value: [[null, 2], []] }))).toBe('[[?, 2], []]');
    const long = attrText(attrToProto({ kind: 'list_int', value: Array.from({ length: 40 }, (_, i) => i) }));
    expect(long.endsWith(', … (40 items)]')).toBe(true);
    expect(long.split(',').length).toBe(MAX_SHOWN_VALUES + 1);
    expect(attrText(create(AttrValueSchema, { value: { case: 's', value: new Uint8Array([0xff, 0xfe]) } }))).toBe('<2 bytes>');
    expect(attrText(undefined)).toBe('');
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`attributes of real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(REAL_GRAPHS))('%s: every attribute formats; small float/int Consts show the values our decoder reads', (_n, file) => {
    let compared = 0;
    for (const n of realGraph(file).node) {
      for (const a of Object.values(n.attr)) expect(typeof attrText(a)).toBe('string');
      const v = n.attr['value']?.value;
      if (n.op !== 'Const' || v?.case !== 'tensor' || ![1, 3].includes(v.value.dtype)) continue;
      const decoded = tensorFromProto(v.value);
      if (decoded.data.length > MAX_SHOWN_VALUES || decoded.shape.length === 0) continue;
      const listed = /= \[(.*)\]$/.exec(attrText(n.attr['value']))![1]!;
      const want = Array.from(decoded.data as Float32Array, (x) => String(Number(Number(x).toPrecision(6))));
      expect(listed === '' ? [] : listed.split(', '), n.name).toEqual(want);
      compared++;
    }
    if (file === REAL_GRAPHS.morvan || file === REAL_GRAPHS.mobilenet) expect(compared).toBeGreaterThan(5);
  });
});
