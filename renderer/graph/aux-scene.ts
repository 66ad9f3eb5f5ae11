/**
 * TensorBoard's auxiliary nodes on screen (the worker's split, aux-layouter.ts): a faint
 * band behind each side column of an open scope, and every edge cut by the split drawn
 * as two stubs — a short edge leaving its source to the upper right, ending in a small
 * dot labelled with the other end, and one entering its target from the lower left (data
 * flows upward) — rather than a long edge across the scope. Both ends of a cut between
 * the main graph and a side column meet in the gap between them: the slant keeps their
 * labels apart. All of these are helper elements (`data(helper)`), not
 * graph entries; their ids follow the edge or scope they stand for, so cy-scene.ts keeps
 * them from draw to draw like the rest, and a stub's dot carries its
 * other end as `entry`, so a click on it selects that node, as TensorBoard's annotations do.
 *
 *     const helpers = auxElements(tree, placed, layout.aux, [{ data: edgeData, edge }]);
 *     cy.add(helpers);
 */
import type cytoscape from 'cytoscape';
import type { Placed, ScopeTree } from '../../src/graph/index.ts';
import type { AuxiliaryLayout } from './graph-protocol.ts';

/** The Cytoscape data of a drawn edge (cy-scene.ts), which its stubs copy. */
export interface DrawnEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly z: number;
  readonly [key: string]: unknown;
}

export interface StubbedEdge {
  readonly data: DrawnEdgeData;
  /** Entry ids of its two ends. */
  readonly from: number;
  readonly to: number;
}

const STUB_LENGTH = 22;
const DOT = 5;
const FAN_STEP = 10;
/** More stubs than this on one side of a node are drawn without labels (they would overlap). */
const MAX_LABELLED = 4;
const BAND_PADDING = 8;

const stubDotKey = (edgeId: string, end: 'out' | 'in'): string => `${edgeId}:${end}-dot`;
const bandKey = (scope: number, side: 'in' | 'out'): string => `band${scope}${side}`;

export function auxElements(
  tree: ScopeTree, placed: ReadonlyMap<number, Placed>, aux: AuxiliaryLayout | null, stubbed: readonly StubbedEdge[],
): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  if (aux === null) return out;
  out.push(...bands(tree, placed, aux.inExtract, 'in'), ...bands(tree, placed, aux.outExtract, 'out'));

  // Stubs hanging off each node, per side, so they fan out rather than overlap.
  const fans = new Map<string, StubbedEdge[]>();
  for (const s of stubbed) {
    for (const key of [`${s.from}:out`, `${s.to}:in`]) (fans.get(key) ?? fans.set(key, []).get(key)!).push(s);
  }
  for (const [key, list] of fans) {
    const [owner, end] = key.split(':') as [string, 'out' | 'in'];
    const id = Number(owner);
    const box = placed.get(id);
    if (box === undefined) continue;
    const dir = end === 'out' ? 1 : -1;
    const step = list.length <= 1 ? 0 : Math.min(FAN_STEP, Math.max(box.height, 24) / (list.length - 1));
    const slant = (-dir * box.height) / 4; // outputs above the middle, inputs below
    list.forEach((s, i) => {
      const other = end === 'out' ? s.to : s.from;
      const dot = stubDotKey(s.data.id, end);
      out.push({
        group: 'nodes', selectable: false,
        data: {
          id: dot, helper: true, kind: 'stub', stubEnd: end, entry: other, width: DOT, height: DOT,
          label: list.length > MAX_LABELLED ? '' : tree.leaf(other), z: s.data.z + 1, depth: tree.depth(id),
        },
        position: { x: box.x + dir * (box.width / 2 + STUB_LENGTH), y: box.y + slant + (i - (list.length - 1) / 2) * step },
      });
      const ends = end === 'out' ? { source: s.data.source, target: dot } : { source: dot, target: s.data.target };
      out.push({ group: 'edges', data: { ...s.data, ...ends, id: `${s.data.id}:${end}`, key: s.data.id, helper: true, stub: true, label: '' } });
    });
  }
  return out;
}

/** One band per open scope behind its side column's entries (`side`: the entries' side of their scope's main graph). */
function bands(tree: ScopeTree, placed: ReadonlyMap<number, Placed>, ids: readonly number[], side: 'in' | 'out'): cytoscape.ElementDefinition[] {
  const byScope = new Map<number, { x1: number; y1: number; x2: number; y2: number }>();
  for (const id of ids) {
    const p = placed.get(id);
    if (p === undefined) continue;
    const scope = tree.parent(id);
    const b = byScope.get(scope) ?? { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    byScope.set(scope, {
      x1: Math.min(b.x1, p.x - p.width / 2), y1: Math.min(b.y1, p.y - p.height / 2),
      x2: Math.max(b.x2, p.x + p.width / 2), y2: Math.max(b.y2, p.y + p.height / 2),
    });
  }
  return [...byScope].map(([scope, b]) => ({
    group: 'nodes', selectable: false,
    data: {
      id: bandKey(scope, side), helper: true, kind: 'band', label: '', depth: tree.depth(scope), z: 3 * tree.depth(scope) + 0.5,
      width: b.x2 - b.x1 + 2 * BAND_PADDING, height: b.y2 - b.y1 + 2 * BAND_PADDING,
    },
    position: { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 },
  }));
}
