/**
 * What the info panel shows for a selected node, as plain data (it crosses from the
 * graph worker to the page): for an op, its inputs and outputs, attributes as text and
 * output shapes from `_output_shapes`; for a scope, its children and the edges that cross
 * its border.
 */
import type { NodeDef } from '../format/protos.ts';
import { attrText, shapeText } from './attr-text.ts';
import { parseInput } from './node-input.ts';
import type { ScopeTree } from './scope-tree.ts';

export interface LinkedNode {
  /** The node's NodeDef name. */
  readonly name: string;
  /** Its entry in the tree; null when the GraphDef does not hold it. */
  readonly id: number | null;
  /** Which output carries the tensor (`0`, `1`); for a control edge, `0`. */
  readonly output: string;
  readonly control: boolean;
}

export interface ChildSummary {
  readonly id: number;
  readonly leaf: string;
  readonly path: string;
  readonly kind: 'scope' | 'op';
  readonly op: string;
  readonly opCount: number;
}

export interface OpDetails {
  readonly kind: 'op';
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly op: string;
  readonly device: string;
  /** Every input as the NodeDef lists it, in order. */
  readonly inputs: readonly LinkedNode[];
  /** The ops that read this one. */
  readonly outputs: readonly LinkedNode[];
  /** Attributes but `_output_shapes`, by key. */
  readonly attrs: readonly { readonly key: string; readonly value: string }[];
  /** One shape per output (`[?, 784]`), from `_output_shapes`; empty when absent. */
  readonly outputShapes: readonly string[];
}

export interface ScopeDetails {
  readonly kind: 'scope';
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly opCount: number;
  readonly children: readonly ChildSummary[];
  readonly opHistogram: readonly (readonly [op: string, count: number])[];
  /** Ops outside the scope that feed ops inside it, and ops outside that read from it. */
  readonly inputs: readonly LinkedNode[];
  readonly outputs: readonly LinkedNode[];
}

export type NodeDetails = OpDetails | ScopeDetails;

/** At most this many external inputs/outputs are listed for a scope. */
export const MAX_SCOPE_LINKS = 200;

export function childSummaries(tree: ScopeTree, scope: number): ChildSummary[] {
  return tree.children(scope).map((id) => ({
    id, leaf: tree.leaf(id), path: tree.path(id), kind: tree.kind(id), op: tree.op(id), opCount: tree.opCount(id),
  }));
}

function link(tree: ScopeTree, edge: number, end: 'src' | 'dst'): LinkedNode {
  const id = end === 'src' ? tree.data.edgeSrc[edge]! : tree.data.edgeDst[edge]!;
  return { name: tree.name(id), id, output: tree.data.edgeOutput[edge]!, control: tree.data.edgeControl[edge]! };
}

function opDetails(tree: ScopeTree, nodes: readonly NodeDef[], id: number): OpDetails {
  const node = nodes[tree.nodeIndex(id)]!;
  const inputs = node.input.map((raw): LinkedNode => {
    const input = parseInput(raw);
    return { ...input, id: tree.byNodeName(input.name) ?? null };
  });
  const shapesAttr = node.attr['_output_shapes']?.value;
  const outputShapes = shapesAttr?.case === 'list' ? shapesAttr.value.shape.map(shapeText) : [];
  const attrs = Object.keys(node.attr).filter((k) => k !== '_output_shapes').sort()
    .map((key) => ({ key, value: attrText(node.attr[key]) }));
  return {
    kind: 'op', id, name: node.name, path: tree.path(id), op: node.op, device: node.device, inputs,
    outputs: tree.outEdges(id).map((e) => link(tree, e, 'dst')), attrs, outputShapes,
  };
}

function scopeDetails(tree: ScopeTree, id: number): ScopeDetails {
  const inputs: LinkedNode[] = [];
  const outputs: LinkedNode[] = [];
  const seenIn = new Set<number>();
  const seenOut = new Set<number>();
  const walk = (x: number): void => {
    if (!tree.isScope(x)) {
      for (const e of tree.inEdges(x)) {
        const src = tree.data.edgeSrc[e]!;
        if (!tree.contains(id, src) && !seenIn.has(src) && inputs.length < MAX_SCOPE_LINKS) {
          seenIn.add(src);
          inputs.push(link(tree, e, 'src'));
        }
      }
      for (const e of tree.outEdges(x)) {
        const dst = tree.data.edgeDst[e]!;
        if (!tree.contains(id, dst) && !seenOut.has(dst) && outputs.length < MAX_SCOPE_LINKS) {
          seenOut.add(dst);
          outputs.push(link(tree, e, 'dst'));
        }
      }
    }
    for (const c of tree.children(x)) walk(c);
  };
  walk(id);
  return {
    kind: 'scope', id, name: tree.name(id), path: tree.path(id), opCount: tree.opCount(id),
    children: childSummaries(tree, id), opHistogram: tree.opHistogram(id), inputs, outputs,
  };
}

/** Details of an entry; `nodes` is the GraphDef's `node` list the tree was built from. */
export function nodeDetails(tree: ScopeTree, nodes: readonly NodeDef[], id: number): NodeDetails {
  return tree.isScope(id) ? scopeDetails(tree, id) : opDetails(tree, nodes, id);
}
