/** Breadcrumbs (`graph-breadcrumbs`): the graph, then each scope down to the selected node; each one selects that scope. */
import type { ScopeTree } from '../../src/graph/index.ts';
import { clear, h } from '../app/dom.ts';
import { graphText, type GraphLanguage } from './graph-text.ts';

export function renderCrumbs(el: HTMLElement, tree: ScopeTree | null, selected: number | null, lang: GraphLanguage, pick: (id: number | null) => void): void {
  clear(el);
  const crumb = (label: string, id: number | null, current: boolean): HTMLElement => {
    const b = h('button', { class: current ? 'crumb current' : 'crumb', 'data-node': id === null ? '' : tree!.path(id) }, label);
    b.addEventListener('click', () => pick(id));
    return b;
  };
  el.append(crumb(graphText(lang, 'root'), null, selected === null));
  if (tree === null || selected === null) return;
  for (const id of [...tree.ancestors(selected), selected]) {
    el.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '›'), crumb(tree.leaf(id), id, id === selected));
  }
}
