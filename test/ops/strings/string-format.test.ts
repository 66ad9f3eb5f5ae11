import { describe, expect, it } from 'vitest';
import { attr } from '../../../src/engine/attr.ts';
import { fromJs, type TensorValue } from '../../../src/engine/tensor-value.ts';
import { StringFormat } from '../../../src/ops/strings/string-format.ts';
import { runKernel } from './kernel-context.ts';

function format(template: string, inputs: TensorValue[], summarize = 3, placeholder = '{}'): string {
  const attrs = {
    T: attr.listType(inputs.map((v) => v.dtype)),
    template: attr.string(template),
    placeholder: attr.string(placeholder),
    summarize: attr.int(summarize),
  };
  return runKernel(StringFormat, attrs, inputs).outputs[0]!.data[0] as string;
}

const range = (n: number, shape: number[] = [n]): TensorValue => fromJs(Int32Array.from({ length: n }, (_, i) => i), 'int32', shape);

// Expected strings are TensorFlow's own, from tensorflow/python/kernel_tests/string_format_op_test.py.
describe('StringFormat kernel (TF string_format_op_test cases)', () => {
  it('formats a 1-D tensor with elision', () => {
    expect(format('{}', [range(10)])).toBe('[0 1 2 ... 7 8 9]');
  });

  it('formats float32 scalars and vectors the way TF prints floats', () => {
    expect(format('{}', [fromJs(3.34, 'float32')])).toBe('3.34');
    expect(format('{}, {}', [fromJs(Math.fround(Math.fround(2.14) + 1), 'float32'), range(10)])).toBe('3.14, [0 1 2 ... 7 8 9]');
    expect(format('{}', [fromJs([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], 'float32')])).toBe('[0 0.1 0.2 ... 0.5 0.6 0.7]');
  });

  it('varies summarize', () => {
    expect(format('{}', [range(6)], 3)).toBe('[0 1 2 3 4 5]');
    expect(format('{}', [range(6)], -1)).toBe('[0 1 2 3 4 5]');
    expect(format('{}', [range(6)], 1)).toBe('[0 ... 5]');
    expect(format('{}', [range(6)], 2)).toBe('[0 1 ... 4 5]');
    expect(format('{}', [range(6)], 10)).toBe('[0 1 2 3 4 5]');
    expect(format('{}', [range(5)], 3)).toBe('[0 1 2 3 4]');
  });

  it('nests brackets with newlines for 2-D', () => {
    expect(format('{}', [range(4, [2, 2])])).toBe('[[0 1]\n [2 3]]');
    expect(format('tensor summary: {}, suffix', [range(100, [10, 10])])).toBe(
      'tensor summary: [[0 1 2 ... 7 8 9]\n [10 11 12 ... 17 18 19]\n [20 21 22 ... 27 28 29]\n ...\n' +
        ' [70 71 72 ... 77 78 79]\n [80 81 82 ... 87 88 89]\n [90 91 92 ... 97 98 99]], suffix',
    );
    expect(format('tensor summary: {}', [range(100, [10, 10])], 1)).toBe('tensor summary: [[0 ... 9]\n ...\n [90 ... 99]]');
    expect(format('{}', [range(100, [10, 10])], 2)).toBe('[[0 1 ... 8 9]\n [10 11 ... 18 19]\n ...\n [80 81 ... 88 89]\n [90 91 ... 98 99]]');
  });

  it('separates 3-D blocks by blank lines', () => {
    // TF's expected text for range(1000) reshaped to [10, 10, 10], assembled block by block.
    const block = (b: number): string => {
      const row = (r: number): string => {
        const s = b * 100 + r * 10;
        return `[${s} ${s + 1} ${s + 2} ... ${s + 7} ${s + 8} ${s + 9}]`;
      };
      return `[${row(0)}\n  ${row(1)}\n  ${row(2)}\n  ...\n  ${row(7)}\n  ${row(8)}\n  ${row(9)}]`;
    };
    const expected = `[${[block(0), block(1), block(2), '...', block(7), block(8), block(9)].join('\n\n ')}]`;
    expect(format('{}', [range(1000, [10, 10, 10])])).toBe(expected);
  });

  it('handles several inputs, a custom placeholder and no input', () => {
    const one = range(100, [10, 10]);
    const two = fromJs(Int32Array.from(one.data as Int32Array, (x) => x * 10), 'int32', [10, 10]);
    expect(format('One: {},\nTwo: {}', [one, two])).toBe(
      'One: [[0 1 2 ... 7 8 9]\n [10 11 12 ... 17 18 19]\n [20 21 22 ... 27 28 29]\n ...\n [70 71 72 ... 77 78 79]\n [80 81 82 ... 87 88 89]\n [90 91 92 ... 97 98 99]],\n' +
        'Two: [[0 10 20 ... 70 80 90]\n [100 110 120 ... 170 180 190]\n [200 210 220 ... 270 280 290]\n ...\n [700 710 720 ... 770 780 790]\n [800 810 820 ... 870 880 890]\n [900 910 920 ... 970 980 990]]',
    );
    expect(format('tensor summary: %t%', [range(4, [2, 2])], 3, '%t%')).toBe('tensor summary: [[0 1]\n [2 3]]');
    expect(format('No tensor.', [])).toBe('No tensor.');
  });

  it('prints bools as 1/0 and strings as they are', () => {
    expect(format('{}', [fromJs([true, false, true], 'bool')])).toBe('[1 0 1]');
    expect(format('<{}>', [fromJs('a - 5', 'string')])).toBe('<a - 5>');
    expect(format('{}', [fromJs(['x', 'y'], 'string')])).toBe('[x y]');
  });

  it('prints empty tensors as TF does', () => {
    expect(format('{}', [fromJs(new Float32Array(0), 'float32', [0])])).toBe('[]');
  });
});
