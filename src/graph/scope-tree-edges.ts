/**
 * The edges of the scope tree, made as TensorBoard's graph.ts `build` makes them: one per
 * kept input of a kept op, with TensorBoard's reference-edge flag, size and shape label;
 * with embedding on, a Const's own inputs move onto each op that reads it, and each
 * embedded node is recorded on its host op. Used by scope-tree-data.ts.
 */
import { edgeInputs, type NodeInput } from './node-input.ts';
import type { GraphNodeLike, ScopeTreeData } from './scope-tree-data.ts';
import { isReferenceInput } from './tb-rules.ts';
import { outputShapes, shapeLabel, sizeOfOutputs, type TensorShape } from './tensor-shapes.ts';

/** How the builder classed each `GraphDef.node`. */
export const NodeRole = { Kept: 0, InEmbed: 1, OutEmbed: 2, Duplicate: 3 } as const;

export type EdgeFields = Pick<ScopeTreeData,
  'edgeSrc' | 'edgeDst' | 'edgeControl' | 'edgeOutput' | 'missingInputs' | 'edgeRef' | 'edgeSize' | 'edgeShape' | 'embedHost' | 'embedNode' | 'embedOut'>;

/** Edges as TensorBoard's graph.ts `build` makes them, embeddings moved onto their hosts. */
export function buildEdges(
  nodes: readonly GraphNodeLike[], role: Uint8Array, indexOf: ReadonlyMap<string, number>, entryOf: Int32Array, kept: readonly number[],
  shapesOfNode: (node: number) => readonly (TensorShape | null)[] | null = (i) => outputShapes(nodes[i]!.attr),
): EdgeFields {
  const edgeSrc: number[] = [];
  const edgeDst: number[] = [];
  const edgeControl: boolean[] = [];
  const edgeOutput: string[] = [];
  const edgeRef: boolean[] = [];
  const edgeSize: number[] = [];
  const edgeShape: (string | null)[] = [];
  const missingInputs: string[] = [];
  const embedHost: number[] = [];
  const embedNode: number[] = [];
  const embedOut: boolean[] = [];
  // A Const's inputs are read once per reader: keep the parsed inputs of embedded nodes only.
  const embeddedInputs = new Map<number, NodeInput[]>();
  const inputsOf = (i: number): NodeInput[] => {
    if (role[i] === NodeRole.Kept) return edgeInputs(nodes[i]!.input);
    let known = embeddedInputs.get(i);
    if (known === undefined) embeddedInputs.set(i, (known = edgeInputs(nodes[i]!.input)));
    return known;
  };
  // Per source node, parsed once: its output shapes (null: none) and TensorBoard's size.
  const shapes: (readonly (TensorShape | null)[] | null | undefined)[] = new Array(nodes.length);
  const sizes = new Float64Array(nodes.length);
  const labels: (string | null)[][] = new Array(nodes.length);
  const labelOf = (i: number, output: string): string | null => {
    const out = shapesOf(i);
    if (out === null) return null;
    const k = Number(output); // NaN for a function output (`out:0`): TensorBoard finds no shape either
    const known = (labels[i] ??= [])[k];
    if (known !== undefined) return known;
    const label = shapeLabel(out[k]);
    if (Number.isInteger(k)) labels[i]![k] = label;
    return label;
  };
  const shapesOf = (i: number): readonly (TensorShape | null)[] | null => {
    let s = shapes[i];
    if (s === undefined) {
      shapes[i] = s = shapesOfNode(i);
      sizes[i] = sizeOfOutputs(s);
    }
    return s;
  };
  const addEdge = (srcName: string, dst: number, how: NodeInput, refIndex: number, dstOp: string): void => {
    const s = indexOf.get(srcName);
    if (s === undefined) {
      missingInputs.push(srcName);
      return;
    }
    const src = entryOf[s]!;
    if (src < 0 || src === dst) return; // an embedded source has no entry (TensorBoard drops the edge), or a self-loop
    shapesOf(s);
    edgeSrc.push(src);
    edgeDst.push(dst);
    edgeControl.push(how.control);
    edgeOutput.push(how.output);
    edgeRef.push(isReferenceInput(dstOp, refIndex));
    edgeSize.push(sizes[s]!);
    edgeShape.push(how.control ? null : labelOf(s, how.output));
  };
  const addEmbedding = (host: number, node: number, out: boolean): void => {
    for (let k = embedHost.length - 1; k >= 0 && embedHost[k] === host; k--) if (embedNode[k] === node) return;
    embedHost.push(host);
    embedNode.push(node);
    embedOut.push(out);
  };

  for (const i of kept) {
    const dst = entryOf[i]!;
    const op = nodes[i]!.op;
    inputsOf(i).forEach((input, k) => {
      const j = indexOf.get(input.name);
      const r = j === undefined ? NodeRole.Kept : role[j]!;
      if (r === NodeRole.InEmbed) {
        addEmbedding(dst, j!, false);
        for (const e of inputsOf(j!)) addEdge(e.name, dst, e, k, op);
      } else if (r === NodeRole.OutEmbed) {
        for (const e of inputsOf(j!)) addEdge(e.name, dst, input, k, op);
      } else addEdge(input.name, dst, input, k, op);
    });
  }
  nodes.forEach((_, j) => {
    if (role[j] !== NodeRole.OutEmbed) return;
    for (const e of inputsOf(j)) {
      const h = indexOf.get(e.name);
      if (h !== undefined && role[h] === NodeRole.Kept) addEmbedding(entryOf[h]!, j, true);
    }
  });
  return { edgeSrc, edgeDst, edgeControl, edgeOutput, missingInputs, edgeRef, edgeSize, edgeShape, embedHost, embedNode, embedOut };
}
