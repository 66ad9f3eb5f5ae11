/**
 * The search box (`graph-search`): text or `/regex/`, results ranked by src/graph/search.ts
 * in a list under it (`graph-search-results`). Typing searches after a short pause and
 * shows the best result in the graph; Enter does it at once; a result clicked is shown.
 */
import type { ScopeTree, SearchResult } from '../../src/graph/index.ts';
import { clear, h } from '../app/dom.ts';
import { graphText, type GraphLanguage } from './graph-text.ts';

const TYPING_PAUSE_MS = 250;

export interface SearchHandlers {
  search(query: string): SearchResult;
  /** Show an entry found by search (reveal, select, centre). */
  pick(id: number): void;
}

export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastQuery = '';

  constructor(private lang: GraphLanguage, private readonly tree: () => ScopeTree | null, private readonly handlers: SearchHandlers) {
    this.input = h('input', { type: 'search', class: 'graph-search', 'data-testid': 'graph-search', spellcheck: 'false', autocomplete: 'off' });
    this.status = h('div', { class: 'search-status muted', 'data-testid': 'graph-search-status' });
    this.list = h('ul', { class: 'search-results', 'data-testid': 'graph-search-results', role: 'listbox' });
    this.el = h('div', { class: 'search' }, this.input, h('div', { class: 'search-popup' }, this.status, this.list));
    this.setLanguage(lang);
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.run(true);
      } else if (e.key === 'Escape') {
        this.el.classList.remove('open');
      }
    });
    this.input.addEventListener('focus', () => this.list.childElementCount > 0 && this.el.classList.add('open'));
    // Leave time for a click on a result before the list closes.
    this.input.addEventListener('blur', () => setTimeout(() => this.el.classList.remove('open'), 200));
  }

  setLanguage(lang: GraphLanguage): void {
    this.lang = lang;
    this.input.placeholder = graphText(lang, 'search');
    this.input.setAttribute('aria-label', graphText(lang, 'search'));
  }

  reset(): void {
    this.input.value = '';
    this.lastQuery = '';
    clear(this.list);
    this.status.textContent = '';
    this.el.classList.remove('open');
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(false), TYPING_PAUSE_MS);
  }

  /** Search now; `force` shows the best result again even when the query did not change. */
  run(force: boolean): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const tree = this.tree();
    const query = this.input.value;
    if (tree === null || (!force && query === this.lastQuery)) return;
    this.lastQuery = query;
    const r = this.handlers.search(query);
    this.input.classList.toggle('invalid', r.error !== null);
    clear(this.list);
    this.status.textContent = r.error ?? (query.trim() === '' ? '' : r.total === 0
      ? graphText(this.lang, 'searchNone') : graphText(this.lang, 'searchCount', { shown: r.hits.length, total: r.total }));
    for (const id of r.hits) {
      const li = h('li', { role: 'option', 'data-node': tree.path(id), title: tree.path(id) },
        h('span', { class: 'path' }, tree.name(id)), h('span', { class: 'muted' }, tree.isScope(id) ? graphText(this.lang, 'scope') : tree.op(id)));
      li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus: the list stays until the click lands
      li.addEventListener('click', () => {
        this.handlers.pick(id);
        this.el.classList.remove('open');
      });
      this.list.append(li);
    }
    this.el.classList.toggle('open', query.trim() !== '');
    if (r.hits.length > 0) this.handlers.pick(r.hits[0]!);
  }
}
