/**
 * What the info panel offers for series (TensorBoard's "Ungroup"/"Group" buttons): for a
 * grouped series entry, or an op inside one, ungrouping it; for an op of a series left
 * ungrouped (too small, or ungrouped by the user), grouping it. The choice is recorded per
 * series name and the tree rebuilt with it (`ScopeTreeOptions.seriesGrouping`).
 *
 *     const offer = seriesOffer(tree, tree.byPath('save/Assign[0-9]')!);
 *     offer   // { series: 'save/Assign[0-9]', action: 'ungroup', size: 10, op: 'Assign' }
 *     const next = withSeriesChoice({}, offer!);   // { 'save/Assign[0-9]': 'ungroup' }
 */
import type { SeriesRecord } from './scope-tree-data.ts';
import type { ScopeTree } from './scope-tree.ts';

export interface SeriesOffer {
  /** The series name, the key of `seriesGrouping`. */
  readonly series: string;
  readonly action: 'group' | 'ungroup';
  /** Its members. */
  readonly size: number;
  /** The members' op type ('' for a series of scopes). */
  readonly op: string;
  /** The series entry when grouped, else -1. */
  readonly entry: number;
  readonly members: readonly number[];
}

const offers = new WeakMap<ScopeTree, Map<number, SeriesRecord>>();

/** Each member entry → its series (grouped or not), built once per tree. */
function memberIndex(tree: ScopeTree): Map<number, SeriesRecord> {
  let m = offers.get(tree);
  if (m === undefined) {
    m = new Map();
    for (const s of tree.allSeries()) for (const id of s.members) m.set(id, s);
    offers.set(tree, m);
  }
  return m;
}

/** The series action for an entry, or null when it neither is nor belongs to a series. */
export function seriesOffer(tree: ScopeTree, id: number): SeriesOffer | null {
  const s = tree.seriesAt(id) ?? memberIndex(tree).get(id);
  if (s === undefined) return null;
  return { series: s.name, action: s.entry >= 0 ? 'ungroup' : 'group', size: s.members.length, op: s.op, entry: s.entry, members: s.members };
}

/** The grouping choices with this offer taken (a choice that restores TensorBoard's default is still kept: it is what the user asked). */
export function withSeriesChoice(
  grouping: { readonly [name: string]: 'group' | 'ungroup' }, offer: SeriesOffer,
): { [name: string]: 'group' | 'ungroup' } {
  return { ...grouping, [offer.series]: offer.action };
}
