/**
 * Output shapes from a NodeDef's `_output_shapes` attr, read as TensorBoard's graph
 * dashboard reads them (tf_graph_common/graph.ts `extractOutputShapes`, `Metaedge`
 * size and edge.ts labels): an unknown rank is null, an unknown dimension -1.
 *
 *     shapeLabel([-1, 784])            // '?×784'
 *     shapeLabel([])                   // 'scalar'
 *     sizeOfOutputs([[-1, 784], [10]]) // 794: unknown dims count 1, every output summed
 */
import type { AttrValue } from '../format/protos.ts';

/** Dimensions of one output; -1 for an unknown dimension. */
export type TensorShape = readonly number[];

const OUTPUT_SHAPES = '_output_shapes';
/** TensorBoard's `TENSOR_SHAPE_DELIM`. */
const DIM_DELIM = '×';

/** One shape per output (null for an unknown rank), or null when the node has no `_output_shapes`. */
export function outputShapes(attr: { readonly [key: string]: AttrValue } | undefined): (TensorShape | null)[] | null {
  const value = attr?.[OUTPUT_SHAPES]?.value;
  if (value === undefined || value.case !== 'list') return null;
  return value.value.shape.map((s) => (s.unknownRank ? null : s.dim.map((d) => Number(d.size))));
}

/** The label TensorBoard puts on an edge carrying a tensor of this shape; null when unknown. */
export function shapeLabel(shape: TensorShape | null | undefined): string | null {
  if (shape === null || shape === undefined) return null;
  if (shape.length === 0) return 'scalar';
  return shape.map((d) => (d === -1 ? '?' : String(d))).join(DIM_DELIM);
}

/**
 * TensorBoard's size of an edge (it scales edge width): the element counts of all the
 * source's outputs summed, unknown dimensions and unknown ranks counting 1; 1 without shapes.
 */
export function sizeOfOutputs(shapes: readonly (TensorShape | null)[] | null): number {
  if (shapes === null) return 1;
  let total = 0;
  for (const s of shapes) {
    let n = 1;
    if (s !== null) for (const d of s) n *= d === -1 ? 1 : d;
    total += n;
  }
  return total;
}
