/**
 * Kinds and scalar values of summary values. Scalars of every dtype are checked against
 * the bytes written with DataView (an independent encoder); half and bfloat16 against
 * IEEE 754 constants.
 */
import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { pluginKind, scalarOf, tensorScalar, valueKind } from '../../src/events/classify.ts';
import { DataType, Summary_ValueSchema, TensorProtoSchema } from '../../src/format/protos.ts';

const content = (size: number, set: (v: DataView) => void) => {
  const b = new Uint8Array(size);
  set(new DataView(b.buffer));
  return b;
};
const tensor = (init: Parameters<typeof create<typeof TensorProtoSchema>>[1]) => create(TensorProtoSchema, init);

describe('valueKind', () => {
  it('uses the legacy field, else the plugin the tag inherited', () => {
    const v = (value: Parameters<typeof create<typeof Summary_ValueSchema>>[1]) => create(Summary_ValueSchema, value);
    expect(valueKind(v({ value: { case: 'simpleValue', value: 1 } }), 'histograms')).toBe('scalar');
    expect(valueKind(v({ value: { case: 'histo', value: {} } }), '')).toBe('histogram');
    expect(valueKind(v({ value: { case: 'image', value: {} } }), '')).toBe('image');
    expect(valueKind(v({ value: { case: 'audio', value: {} } }), '')).toBe('audio');
    expect(valueKind(v({ value: { case: 'tensor', value: {} } }), 'scalars')).toBe('scalar');
    expect(valueKind(v({ value: { case: 'tensor', value: {} } }), '')).toBe('tensor');
    expect(valueKind(v({}), 'hparams')).toBe('hparams');
  });

  it('names unknown plugins as they are, and knows TensorBoard\'s', () => {
    expect(['images', 'text', 'pr_curves', 'graph_keras_model', 'graph_run_metadata_graph', 'custom_scalars', 'toString'].map(pluginKind))
      .toEqual(['image', 'text', 'pr_curve', 'graph', 'graph', 'custom_scalars', 'toString']);
  });
});

describe('tensorScalar', () => {
  it('reads one element of every numeric dtype, from values or tensor_content', () => {
    const cases: [DataType, Parameters<typeof tensor>[0], Uint8Array, number][] = [
      [DataType.DT_FLOAT, { floatVal: [0.5] }, content(4, (v) => v.setFloat32(0, -2.25, true)), -2.25],
      [DataType.DT_DOUBLE, { doubleVal: [0.1] }, content(8, (v) => v.setFloat64(0, 1 / 3, true)), 1 / 3],
      [DataType.DT_INT32, { intVal: [-7] }, content(4, (v) => v.setInt32(0, -(2 ** 31), true)), -(2 ** 31)],
      [DataType.DT_INT16, { intVal: [300] }, content(2, (v) => v.setInt16(0, -300, true)), -300],
      [DataType.DT_INT8, { intVal: [-3] }, content(1, (v) => v.setInt8(0, -128)), -128],
      [DataType.DT_UINT8, { intVal: [200] }, content(1, (v) => v.setUint8(0, 255)), 255],
      [DataType.DT_UINT16, { intVal: [65535] }, content(2, (v) => v.setUint16(0, 65535, true)), 65535],
      [DataType.DT_UINT32, { uint32Val: [4e9] }, content(4, (v) => v.setUint32(0, 4e9, true)), 4e9],
      [DataType.DT_INT64, { int64Val: [-(2n ** 40n)] }, content(8, (v) => v.setBigInt64(0, 2n ** 52n, true)), 2 ** 52],
      [DataType.DT_UINT64, { uint64Val: [2n ** 53n] }, content(8, (v) => v.setBigUint64(0, 12345n, true)), 12345],
      [DataType.DT_BOOL, { boolVal: [true] }, new Uint8Array([0]), 0],
    ];
    for (const [dtype, vals, bytes, fromBytes] of cases) {
      const listed = Object.values(vals!)[0] as unknown[];
      expect(tensorScalar(tensor({ dtype, ...vals })), DataType[dtype]).toBe(typeof listed[0] === 'boolean' ? 1 : Number(listed[0]));
      expect(tensorScalar(tensor({ dtype, tensorContent: bytes })), DataType[dtype]).toBe(fromBytes);
    }
  });

  it('reads half and bfloat16 bit patterns as IEEE 754 defines them', () => {
    const half: [number, number][] = [[0x3c00, 1], [0xc000, -2], [0x7bff, 65504], [0x0001, 2 ** -24], [0x0400, 2 ** -14], [0x7c00, Infinity], [0xfc00, -Infinity], [0x8000, -0]];
    for (const [bits, x] of half) expect(tensorScalar(tensor({ dtype: DataType.DT_HALF, halfVal: [bits] }))).toBe(x);
    expect(tensorScalar(tensor({ dtype: DataType.DT_HALF, halfVal: [0x7e00] }))).toBeNaN();
    expect(tensorScalar(tensor({ dtype: DataType.DT_HALF, tensorContent: new Uint8Array([0x00, 0x3c]) }))).toBe(1);
    // bfloat16 is the top half of a float32.
    expect(tensorScalar(tensor({ dtype: DataType.DT_BFLOAT16, halfVal: [0x3fc0] }))).toBe(1.5);
    expect(tensorScalar(tensor({ dtype: DataType.DT_BFLOAT16, halfVal: [0xc2f7] }))).toBe(-123.5);
  });

  it('reads a tensor with no values as 0, and declines anything but one element', () => {
    expect(tensorScalar(tensor({ dtype: DataType.DT_FLOAT }))).toBe(0);
    expect(tensorScalar(tensor({ dtype: DataType.DT_FLOAT, tensorShape: { dim: [{ size: 1n }, { size: 1n }] }, floatVal: [3] }))).toBe(3);
    expect(tensorScalar(tensor({ dtype: DataType.DT_FLOAT, tensorShape: { dim: [{ size: 2n }] }, floatVal: [3, 4] }))).toBeNull();
    expect(tensorScalar(tensor({ dtype: DataType.DT_FLOAT, tensorContent: new Uint8Array(2) }))).toBeNull();
    expect(tensorScalar(tensor({ dtype: DataType.DT_STRING, stringVal: [new Uint8Array(1)] }))).toBeNull();
    expect(scalarOf(create(Summary_ValueSchema, { value: { case: 'histo', value: {} } }))).toBeNull();
  });
});
