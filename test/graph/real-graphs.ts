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
