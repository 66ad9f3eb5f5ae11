/**
 * `npm run bench:graph-decode`: the graph worker's load in Node — GraphDef bytes
 * to the scope tree the first render draws — the way it is now (GraphService: the lazy
 * reader, src/format/graph-def-lazy.ts, and output shapes read from the bytes) against the
 * way it was (protobuf-es `fromBinary` of everything, the build reading `_output_shapes`
 * from decoded attrs). Prints one JSON object per graph and path:
 *
 *   decodeMs, buildMs  medians of `rounds` warm runs, the two paths alternating (A, B, A, B…)
 *                      so the machine's load falls on both alike; decode includes adding the
 *                      function library's nodes, build includes bundling every edge
 *   cpuMs              median process CPU time of decode + build (user + system, all threads:
 *                      it includes the GC's helper threads, so it can exceed the wall time)
 *   coldMs             median decode + build of a fresh process's first load (the worker
 *                      loads once, with nothing compiled yet), `coldRuns` processes per path,
 *                      alternating; coldDecodeMs and coldBuildMs its phases
 *
 * KEISAN_BENCH_GRAPHS=mobilenet,yolo,lstm,keras,synthetic picks graphs; KEISAN_BENCH_ROUNDS
 * (default 15) and KEISAN_BENCH_COLD_RUNS (default 10 for MobileNet, 0 for the others).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { graphDefOf, readRun } from '../src/events/index.ts';
import { GraphDefSchema, type NodeDef } from '../src/format/protos.ts';
import { graphNodesWithLibrary, ScopeTree, VIEW_GROUPING } from '../src/graph/index.ts';
import type { LoadedGraph } from '../renderer/graph/graph-protocol.ts';
import { GraphService } from '../renderer/graph/graph-service.ts';
import { REAL_EVENTS } from '../test/e2e/fixtures/paths.ts';
import { syntheticGraph } from './graph/synthetic-graph.ts';
import { median } from './timing.ts';

type Path = 'before' | 'after';
interface Phases { decodeMs: number; buildMs: number; cpuMs: number }

const GRAPHS: Readonly<Record<string, () => Uint8Array | { skipped: string }>> = {
  mobilenet: () => realGraphBytes('tf1-slim-mobilenet-2018/events.out.tfevents.1539434587.deep2'),
  yolo: () => realGraphBytes('pytorch-yolov5-chess-2022/events.out.tfevents.1661402037.localhost.localdomain.447836.0'),
  lstm: () => realGraphBytes('tf1-morvan-lstm-2016/events.out.tfevents.1474269773.Morvan'),
  keras: () => realGraphBytes('keras-tf22-profile-graph-2020/train/events.out.tfevents.1589604633.LEMON.12688.127.v2'),
  synthetic: () => toBinary(GraphDefSchema, syntheticGraph({ minNodes: 50_000 })),
};

function realGraphBytes(file: string): Uint8Array | { skipped: string } {
  const full = path.join(REAL_EVENTS, file);
  if (!fs.existsSync(full)) return { skipped: `${full} not found (the shared real-events folder is missing)` };
  // The file's largest graph (a Keras run's is a tf.function's graph in its run metadata).
  const sources = readRun('.', [[file, new Uint8Array(fs.readFileSync(full))]]).graphs.filter((g) => g.graphDef !== null);
  const size = (g: (typeof sources)[number]): number => (g.graphDef instanceof Uint8Array ? g.graphDef.length : 0);
  const source = sources.reduce((a, b) => (size(b) > size(a) ? b : a));
  return source.graphDef instanceof Uint8Array ? source.graphDef : toBinary(GraphDefSchema, graphDefOf(source)!);
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The worker's load before this change (renderer/graph/graph-service.ts at af3df0d). */
function loadBefore(bytes: Uint8Array): Phases {
  const c0 = cpuNow();
  const t0 = performance.now();
  const nodes = graphNodesWithLibrary(fromBinary(GraphDefSchema, bytes))
    .map((n) => ('attr' in n && n.attr !== undefined && n.device !== undefined ? n : { ...n, device: n.device ?? '', attr: n.attr ?? {} }) as NodeDef);
  const t1 = performance.now();
  ScopeTree.fromNodes(nodes, { ...VIEW_GROUPING, seriesGrouping: {} }).metaEdges(0);
  return { decodeMs: t1 - t0, buildMs: performance.now() - t1, cpuMs: cpuNow() - c0 };
}

/** The worker's load now. */
async function loadAfter(bytes: Uint8Array): Promise<Phases> {
  const c0 = cpuNow();
  const loaded = (await new GraphService().handle({ type: 'load', bytes })) as LoadedGraph;
  return { decodeMs: loaded.decodeMs, buildMs: loaded.buildMs, cpuMs: cpuNow() - c0 };
}

const load = (p: Path, bytes: Uint8Array): Promise<Phases> => (p === 'before' ? Promise.resolve(loadBefore(bytes)) : loadAfter(bytes));
const round1 = (x: number): number => Math.round(x * 10) / 10;

const coldArg = process.argv.indexOf('--cold');
if (coldArg >= 0) {
  // A child process: one cold load, printed for the parent.
  const [p, key] = [process.argv[coldArg + 1] as Path, process.argv[coldArg + 2]!];
  const bytes = GRAPHS[key]!() as Uint8Array;
  const t0 = performance.now();
  const phases = await load(p, bytes);
  process.stdout.write(JSON.stringify({ ...phases, totalMs: performance.now() - t0 }));
} else {
  const wanted = (process.env['KEISAN_BENCH_GRAPHS'] ?? 'mobilenet,yolo,lstm,keras,synthetic').split(',');
  const rounds = Number(process.env['KEISAN_BENCH_ROUNDS'] ?? 15);
  for (const key of wanted) {
    const bytes = GRAPHS[key]?.() ?? { skipped: `unknown graph ${key}` };
    if (!(bytes instanceof Uint8Array)) {
      console.log(JSON.stringify({ graph: key, ...bytes }));
      continue;
    }
    const runs: Record<Path, Phases[]> = { before: [], after: [] };
    for (let r = 0; r < rounds; r++) for (const p of (r % 2 === 0 ? ['before', 'after'] : ['after', 'before']) as Path[]) runs[p].push(await load(p, bytes));
    const coldRuns = Number(process.env['KEISAN_BENCH_COLD_RUNS'] ?? (key === 'mobilenet' ? 10 : 0));
    const cold: Record<Path, (Phases & { totalMs: number })[]> = { before: [], after: [] };
    for (let r = 0; r < coldRuns; r++) {
      for (const p of ['before', 'after'] as Path[]) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--cold', p, key], { encoding: 'utf8' });
        cold[p].push(JSON.parse(out) as Phases & { totalMs: number });
      }
    }
    const nodes = fromBinary(GraphDefSchema, bytes).node.length;
    for (const p of ['before', 'after'] as Path[]) {
      console.log(JSON.stringify({
        graph: key, nodes, bytes: bytes.length, path: p, rounds,
        decodeMs: round1(median(runs[p].map((x) => x.decodeMs))),
        buildMs: round1(median(runs[p].map((x) => x.buildMs))),
        cpuMs: round1(median(runs[p].map((x) => x.cpuMs))),
        ...(coldRuns > 0 ? {
          coldMs: round1(median(cold[p].map((x) => x.totalMs))),
          coldDecodeMs: round1(median(cold[p].map((x) => x.decodeMs))),
          coldBuildMs: round1(median(cold[p].map((x) => x.buildMs))),
          coldRuns,
        } : {}),
      }));
    }
  }
}
