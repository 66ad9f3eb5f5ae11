/** The shape of the op case table (test/support/op-cases.ts). */
import type * as tf from '../../../src/index.ts';

/** |other − cpu| ≤ abs + rel·|cpu|, with the reason for those numbers. */
export interface Tolerance { readonly abs: number; readonly rel: number; readonly why: string }

export type Check =
  /** Numbers within a tolerance, element by element (NaN must match NaN). */
  | { readonly kind: 'close'; readonly tol: Tolerance }
  /** Identical values: int32, bool, strings, summary bytes, and copies of floats. */
  | { readonly kind: 'same'; readonly why: string }
  /** Random draws: same shape and dtype on both, and each backend's sample mean and standard deviation in range. */
  | { readonly kind: 'stats'; readonly mean: readonly [number, number]; readonly std: readonly [number, number]; readonly why: string };

export interface InputSpec {
  readonly shape: readonly number[];
  /** The placeholder's declared shape when it should be less known than the fed one (null: unknown rank), so shape ops are not folded to constants. */
  readonly declared?: tf.Shape;
  /** float32 unless given. Booleans come from values > 0. */
  readonly dtype?: 'float32' | 'int32' | 'bool';
  /** Explicit values (row-major); otherwise seeded uniform numbers in `range` (default [-1, 1)). */
  readonly values?: readonly number[];
  readonly range?: readonly [number, number];
  /** Round generated values to multiples of this (so comparisons meet equal values, ints are exact). */
  readonly step?: number;
}

export interface CaseGraph {
  readonly fetches: readonly (tf.Tensor | tf.Operation)[];
  /** Runs made first, in order, with the same feeds (variable initializers, optimizer steps). */
  readonly before?: readonly (readonly (tf.Tensor | tf.Operation)[])[];
}

export interface OpCase {
  /** Unique; says the op and what the inputs exercise. */
  readonly name: string;
  /** The op types this case checks: each must appear in the case's graph (forward or gradient). */
  readonly covers: readonly string[];
  readonly inputs?: readonly InputSpec[];
  /** Builds the graph from one placeholder per input. */
  readonly build: (xs: tf.Tensor[]) => tf.Tensor | readonly tf.Tensor[] | CaseGraph;
  readonly check: Check;
  /** For differentiable ops: also compare d(½Σ out²)/d(each float input) with this tolerance. */
  readonly grad?: Tolerance;
}

export interface BuiltCase {
  readonly graph: tf.Graph;
  readonly feeds: Map<tf.Tensor, tf.FeedValue>;
  readonly before: readonly (readonly (tf.Tensor | tf.Operation)[])[];
  readonly fetches: readonly (tf.Tensor | tf.Operation)[];
  readonly gradFetches: readonly tf.Tensor[];
}
