import { describe, expect, it } from 'vitest';
import { attr } from '../../../src/engine/attr.ts';
import { fromJs, toJs, type TensorValue } from '../../../src/engine/tensor-value.ts';
import { StringJoin } from '../../../src/ops/strings/string-join.ts';
import { runKernel } from './kernel-context.ts';

function join(inputs: TensorValue[], separator: string): TensorValue {
  return runKernel(StringJoin, { N: attr.int(inputs.length), separator: attr.string(separator) }, inputs).outputs[0]!;
}

// Reference: Python's str.join applied per element, scalars repeated.
function reference(inputs: (string | string[])[], separator: string): string | string[] {
  const n = inputs.find(Array.isArray)?.length;
  if (n === undefined) return (inputs as string[]).join(separator);
  return Array.from({ length: n }, (_, i) => inputs.map((x) => (Array.isArray(x) ? x[i]! : x)).join(separator));
}

describe('StringJoin kernel', () => {
  it('joins scalars', () => {
    const ins = ['a - 5 / b - 8', 'loss - 0.25'];
    expect(toJs(join(ins.map((s) => fromJs(s, 'string')), ' / '))).toBe(reference(ins, ' / '));
  });

  it('broadcasts scalars against vectors', () => {
    const ins: (string | string[])[] = ['<', ['x', 'yy', ''], '>', ['1', '2', '3']];
    const out = join(ins.map((s) => fromJs(s, 'string')), '');
    expect(out.shape).toEqual([3]);
    expect(toJs(out)).toEqual(reference(ins, ''));
  });

  it('keeps the shape of 2-D inputs', () => {
    const out = join([fromJs([['a', 'b'], ['c', 'd']], 'string'), fromJs('!', 'string')], '-');
    expect(toJs(out)).toEqual([['a-!', 'b-!'], ['c-!', 'd-!']]);
  });

  it('rejects non-scalar inputs of different shapes with TF message', () => {
    expect(() => join([fromJs(['a', 'b'], 'string'), fromJs(['a', 'b', 'c'], 'string')], '')).toThrow('Input shapes do not match: [2] vs. [3]');
  });

  it('decodes byte strings as UTF-8', () => {
    const bytes: TensorValue = { dtype: 'string', shape: [], data: [new TextEncoder().encode('計算')] };
    expect(toJs(join([bytes, fromJs('!', 'string')], ''))).toBe('計算!');
  });
});
