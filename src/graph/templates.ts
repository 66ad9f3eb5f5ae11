/**
 * Colour by structure: TensorBoard's template detection (tf_graph_common/template.ts).
 * Scopes with the same signature — height, number of children, number of bundled child
 * pairs, ops below by type — are candidates; among them, those whose child graphs match
 * when walked from the sources in a canonical order (same op types, same templates for
 * child scopes, same series sizes, same relative names) share a template. Children are
 * matched before parents, so `layer_1` and `layer_2` match when their sub-scopes do.
 *
 *     const t = detectTemplates(tree);
 *     t.templateOf[tree.byPath('layer_1')!] === t.templateOf[tree.byPath('layer_2')!]  // true
 *     templateHue(t.templateOf[id]!)   // TensorBoard's hue for that template
 *
 * Differences, on purpose: the op histogram is sorted by type, so the same ops created in
 * another order still match (TensorBoard keys it in creation order), and templates are
 * ordered by level, then first member (TensorBoard's sort there is not a comparator).
 */
import type { ScopeTree } from './scope-tree.ts';

export interface StructureTemplate {
  /** TensorBoard's template id: `depth=2 |V|=3 |E|=2 [ops] Add=1,MatMul=1[0]`. */
  readonly id: string;
  /** The shallowest level (path segments − 1) any member sits at. */
  readonly level: number;
  readonly members: readonly number[];
}

export interface StructureTemplates {
  /** Per entry: its index in `templates`, or -1 (ops, series, and scopes like no other). */
  readonly templateOf: Int32Array;
  readonly templates: readonly StructureTemplate[];
}

/** TensorBoard's `mapIndexToHue`: hues far apart for consecutive template indices (0 is kept for grey). */
export function templateHue(index: number): number {
  const GOLDEN_RATIO = 1.61803398875;
  return 1 + ((358 * GOLDEN_RATIO * index) % 358);
}

interface ChildGraph {
  readonly kids: readonly number[];
  readonly preds: Map<number, number[]>;
  readonly succs: Map<number, number[]>;
}

export function detectTemplates(tree: ScopeTree, verify = true): StructureTemplates {
  const n = tree.size;
  const height = new Int32Array(n);
  for (let id = n - 1; id > 0; id--) {
    const p = tree.parent(id);
    // TensorBoard's metanode depth: 1 above its deepest op; series members count as the scope's own ops.
    if (tree.isScope(p) && !tree.isSeries(p)) height[p] = Math.max(height[p]!, tree.isSeries(id) ? 1 : height[id]! + 1);
  }
  const graphs = new Map<number, ChildGraph>();
  const graphOf = (id: number): ChildGraph => {
    let g = graphs.get(id);
    if (g !== undefined) return g;
    const preds = new Map<number, number[]>();
    const succs = new Map<number, number[]>();
    const seen = new Set<number>();
    for (const m of tree.metaEdges(id)) {
      const key = m.source * n + m.target;
      if (seen.has(key)) continue;
      seen.add(key);
      (succs.get(m.source) ?? succs.set(m.source, []).get(m.source)!).push(m.target);
      (preds.get(m.target) ?? preds.set(m.target, []).get(m.target)!).push(m.source);
    }
    graphs.set(id, (g = { kids: tree.children(id), preds, succs }));
    return g;
  };

  const bySignature = new Map<string, number[]>();
  for (let id = 1; id < n; id++) {
    if (!tree.isScope(id) || tree.isSeries(id)) continue;
    const g = graphOf(id);
    let pairs = 0;
    for (const s of g.succs.values()) pairs += s.length;
    const ops = tree.opHistogram(id).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([op, c]) => `${op}=${c}`).join(',');
    const signature = `depth=${height[id]} |V|=${g.kids.length} |E|=${pairs} [ops] ${ops}`;
    (bySignature.get(signature) ?? bySignature.set(signature, []).get(signature)!).push(id);
  }

  const templateId = new Map<number, string>();
  const found: StructureTemplate[] = [];
  const groups = [...bySignature].filter(([, ids]) => ids.length > 1).sort((a, b) => height[a[1][0]!]! - height[b[1][0]!]!);
  for (const [signature, ids] of groups) {
    const clusters: { head: number; members: number[] }[] = [];
    for (const id of ids) {
      const c = clusters.find((k) => !verify || similarGraphs(tree, templateId, graphOf(k.head), graphOf(id), k.head, id));
      if (c !== undefined) {
        c.members.push(id);
        templateId.set(id, templateId.get(c.head)!);
      } else {
        templateId.set(id, `${signature}[${clusters.length}]`);
        clusters.push({ head: id, members: [id] });
      }
    }
    for (const c of clusters) {
      found.push({ id: templateId.get(c.head)!, level: Math.min(...c.members.map((m) => tree.depth(m) - 1)), members: c.members });
    }
  }
  found.sort((a, b) => a.level - b.level || a.members[0]! - b.members[0]!);
  const templateOf = new Int32Array(n).fill(-1);
  found.forEach((t, i) => { for (const m of t.members) templateOf[m] = i; });
  return { templateOf, templates: found };
}

/** TensorBoard's `isSimilarSubgraph`: degree sequences, then a paired walk from the sources. */
function similarGraphs(tree: ScopeTree, templateId: ReadonlyMap<number, string>, g1: ChildGraph, g2: ChildGraph, s1: number, s2: number): boolean {
  const degrees = (g: ChildGraph): number[] =>
    g.kids.map((k) => new Set([...(g.preds.get(k) ?? []), ...(g.succs.get(k) ?? [])]).size).sort((a, b) => a - b);
  const d1 = degrees(g1);
  const d2 = degrees(g2);
  if (d1.some((d, i) => d !== d2[i])) return false;
  const rel1 = (x: number): string => tree.path(x).slice(tree.path(s1).length);
  const rel2 = (x: number): string => tree.path(x).slice(tree.path(s2).length);
  const order = (g: ChildGraph, rel: (x: number) => string, xs: readonly number[]): number[] => {
    const key = (x: number): (string | number)[] => [
      tree.op(x), templateId.get(x) ?? '', new Set([...(g.preds.get(x) ?? []), ...(g.succs.get(x) ?? [])]).size,
      (g.preds.get(x) ?? []).length, (g.succs.get(x) ?? []).length, rel(x)];
    return [...xs].sort((a, b) => compareKeys(key(a), key(b)));
  };
  const visited1 = new Set<string>();
  const visited2 = new Set<string>();
  const stack: [number, number][] = [];
  const pushPair = (a: number, b: number): boolean => {
    const v1 = visited1.has(rel1(a));
    if (v1 !== visited2.has(rel2(b))) return false;
    if (!v1) {
      visited1.add(rel1(a));
      visited2.add(rel2(b));
      stack.push([a, b]);
    }
    return true;
  };
  const src1 = order(g1, rel1, g1.kids.filter((k) => !g1.preds.has(k)));
  const src2 = order(g2, rel2, g2.kids.filter((k) => !g2.preds.has(k)));
  if (src1.length !== src2.length) return false;
  for (let i = 0; i < src1.length; i++) if (!pushPair(src1[i]!, src2[i]!)) return false;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (!similarNodes(tree, templateId, a, b)) return false;
    const n1 = order(g1, rel1, g1.succs.get(a) ?? []);
    const n2 = order(g2, rel2, g2.succs.get(b) ?? []);
    if (n1.length !== n2.length) return false;
    for (let i = 0; i < n1.length; i++) if (!pushPair(n1[i]!, n2[i]!)) return false;
  }
  return true;
}

function similarNodes(tree: ScopeTree, templateId: ReadonlyMap<number, string>, a: number, b: number): boolean {
  if (tree.isSeries(a) || tree.isSeries(b)) {
    const sa = tree.seriesAt(a);
    const sb = tree.seriesAt(b);
    return sa !== undefined && sb !== undefined && sa.members.length === sb.members.length && sa.op === sb.op;
  }
  if (tree.isScope(a) || tree.isScope(b)) {
    const ta = templateId.get(a);
    return tree.isScope(a) && tree.isScope(b) && ta !== undefined && ta === templateId.get(b);
  }
  return tree.op(a) === tree.op(b);
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
