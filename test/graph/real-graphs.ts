/**
 * Real GraphDefs from ../shared/data/real-events, read through our event reader, and an
 * independent reference of TensorBoard's hierarchy rules written with plain strings
 * (sorting and prefixes, no ids), for the tests to compare the builder against.
 */
import { graphDefOf, readRun } from '../../src/events/index.ts';
import type { GraphDef } from '../../src/format/protos.ts';
import { readRealEvent } from '../support/real-events.ts';

export const REAL_GRAPHS = {
  morvan: 'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan',
  mobilenet: 'tf1-slim-mobilenet-2018/events.out.tfevents.1539434587.deep2',
  yolov5: 'pytorch-yolov5-chess-2022/events.out.tfevents.1661402037.localhost.localdomain.447836.0',
  lstm: 'tf1-morvan-lstm-2016/events.out.tfevents.1474269773.Morvan',
} as const;

const cache = new Map<string, GraphDef>();

/** The file's `Event.graph_def`. */
export function realGraph(path: string): GraphDef {
  const known = cache.get(path);
  if (known !== undefined) return known;
  const run = readRun('.', [[path, readRealEvent(path)]]);
  const source = run.graphs.find((g) => g.source === 'graph_def');
  if (source === undefined) throw new Error(`${path} has no graph_def`);
  const g = graphDefOf(source)!;
  cache.set(path, g);
  return g;
}

/** TensorBoard's display path of every node: `A` becomes `A/(A)` when another name starts with `A/`. */
export function referencePaths(names: readonly string[]): string[] {
  const sorted = [...names].sort();
  const isNamespace = (n: string): boolean => {
    const key = `${n}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(key);
  };
  return names.map((n) => (isNamespace(n) ? `${n}/(${n.split('/').pop()})` : n));
}

/** Every scope path (each proper prefix of a display path), with the number of ops under it. */
export function referenceScopes(paths: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let k = 1; k < parts.length; k++) {
      const scope = parts.slice(0, k).join('/');
      out.set(scope, (out.get(scope) ?? 0) + 1);
    }
  }
  return out;
}

/** A small deterministic PRNG for picking expanded scopes. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * TensorBoard's build with embeddings and series, by strings only: which nodes are embedded
 * (op matches `Const` or `^[a-zA-Z]+Summary$`), the display names of the others, and for
 * each grouped series its name and member names (numbers parsed per leaf, runs found by
 * sorting unique numbers), for the tests to compare the builder against.
 */
export function referenceTbHierarchy(nodes: readonly { name: string; op: string }[], minSize = 5): {
  display: Map<string, string>; series: Map<string, string[]>;
} {
  const seen = new Set<string>();
  const kept = nodes.filter((n) => {
    if (seen.has(n.name)) return false;
    seen.add(n.name);
    return !/Const/.test(n.op) && !/^[a-zA-Z]+Summary$/.test(n.op);
  });
  const paths = referencePaths(kept.map((n) => n.name));
  const display = new Map(kept.map((n, i) => [n.name, paths[i]!]));
  const groups = new Map<string, { id: number; path: string }[]>();
  kept.forEach((n, i) => {
    const path = paths[i]!;
    const parts = path.split('/');
    const leaf = parts.pop()!;
    const m = leaf.match(/^(\D*)_(\d+)$/);
    const key = JSON.stringify([parts.join('/'), n.op, m ? m[1] : leaf]);
    groups.set(key, [...(groups.get(key) ?? []), { id: m ? parseInt(m[2]!, 10) : 0, path }]);
  });
  const series = new Map<string, string[]>();
  for (const [key, members] of groups) {
    const [parent, , prefix] = JSON.parse(key) as [string, string, string];
    const ids = [...new Set(members.map((m) => m.id))].sort((a, b) => a - b);
    let start = 0;
    for (let k = 1; k <= ids.length; k++) {
      if (k < ids.length && ids[k] === ids[k - 1]! + 1) continue;
      const run = members.filter((m) => m.id >= ids[start]! && m.id <= ids[k - 1]!);
      if (run.length >= minSize) {
        series.set(`${parent ? `${parent}/` : ''}${prefix}[${ids[start]}-${ids[k - 1]}]`, run.map((m) => m.path).sort());
      }
      start = k;
    }
  }
  return { display, series };
}

/** Further real graphs for the TensorBoard-rule tests (the ones above also feed the view's tests). */
export const MORE_REAL_GRAPHS = {
  contribLearn: 'tf1-contrib-learn-2016-multirun/events.out.tfevents.1476472047.localhost',
  pytorchStudy: 'pytorch-study-tensorboard/graph_experiment/events.out.tfevents.1771596179.zyzkings.9384.0',
  tensorboardX: 'odd-tensorboardx-2020/events.out.tfevents.1600131926.yca-2662-2',
  kerasFashion: 'keras-tf22-fashion-2020/train/events.out.tfevents.1594056835.DESKTOP-IJHBKKC.41884.53553.v2',
  kerasImdb: 'keras-tf2-imdb-2023/train/events.out.tfevents.1690485354.e-bnbobg-5l77j-0.80091.0.v2',
  kerasProfile: 'keras-tf22-profile-graph-2020/train/events.out.tfevents.1589604633.LEMON.12688.127.v2',
} as const;

/** Every GraphDef source of a real file (graph_def, meta_graph_def, run-metadata graphs), decoded. */
export function realGraphSources(path: string): { source: string; part: string | null; def: GraphDef }[] {
  const run = readRun('.', [[path, readRealEvent(path)]]);
  return run.graphs.filter((g) => g.keras === null).map((g) => ({ source: g.source, part: g.part, def: graphDefOf(g)! }));
}
