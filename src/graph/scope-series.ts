/**
 * Series of scopes: sibling scopes numbered like ops in a series (`layer_1` … `layer_8`,
 * `block`, `block_1`, …) whose inner structure matches (one structure template,
 * templates.ts) group under one series entry `layer[1-8]`, as ops do. TensorBoard's
 * hierarchy only groups ops (its `clusterNodes` skips metanodes), so this is an extra,
 * off unless `ScopeTree.fromNodes(nodes, { scopeSeries: true })` asks for it; it follows
 * the op rules: consecutive numbers, `seriesMinSize` (5) members, `seriesGrouping` by name.
 *
 *     ScopeTree.fromNodes(nodes, { series: true, scopeSeries: true }).byPath('layer[1-8]')
 */
import type { ScopeTree } from './scope-tree.ts';
import { detectSeries, SERIES_MIN_SIZE } from './series.ts';
import type { ScopeTreeOptions } from './scope-tree-data.ts';
import type { StructureTemplates } from './templates.ts';

/** A run of matching sibling scopes, found on a tree built without scope series. */
export interface PlannedScopeSeries {
  readonly name: string;
  /** The path of the scope holding them. */
  readonly parent: string;
  readonly first: number;
  readonly last: number;
  /** Member scope paths, in number order. */
  readonly members: readonly string[];
  readonly grouped: boolean;
}

export function planScopeSeries(tree: ScopeTree, templates: StructureTemplates, options: ScopeTreeOptions): PlannedScopeSeries[] {
  const minSize = options.seriesMinSize ?? SERIES_MIN_SIZE;
  const grouping = options.seriesGrouping ?? {};
  const out: PlannedScopeSeries[] = [];
  for (let id = 0; id < tree.size; id++) {
    if (!tree.isScope(id) || tree.isSeries(id)) continue;
    const scopes = tree.children(id).filter((c) => tree.isScope(c) && !tree.isSeries(c) && templates.templateOf[c]! >= 0);
    if (scopes.length < 2) continue;
    // The template stands in for the op type: only scopes of one structure share a series.
    const candidates = scopes.map((c) => ({ leaf: tree.leaf(c), op: `template ${templates.templateOf[c]}` }));
    for (const s of detectSeries(tree.path(id), candidates)) {
      const choice = grouping[s.name];
      const grouped = choice === 'group' || (choice !== 'ungroup' && s.members.length >= minSize);
      out.push({ name: s.name, parent: tree.path(id), first: s.first, last: s.last, members: s.members.map((k) => tree.path(scopes[k]!)), grouped });
    }
  }
  return out;
}
