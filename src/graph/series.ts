/**
 * TensorBoard's series detection (tf_graph_common/hierarchy.ts, `detectSeries` with numeric
 * suffixes, the default): among the op children of one scope, ops of one type whose last
 * name segment is `<prefix>_<number>` (the prefix without digits) or just `<prefix>` (number
 * 0) and whose numbers run consecutively form a series `<prefix>[<first>-<last>]`. TF 1.x
 * names repeated ops `add`, `add_1`, `add_2`…, so `add` … `add_9` become `add[0-9]`.
 * Metanodes are never series members (TensorBoard clusters only op nodes).
 *
 *     detectSeries('layer1', [{ leaf: 'add', op: 'Add' }, { leaf: 'add_1', op: 'Add' }])
 *     // [{ name: 'layer1/add[0-1]', prefix: 'add', first: 0, last: 1, members: [0, 1], … }]
 */

/** One op child of a scope, as series detection reads it. */
export interface SeriesCandidate {
  /** The last segment of its display path (`add_3`). */
  readonly leaf: string;
  readonly op: string;
}

export interface DetectedSeries {
  /** TensorBoard's series node name: `<parent>/<prefix>[<first>-<last>]<suffix>`. */
  readonly name: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly op: string;
  readonly first: number;
  readonly last: number;
  /** Indices into the candidate list, in number order. */
  readonly members: readonly number[];
}

/** TensorBoard's minimum size for a series to be grouped by default (`seriesNodeMinSize`). */
export const SERIES_MIN_SIZE = 5;

/** TensorBoard's `getSeriesNodeName`. */
export function seriesName(parent: string, prefix: string, suffix: string, first: number, last: number): string {
  return `${parent === '' ? '' : `${parent}/`}${prefix}[${first}-${last}]${suffix}`;
}

const NUMBERED = /^(\D*)_(\d+)$/;

/** Every run of two or more consecutive numbers among same-type, same-prefix candidates of one scope. */
export function detectSeries(parent: string, candidates: readonly SeriesCandidate[]): DetectedSeries[] {
  // op type → prefix → [number, candidate index][]
  const clusters = new Map<string, Map<string, [number, number][]>>();
  candidates.forEach((c, index) => {
    if (c.op === '') return;
    const m = NUMBERED.exec(c.leaf);
    const prefix = m === null ? c.leaf : m[1]!;
    const id = m === null ? 0 : Number(m[2]);
    let byPrefix = clusters.get(c.op);
    if (byPrefix === undefined) clusters.set(c.op, (byPrefix = new Map()));
    let list = byPrefix.get(prefix);
    if (list === undefined) byPrefix.set(prefix, (list = []));
    list.push([id, index]);
  });
  const out: DetectedSeries[] = [];
  for (const [op, byPrefix] of clusters) {
    for (const [prefix, list] of byPrefix) {
      if (list.length < 2) continue;
      list.sort((a, b) => a[0] - b[0]); // stable: equal numbers keep the GraphDef order, as in TensorBoard
      let start = 0;
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && list[i]![0] === list[i - 1]![0] + 1) continue;
        if (i - start > 1) {
          const first = list[start]![0];
          const last = list[i - 1]![0];
          const members = list.slice(start, i).map((x) => x[1]);
          out.push({ name: seriesName(parent, prefix, '', first, last), prefix, suffix: '', op, first, last, members });
        }
        start = i;
      }
    }
  }
  return out;
}
