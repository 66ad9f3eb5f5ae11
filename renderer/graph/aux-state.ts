/**
 * The graph view's side of TensorBoard's auxiliary nodes: the user's "Add to / Remove
 * from main graph" choices (an InclusionMap by path, sent with every layout request, kept
 * while the graph is open, through regrouping too), and the split the last layout came
 * back with (which entries sit in the side columns), for the info panel's button and the
 * canvas's `data-auxiliary`.
 *
 *     const aux = new AuxState();
 *     const reply = await backend.request({ type: 'layout', …, inclusion: aux.inclusion });
 *     aux.adopt(reply.aux);
 *     aux.offer(tree, id, drawn)        // { extracted: true } for init
 *     aux.choose(tree, id, true);       // next layout puts it back into the main graph
 */
import { ScopeTree, withInclusion, type InclusionMap } from '../../src/graph/index.ts';
import type { AuxiliaryLayout } from './graph-protocol.ts';

export class AuxState {
  private choices: InclusionMap = {};
  private extracted = new Set<number>();
  /** The last layout's side columns and stubs (null before the first). */
  private last: AuxiliaryLayout | null = null;

  get inclusion(): InclusionMap {
    return this.choices;
  }

  /** A new graph: no choices, nothing laid out. */
  reset(): void {
    this.choices = {};
    this.extracted = new Set();
    this.last = null;
  }

  adopt(layout: AuxiliaryLayout): void {
    this.last = layout;
    this.extracted = new Set([...layout.inExtract, ...layout.outExtract]);
  }

  /**
   * Whether a drawn entry is an auxiliary node now; null where there is nothing to choose:
   * the top level itself, an entry not drawn (its scope is closed), a series member (a
   * series is never split).
   */
  offer(tree: ScopeTree, id: number, drawn: boolean): { extracted: boolean } | null {
    if (id === ScopeTree.ROOT || !drawn || this.last === null || tree.isSeries(tree.parent(id))) return null;
    return { extracted: this.extracted.has(id) };
  }

  choose(tree: ScopeTree, id: number, inMain: boolean): void {
    this.choices = withInclusion(this.choices, tree.path(id), inMain);
  }

  /** `data-auxiliary`: the drawn auxiliary entries' paths, sorted, comma-separated. */
  attribute(tree: ScopeTree): string {
    return [...this.extracted].map((id) => tree.path(id)).sort().join(',');
  }
}
