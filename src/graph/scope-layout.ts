/**
 * Layout of the drawn graph, one scope at a time, as TensorBoard does it: each expanded
 * scope lays out its own children (collapsed children are boxes of a fixed size, expanded
 * ones the size of their own layout), bottom-up; the results are then placed top-down.
 * A scope's layout depends only on its children's sizes, so it is cached, and expanding a
 * scope lays out that scope and re-places its ancestors, never the whole graph.
 *
 * The layouter itself (ELK in a worker, in the app) is passed in, so this stays pure.
 */
import { ScopeTree } from './scope-tree.ts';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

export interface LayoutJob {
  readonly scope: number;
  readonly nodes: readonly { readonly id: number; readonly width: number; readonly height: number }[];
  /** Edges between the scope's children (TensorBoard's metaedges). */
  readonly edges: readonly { readonly source: number; readonly target: number; readonly control: boolean; readonly count: number }[];
}

/** Top-left corners of the job's nodes, in any frame (they are normalised here). */
export interface LayoutResult {
  readonly positions: readonly { readonly id: number; readonly x: number; readonly y: number }[];
}

/**
 * Lays out one scope's children. `key`, when given, names what else the layout of a scope
 * depends on (the user's auxiliary-node choices there, renderer/graph/aux-layouter.ts); it
 * becomes part of the scope's cache key, so a change invalidates only the scopes it names.
 */
export type Layouter = ((job: LayoutJob) => Promise<LayoutResult>) & { readonly key?: (scope: number) => string };

export interface LayoutStyle {
  /** The size of a drawn node that is not expanded (an op, or a collapsed scope). */
  leafSize(id: number): BoxSize;
  /** Space between an expanded scope's border and its children. */
  readonly padding: number;
  /** Room above an expanded scope's box for its label. */
  readonly labelHeight: number;
}

/** A drawn node's box: centre and size. For an expanded scope, the box around its children (its label sits above). */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface ScopeFrame {
  /** Children's top-left corners relative to the content's top-left. */
  readonly offsets: Map<number, { x: number; y: number }>;
  readonly width: number;
  readonly height: number;
}

/** Per-graph cache of scope layouts, keyed by scope, the layouter's key for it and the sizes of its expanded children. */
export class ScopeLayoutCache {
  private readonly frames = new Map<string, Promise<ScopeFrame>>();
  get size(): number {
    return this.frames.size;
  }
  get(key: string): Promise<ScopeFrame> | undefined {
    return this.frames.get(key);
  }
  set(key: string, frame: Promise<ScopeFrame>): void {
    this.frames.set(key, frame);
    frame.catch(() => this.frames.delete(key)); // a failed layout is retried next time
  }
}

function normalise(job: LayoutJob, result: LayoutResult): ScopeFrame {
  const sizes = new Map(job.nodes.map((n) => [n.id, n]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of result.positions) {
    const s = sizes.get(p.id);
    if (s === undefined) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  const offsets = new Map<number, { x: number; y: number }>();
  for (const p of result.positions) if (sizes.has(p.id)) offsets.set(p.id, { x: p.x - minX, y: p.y - minY });
  for (const n of job.nodes) if (!offsets.has(n.id)) throw new Error(`layout gave no position for node ${n.id}`);
  return { offsets, width: maxX - minX, height: maxY - minY };
}

/**
 * Boxes for every drawn node (see visible-graph.ts) given the expanded scopes. The root's
 * children start at (0, 0).
 */
export async function layoutVisible(
  tree: ScopeTree, expanded: ReadonlySet<number>, style: LayoutStyle, layouter: Layouter, cache: ScopeLayoutCache,
): Promise<Map<number, Placed>> {
  const frames = new Map<number, ScopeFrame>();
  const outer = (id: number): BoxSize => {
    const f = frames.get(id);
    if (f === undefined) return style.leafSize(id);
    return { width: f.width + 2 * style.padding, height: f.height + 2 * style.padding + style.labelHeight };
  };

  const layOut = async (scope: number): Promise<void> => {
    const open = tree.children(scope).filter((c) => expanded.has(c));
    await Promise.all(open.map(layOut));
    const nodes = tree.children(scope).map((id) => ({ id, ...outer(id) }));
    const key = `${scope}|${layouter.key?.(scope) ?? ''}|${open.map((c) => `${c}:${outer(c).width}x${outer(c).height}`).join(',')}`;
    let frame = cache.get(key);
    if (frame === undefined) {
      const job: LayoutJob = { scope, nodes, edges: tree.metaEdges(scope) };
      frame = layouter(job).then((r) => normalise(job, r));
      cache.set(key, frame);
    }
    frames.set(scope, await frame);
  };
  await layOut(ScopeTree.ROOT);

  const placed = new Map<number, Placed>();
  const place = (scope: number, left: number, top: number): void => {
    const frame = frames.get(scope)!;
    for (const child of tree.children(scope)) {
      const o = frame.offsets.get(child)!;
      const size = outer(child);
      const x = left + o.x;
      const y = top + o.y;
      if (frames.has(child)) {
        // The label takes the top strip; the drawn box is the rest.
        const boxTop = y + style.labelHeight;
        const boxHeight = size.height - style.labelHeight;
        placed.set(child, { x: x + size.width / 2, y: boxTop + boxHeight / 2, width: size.width, height: boxHeight });
        place(child, x + style.padding, boxTop + style.padding);
      } else {
        placed.set(child, { x: x + size.width / 2, y: y + size.height / 2, width: size.width, height: size.height });
      }
    }
  };
  place(ScopeTree.ROOT, 0, 0);
  return placed;
}
