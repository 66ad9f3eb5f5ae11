/**
 * A scope's layout with TensorBoard's auxiliary nodes: the main graph laid out by the
 * inner layouter (part-layouter.ts) on the edges still drawn in it, the children moved
 * out (src/graph/auxiliary-view.ts) stacked in columns on its left (inputs side: sources,
 * high in-degree) and on its right (outputs side: `init`, `save/restore_all`, hubs). A
 * column taller than the main graph wraps into a further column, away from the main graph.
 *
 * One layouter serves one inclusion map: its `key` names the user's choices about each
 * scope's children (so ScopeLayoutCache re-lays out only the scopes a choice touches), and
 * `split` gives the split it laid out with, for the view's side columns and stubs.
 *
 *     const layouter = createAuxLayouter(tree, inclusion, createPartLayouter(layOutLayered));
 *     await layoutVisible(tree, expanded, look, layouter, cache);
 *     layouter.split(ScopeTree.ROOT).outExtract   // [id of init]
 */
import type { InclusionMap, LayoutJob, Layouter, ScopeSplit, ScopeTree } from '../../src/graph/index.ts';
import { scopeChoices, viewSplit } from '../../src/graph/auxiliary-view.ts';

/** Room between the main graph and a side column, where the stubs of the edges cut between them meet (aux-scene.ts). */
const COLUMN_GAP = 72;
const ROW_GAP = 16;
/** A side column wraps when taller than the main graph, but never below this height. */
const MIN_COLUMN_HEIGHT = 240;

export type AuxLayouter = Layouter & {
  readonly key: (scope: number) => string;
  /** The scope's split (memoised: the layout and the view ask for the same one). */
  readonly split: (scope: number) => ScopeSplit;
};

type Node = LayoutJob['nodes'][number];
type Position = { id: number; x: number; y: number };

const edgeKey = (e: { source: number; target: number; control: boolean }): string => `${e.source}>${e.target}${e.control ? 'c' : ''}`;

export function createAuxLayouter(tree: ScopeTree, inclusion: InclusionMap, inner: Layouter): AuxLayouter {
  const splits = new Map<number, ScopeSplit>();
  const split = (scope: number): ScopeSplit => {
    let s = splits.get(scope);
    if (s === undefined) splits.set(scope, (s = viewSplit(tree, scope, inclusion)));
    return s;
  };
  const layOut = async (job: LayoutJob): Promise<{ positions: readonly Position[] }> => {
    const s = split(job.scope);
    if (s.stubs.length === 0) return inner(job); // nothing moved out, no edge cut
    const inMain = new Set(s.main);
    const drawn = new Set(s.edges.map(edgeKey));
    const mainNodes = job.nodes.filter((n) => inMain.has(n.id));
    const edges = job.edges.filter((e) => inMain.has(e.source) && inMain.has(e.target) && drawn.has(edgeKey(e)));
    const main = mainNodes.length === 0 ? { positions: [] } : await inner({ scope: job.scope, nodes: mainNodes, edges });
    const byId = new Map(job.nodes.map((n) => [n.id, n]));
    let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of main.positions) {
      const n = byId.get(p.id)!;
      [left, right, top, bottom] = [Math.min(left, p.x), Math.max(right, p.x + n.width), Math.min(top, p.y), Math.max(bottom, p.y + n.height)];
    }
    if (main.positions.length === 0) [left, right, top, bottom] = [0, 0, 0, 0];
    const maxHeight = Math.max(bottom - top, MIN_COLUMN_HEIGHT);
    const side = (ids: readonly number[]): Node[] => ids.map((id) => byId.get(id)).filter((n): n is Node => n !== undefined);
    return {
      positions: [
        ...main.positions,
        ...columns(side(s.inExtract), maxHeight, top, left - COLUMN_GAP, -1),
        ...columns(side(s.outExtract), maxHeight, top, right + COLUMN_GAP, 1),
      ],
    };
  };
  return Object.assign(layOut, { key: (scope: number) => scopeChoices(tree, scope, inclusion), split });
}

/**
 * Stacks nodes from `top` in columns of at most `maxHeight`, each centred on its own
 * axis; the first column's near edge at `edge`, further ones outwards (`dir` −1: to the
 * left of `edge`, 1: to the right).
 */
function columns(nodes: readonly Node[], maxHeight: number, top: number, edge: number, dir: -1 | 1): Position[] {
  const cols: Node[][] = [];
  let height = 0;
  for (const n of nodes) {
    if (cols.length === 0 || (height > 0 && height + n.height > maxHeight)) {
      cols.push([]);
      height = 0;
    }
    cols.at(-1)!.push(n);
    height += n.height + ROW_GAP;
  }
  const out: Position[] = [];
  let near = edge;
  for (const col of cols) {
    const width = Math.max(...col.map((n) => n.width));
    const centre = near + (dir * width) / 2;
    let y = top;
    for (const n of col) {
      out.push({ id: n.id, x: centre - n.width / 2, y });
      y += n.height + ROW_GAP;
    }
    near += dir * (width + COLUMN_GAP);
  }
  return out;
}
