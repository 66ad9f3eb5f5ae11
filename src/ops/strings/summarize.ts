/**
 * TF's `Tensor::SummarizeValue(max_entries, print_v2=true)` (tensorflow/core/framework/tensor.cc),
 * the text `tf.print` and `tf.strings.format` put in place of a tensor: numpy-like nested
 * brackets, the first and last `summarize` entries of every dimension around `...`.
 *
 *     [[0 1 2 ... 7 8 9]
 *      [10 11 12 ... 17 18 19]
 *      ...
 *      [90 91 92 ... 97 98 99]]
 */
import type { TensorValue } from '../../engine/tensor-value.ts';
import { formatFloat32 } from '../../format/float-format.ts';

const utf8 = new TextDecoder('utf-8');

/** One element as TF 1.x's `strings::AlphaNum` prints it: floats via FloatToBuffer, bools as 1/0, strings as they are. */
export function formatElement(v: TensorValue, i: number): string {
  const x = v.data[i]!;
  switch (v.dtype) {
    case 'float32': return formatFloat32(x as number);
    case 'int32': return String(x);
    case 'bool': return x ? '1' : '0';
    case 'string': return typeof x === 'string' ? x : utf8.decode(x as Uint8Array);
  }
}

/** TF's `PrintDimSpacing`: a space inside the innermost dimension, else newlines and indentation. */
function dimSpacing(dim: number, rank: number): string {
  if (dim === rank - 1) return ' ';
  return '\n'.repeat(rank - dim - 1) + ' '.repeat(dim + 1);
}

/** `summarize` < 0 prints every element, as in TF. */
export function summarizeValue(v: TensorValue, summarize: number): string {
  const count = v.data.length;
  const limit = summarize < 0 ? count : Math.min(summarize, count);
  const shape = v.shape;
  if (shape.length === 0) {
    // A scalar: TF loops over `limit` (0 or 1) elements.
    let out = limit > 0 ? formatElement(v, 0) : '';
    if (count > limit) out += '...';
    return out;
  }
  const strides: number[] = new Array(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1]! * shape[d + 1]!;
  const parts: string[] = [];
  // TF's PrintOneDimV2; `atEnds` is the overall limit, the same for every dimension.
  const visit = (dim: number, offset: number): void => {
    if (dim === shape.length) {
      parts.push(formatElement(v, offset));
      return;
    }
    parts.push('[');
    const n = shape[dim]!;
    const startOfEnd = Math.max(limit, n - limit);
    for (let i = 0; i < limit && i < n; i++) {
      if (i > 0) parts.push(dimSpacing(dim, shape.length));
      visit(dim + 1, offset + strides[dim]! * i);
    }
    if (n > 2 * limit) parts.push(dimSpacing(dim, shape.length), '...');
    for (let i = startOfEnd; i < n; i++) {
      parts.push(dimSpacing(dim, shape.length));
      visit(dim + 1, offset + strides[dim]! * i);
    }
    parts.push(']');
  };
  visit(0, 0);
  return parts.join('');
}
