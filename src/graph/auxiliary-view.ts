/**
 * The view's split of an open scope into its main graph and TensorBoard's auxiliary side
 * columns (auxiliary.ts `splitScope`), with one override: a child holding more than
 * `MAX_EXTRACTED_SHARE` of the scope's ops never leaves the main graph. TensorBoard's
 * degree rule pulls TF-Slim's `MobilenetV1` (nearly all of MobileNet) out of the root's
 * main graph because every `save`/`gradients` op reads it; a side column holding the
 * model itself hides what the graph is about. The user's own choice always wins.
 *
 *     const s = viewSplit(tree, ScopeTree.ROOT, {});
 *     s.outExtract.map((id) => tree.path(id))   // ['group_deps'] on MobileNet, not 'MobilenetV1'
 *     scopeChoices(tree, ScopeTree.ROOT, { init: 'include' })   // 'init=include'
 */
import { splitScope, type InclusionMap, type ScopeSplit } from './auxiliary.ts';
import type { ScopeTree } from './scope-tree.ts';

/** A child with more than this share of its scope's ops stays in the main graph unless the user moves it. */
export const MAX_EXTRACTED_SHARE = 0.25;

export function viewSplit(tree: ScopeTree, scope: number, inclusion: InclusionMap): ScopeSplit {
  const split = splitScope(tree, scope, inclusion);
  const total = tree.opCount(scope);
  const kept: Record<string, 'include'> = {};
  for (const id of [...split.inExtract, ...split.outExtract]) {
    const path = tree.path(id);
    if (inclusion[path] === undefined && tree.opCount(id) > MAX_EXTRACTED_SHARE * total) kept[path] = 'include';
  }
  return Object.keys(kept).length === 0 ? split : splitScope(tree, scope, { ...inclusion, ...kept });
}

/**
 * The user's choices that bear on one scope's split (those about its children), as a
 * stable string: a scope's cached layout stays valid while this does not change.
 */
export function scopeChoices(tree: ScopeTree, scope: number, inclusion: InclusionMap): string {
  const mine: string[] = [];
  for (const path of Object.keys(inclusion)) {
    const id = tree.byPath(path);
    if (id !== undefined && id !== scope && tree.parent(id) === scope) mine.push(`${path}=${inclusion[path]}`);
  }
  return mine.sort().join(',');
}
