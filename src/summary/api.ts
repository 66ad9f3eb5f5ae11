/**
 * `tf.summary.scalar`, `histogram`, `merge`, `mergeAll`: TF 1.x's summary ops with
 * TF 1.x's names (tensorflow/python/summary/summary.py and summary_op_util.py).
 */
import { attr } from '../engine/attr.ts';
import type { DType } from '../engine/dtype.ts';
import { getDefaultGraph, type Graph, type Tensor } from '../engine/graph.ts';
import { applyOp, graphOf, type TensorLike } from '../engine/op-builder.ts';

/** TF's `GraphKeys.SUMMARIES`: where summary ops are collected by default. */
export const SUMMARIES = 'summaries';

export interface SummaryOptions {
  /** Collections to add the op to (default `['summaries']`). */
  readonly collections?: readonly string[];
  /** Prefix for the tag and scope, shown as a separate tab in TensorBoard. */
  readonly family?: string;
}

/** TF's `clean_tag`: characters other than word characters, `-`, `/` and `.` become `_`; leading `/` are dropped. */
export function cleanTag(name: string): string {
  return name.replace(/[^-/\p{L}\p{N}_.]/gu, '_').replace(/^\/+/, '');
}

/**
 * TF's `summary_scope`: opens a unique name scope `[family/]name` and gives `fn` the tag
 * (the scope without its trailing `/`, prefixed again with the family) and the scope.
 */
function summaryScope<T>(graph: Graph, name: string, family: string | undefined, fn: (tag: string, scope: string) => T): T {
  const clean = cleanTag(name);
  const fam = family === undefined ? undefined : cleanTag(family);
  const base = fam === undefined ? clean : `${fam}/${clean}`;
  return graph.nameScope(base, (scope) => {
    const bare = scope.replace(/\/$/, '');
    return fn(fam === undefined ? bare : `${fam}/${bare}`, scope);
  });
}

function collect(t: Tensor, collections: readonly string[] | undefined, defaults: readonly string[]): void {
  for (const key of collections ?? defaults) t.graph.addToCollection(key, t);
}

/** A summary op whose inputs are (tag string, values) and whose `T` is the values' dtype. */
function tagAndValues(type: string, tagArg: string, name: string, values: TensorLike, options: SummaryOptions): Tensor {
  const graph = graphOf([values]);
  return summaryScope(graph, name, options.family, (tag, scope) => {
    const op = applyOp(type, scope, [[tagArg, tag], ['values', values]], (ts) => ({ T: attr.type(ts[1]!.dtype) }), {
      sameType: [1],
      dtypes: { 0: 'string' as DType },
    });
    collect(op.output, options.collections, [SUMMARIES]);
    return op.output;
  });
}

/**
 * A `ScalarSummary` of a scalar tensor. At the root, `scalar('loss', x)` creates op `loss`
 * with Const `loss/tags` and tag `loss`; inside name scope `loss` it is op and tag `loss/loss`.
 *
 *     const s = tf.summary.scalar('loss', loss);
 */
export function scalar(name: string, tensor: TensorLike, options: SummaryOptions = {}): Tensor {
  return tagAndValues('ScalarSummary', 'tags', name, tensor, options);
}

/**
 * A `HistogramSummary` of any tensor (TF's default buckets); its tag Const is named `tag`.
 *
 *     tf.summary.histogram('weights', w);
 */
export function histogram(name: string, values: TensorLike, options: SummaryOptions = {}): Tensor {
  return tagAndValues('HistogramSummary', 'tag', name, values, options);
}

/**
 * `MergeSummary` of serialized summaries, in scope `name` (default `Merge`): TF names it
 * `Merge/MergeSummary`, or `<name>/<name>` when a name is given. Not added to any collection
 * unless `collections` says so.
 *
 *     const merged = tf.summary.merge([s1, s2]);
 */
export function merge(inputs: readonly Tensor[], options: { readonly collections?: readonly string[]; readonly name?: string } = {}): Tensor {
  const graph = graphOf(inputs);
  return graph.nameScope(options.name ?? 'Merge', () => {
    const op = applyOp('MergeSummary', options.name ?? 'MergeSummary', inputs.map((t) => ['inputs', t] as const), { N: attr.int(inputs.length) }, {
      sameType: [],
      dtypes: Object.fromEntries(inputs.map((_, i) => [i, 'string' as DType])),
    });
    collect(op.output, options.collections, []);
    return op.output;
  });
}

/**
 * Merge every summary in collection `key` of the default graph (optionally only those whose
 * name matches `scope` at the start, as TF's `get_collection(key, scope)`); null when there
 * are none, as in TF.
 *
 *     const merged = tf.summary.mergeAll();
 */
export function mergeAll(key = SUMMARIES, options: { readonly scope?: string; readonly name?: string } = {}): Tensor | null {
  let ops = getDefaultGraph().getCollection<Tensor>(key);
  if (options.scope !== undefined) {
    const re = new RegExp(`^(?:${options.scope})`);
    ops = ops.filter((t) => re.test(t.name));
  }
  if (ops.length === 0) return null;
  return merge(ops, options.name === undefined ? {} : { name: options.name });
}
