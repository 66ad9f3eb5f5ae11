/**
 * `tf.strings.format`, `tf.strings.join` and `tf.print`, built as TF 1.x builds them
 * (tensorflow/python/ops/string_ops.py and logging_ops.py `print_v2`).
 */
import { attr } from '../engine/attr.ts';
import { ValueError } from '../engine/errors.ts';
import { type Operation, Tensor } from '../engine/graph.ts';
import { applyOp, type TensorConvertible, type TensorLike } from '../engine/op-builder.ts';
import { PRINT_STREAMS } from '../ops/strings/print-v2.ts';

export interface FormatOptions {
  /** Marks where each input goes in the template (default `{}`). */
  readonly placeholder?: string;
  /** First and last entries of each dimension to show; -1 shows all (default 3). */
  readonly summarize?: number;
  readonly name?: string;
}

function isTensorLike(x: unknown): x is Tensor | TensorConvertible {
  return x instanceof Tensor || (typeof x === 'object' && x !== null && typeof (x as TensorConvertible).toTensor === 'function');
}

function asTensor(x: Tensor | TensorConvertible): Tensor {
  return x instanceof Tensor ? x : x.toTensor();
}

/**
 * `tf.strings.format(template, inputs)`: a string scalar with each placeholder replaced by
 * the next input, printed as TF prints tensors (`[0 1 2 ... 7 8 9]`, floats as `81.5751572`).
 * A single tensor need not be wrapped in an array.
 *
 *     const s = tf.strings.format('a - {} / b - {}', [a, b]);
 */
function format(template: string, inputs: TensorLike | readonly TensorLike[], options: FormatOptions = {}): Tensor {
  const list: readonly TensorLike[] = Array.isArray(inputs) ? inputs : [inputs as TensorLike];
  const placeholder = options.placeholder ?? '{}';
  const holes = template.split(placeholder).length - 1;
  if (holes !== list.length) {
    throw new ValueError(`${holes} placeholder(s) in template does not match ${list.length} tensor(s) provided as input`);
  }
  // TF converts a list input's items as `<arg>_<i>` (ops.internal_convert_n_to_tensor).
  const named = list.map((v, i) => [`inputs_${i}`, v] as const);
  return applyOp(
    'StringFormat',
    options.name ?? 'StringFormat',
    named,
    (ts) => ({
      T: attr.listType(ts.map((t) => t.dtype)),
      template: attr.string(template),
      placeholder: attr.string(placeholder),
      summarize: attr.int(options.summarize ?? 3),
    }),
    { sameType: [] },
  ).output;
}

/**
 * `tf.strings.join(inputs, separator)`: element-wise concatenation of string tensors;
 * scalars broadcast against the others.
 *
 *     const line = tf.strings.join([s1, s2], ' / ');
 */
function join(inputs: readonly TensorLike[], separator = '', name = 'StringJoin'): Tensor {
  const named = inputs.map((v, i) => [`inputs_${i}`, v] as const);
  const dtypes = Object.fromEntries(inputs.map((_, i) => [i, 'string' as const]));
  return applyOp('StringJoin', name, named, { N: attr.int(inputs.length), separator: attr.string(separator) }, { sameType: [], dtypes }).output;
}

export const strings = { format, join };

export interface PrintOptions {
  /** Recorded as the op's `output_stream` (TF's default `stderr`); the host's sink decides where text goes. */
  readonly outputStream?: string;
  /** Appended after the text (default newline). */
  readonly end?: string;
  /** Placed between inputs (default a space). */
  readonly sep?: string;
  readonly summarize?: number;
  readonly name?: string;
}

const PRINT_OPTION_KEYS = new Set(['outputStream', 'end', 'sep', 'summarize', 'name']);

function isOptions(x: unknown): x is PrintOptions {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || ArrayBuffer.isView(x) || isTensorLike(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

// `_generate_placeholder_string` appends digits of Python's random.Random(5).randint(0, 9)
// until the placeholder is absent from the template; these are those digits, so graphs match.
const PLACEHOLDER_DIGITS = '945807302157368193036426';

function placeholderFor(template: string): string {
  let p = '{}';
  for (let i = 0; template.includes(p); i++) p += PLACEHOLDER_DIGITS[i % PLACEHOLDER_DIGITS.length];
  return p;
}

/** A JS value as print_v2 writes a Python object into its template (lists as `[a, b]`, strings inside them quoted). */
function templateOf(x: unknown, placeholder: string, top: boolean, tensors: Tensor[] | null): string {
  if (isTensorLike(x)) {
    tensors?.push(asTensor(x));
    return placeholder;
  }
  if (typeof x === 'string') return top ? x : `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(x)) return `[${x.map((v) => templateOf(v, placeholder, false, tensors)).join(', ')}]`;
  return String(x);
}

/**
 * `tf.print(...inputs)` in a graph: returns the `PrintV2` op; run it (or make something
 * depend on it) to print. Tensors print as TF prints them, strings as they are, separated
 * by spaces. An options object may come last.
 *
 *     const p = tf.print('loss:', loss, { name: 'print_loss' });
 *     sess.run(p);
 */
export function print(...args: unknown[]): Operation {
  const options: PrintOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args.pop() as PrintOptions) : {};
  const unknown = Object.keys(options).filter((k) => !PRINT_OPTION_KEYS.has(k));
  if (unknown.length > 0) throw new ValueError(`Unrecognized keyword arguments for tf.print: ${unknown.join(', ')}`);
  const stream = options.outputStream ?? 'stderr';
  if (!(PRINT_STREAMS as readonly string[]).includes(stream) && !stream.startsWith('file://')) {
    throw new ValueError(`Unsupported output stream, logging level, or file.${stream}. Supported streams are ${PRINT_STREAMS.join(', ')}. File needs to be in the form of 'file://<filepath>'.`);
  }
  const name = options.name;
  const only = args.length === 1 && isTensorLike(args[0]) ? asTensor(args[0]) : null;
  let text: Tensor;
  if (only !== null && only.dtype === 'string' && only.shape !== null && only.shape.length === 0) {
    // A single string scalar is printed as it is, with no StringFormat (as TF does).
    text = only;
  } else {
    const placeholder = placeholderFor(args.map((a) => templateOf(a, '', true, null)).join(' '));
    const tensors: Tensor[] = [];
    const template = args.map((a) => templateOf(a, placeholder, true, tensors)).join(options.sep ?? ' ');
    text = format(template, tensors, { placeholder, summarize: options.summarize ?? 3, ...(name ? { name: `${name}_format` } : {}) });
  }
  return applyOp('PrintV2', name ?? 'PrintV2', [['input', text]], {
    output_stream: attr.string(stream),
    end: attr.string(options.end ?? '\n'),
  });
}
