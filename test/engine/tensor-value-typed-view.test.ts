import { expect, it } from 'vitest';
import { typedView } from '../../src/engine/tensor-value.ts';

it('wraps a typed array of the dtype without copying, and declines anything else', () => {
  const f = new Float32Array(6);
  expect(typedView(f, 'float32', [2, 3])).toEqual({ dtype: 'float32', shape: [2, 3], data: f });
  expect(typedView(f, 'float32')!.data).toBe(f);
  expect(typedView(f, 'float32')!.shape).toEqual([6]);
  expect(typedView(new Int32Array(2), 'int32')!.dtype).toBe('int32');
  expect(typedView(new Uint8Array(2), 'bool')!.dtype).toBe('bool');
  expect(typedView(f, 'int32')).toBeNull(); // wrong array type: fromJs converts
  expect(typedView(new Float64Array(6), 'float32')).toBeNull();
  expect(typedView(f, 'float32', [4])).toBeNull(); // wrong element count: fromJs reports it
  expect(typedView([1, 2], 'float32')).toBeNull();
  expect(typedView(new Uint8Array(2), 'string')).toBeNull();
});
