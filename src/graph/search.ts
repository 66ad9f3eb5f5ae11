/**
 * Finding nodes by name: a substring (case-insensitive) or a `/regex/flags`.
 *
 * A node matches when the query matches its name in its last segment, so `formula`
 * finds the scope `simple_model/formula` and not every op inside it. Results rank:
 * 1. whole-segment matches (`formula` is a whole segment of `simple_model/formula`)
 *    before partial ones (`formula_1`, `my_formula`);
 * 2. shallower before deeper, so the model's `simple_model/formula` (depth 2) comes
 *    before `gradients/simple_model/formula` (depth 3), which TF builds for its gradient;
 * 3. scopes before ops, then the GraphDef's order.
 *
 *     searchTree(tree, 'formula').hits[0]   // the id of simple_model/formula
 *     searchTree(tree, '/^layer\\d+$/')     // regex over the full name
 */
import type { ScopeTree } from './scope-tree.ts';

export interface SearchResult {
  /** Matching entries, best first, at most `limit`. */
  readonly hits: readonly number[];
  /** How many entries match in all. */
  readonly total: number;
  /** Set when the query is a regex that does not compile. */
  readonly error: string | null;
}

type Matcher = (name: string) => IterableIterator<readonly [start: number, end: number]>;

const REGEX_QUERY = /^\/(.+)\/([a-z]*)$/;

function* textMatches(needle: string, name: string): IterableIterator<readonly [number, number]> {
  const hay = name.toLowerCase();
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) yield [i, i + needle.length];
}

function* regexMatches(re: RegExp, name: string): IterableIterator<readonly [number, number]> {
  for (const m of name.matchAll(re)) yield [m.index, m.index + m[0].length];
}

/** A matcher for a query, or an error message for a bad regex; null for an empty query. */
export function parseQuery(query: string): Matcher | string | null {
  const q = query.trim();
  const rx = REGEX_QUERY.exec(q);
  if (rx !== null) {
    try {
      const re = new RegExp(rx[1]!, `${rx[2]!.replace(/[gy]/g, '')}g`);
      return (name) => regexMatches(re, name);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
  // `formula/` and `/simple_model` mean the scope: slashes at the ends are not part of a name.
  const text = q.replace(/^\/+|\/+$/g, '').toLowerCase();
  if (text === '') return null;
  return (name) => textMatches(text, name);
}

/** 0 for a whole-segment match, 1 for a partial one, -1 for none (see the file comment). */
function tierOf(matches: IterableIterator<readonly [number, number]>, name: string): number {
  const lastSegment = name.lastIndexOf('/') + 1;
  let tier = -1;
  for (const [start, end] of matches) {
    const touchesLast = end > lastSegment || (start === end && start >= lastSegment);
    if (!touchesLast) continue;
    if ((start === 0 || name[start - 1] === '/') && end === name.length) return 0;
    tier = 1;
  }
  return tier;
}

export function searchTree(tree: ScopeTree, query: string, limit = 100): SearchResult {
  const matcher = parseQuery(query);
  if (matcher === null) return { hits: [], total: 0, error: null };
  if (typeof matcher === 'string') return { hits: [], total: 0, error: matcher };
  const found: { id: number; tier: number }[] = [];
  for (let id = 1; id < tree.size; id++) {
    const name = tree.name(id);
    const tier = tierOf(matcher(name), name);
    if (tier >= 0) found.push({ id, tier });
  }
  const scopeRank = (id: number): number => (tree.isScope(id) ? 0 : 1);
  found.sort((a, b) =>
    a.tier - b.tier || tree.depth(a.id) - tree.depth(b.id) || scopeRank(a.id) - scopeRank(b.id) || a.id - b.id);
  return { hits: found.slice(0, limit).map((f) => f.id), total: found.length, error: null };
}
