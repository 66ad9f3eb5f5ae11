import { ValueError } from './errors.ts';
import { type Graph, Operation, Tensor } from './graph.ts';

/** A fetch as a user may write it: a tensor, op, variable, name, or nested arrays/objects of them. */
export type Fetch = Tensor | Operation | { readonly ref: Tensor } | { toTensor(): Tensor } | string | null | readonly Fetch[] | { readonly [key: string]: Fetch };

/** One leaf of a fetch structure: a tensor to read, or an op to run for its effect (result null). */
export type FetchLeaf = { readonly tensor: Tensor } | { readonly op: Operation } | { readonly none: true };

/** The fetch structure flattened to leaves, and how to rebuild results in the same shape. */
export interface FlatFetches {
  readonly leaves: FetchLeaf[];
  rebuild(values: readonly unknown[]): unknown;
}

function resolveName(graph: Graph, name: string): FetchLeaf {
  if (/:\d+$/.test(name)) return { tensor: graph.getTensorByName(name) };
  return { op: graph.getOperationByName(name) };
}

function leafOf(graph: Graph, f: Fetch): FetchLeaf | null {
  if (f === null) return { none: true };
  if (f instanceof Tensor) return { tensor: f };
  if (f instanceof Operation) return { op: f };
  if (typeof f === 'string') return resolveName(graph, f);
  // A Variable fetches its value through its ref (TF's `Variable._as_graph_element`).
  if (typeof f === 'object' && 'ref' in f && (f as { ref: unknown }).ref instanceof Tensor) return { tensor: (f as { ref: Tensor }).ref };
  if (typeof f === 'object' && typeof (f as { toTensor?: unknown }).toTensor === 'function') return { tensor: (f as { toTensor(): Tensor }).toTensor() };
  return null;
}

export function flattenFetches(graph: Graph, fetches: Fetch): FlatFetches {
  const leaves: FetchLeaf[] = [];
  const walk = (f: Fetch): (values: readonly unknown[]) => unknown => {
    const leaf = leafOf(graph, f);
    if (leaf !== null) {
      const i = leaves.push(leaf) - 1;
      return (values) => values[i];
    }
    if (Array.isArray(f)) {
      const parts = f.map(walk);
      return (values) => parts.map((p) => p(values));
    }
    if (typeof f === 'object' && f !== null) {
      const entries = Object.entries(f as Record<string, Fetch>).map(([k, v]) => [k, walk(v)] as const);
      return (values) => Object.fromEntries(entries.map(([k, p]) => [k, p(values)]));
    }
    throw new ValueError(`Fetch argument ${String(f)} has invalid type ${typeof f}, must be a string, Tensor, Operation or Variable.`);
  };
  const rebuild = walk(fetches);
  return { leaves, rebuild };
}
