/**
 * `npx tsx bench/events.bench.ts` (`npm run bench:events`): how fast Keisan reads event
 * files, next to the floor any reader pays in the same process — reading the file's
 * bytes and computing CRC32C over all of them. Prints JSON. Goal (issue 3): within 2×.
 *
 *   scalars:    1M scalar events (TF 1.x `simple_value`, two tags alternating), one file
 *   tf2Scalars: the same as TF 2.x / Keras writes them: rank-0 DT_FLOAT tensors of the
 *               `scalars` plugin, metadata on each tag's first value only
 *   graph:      a 5000-node GraphDef event (TF 1.x-like nodes with attrs and shapes) plus a few scalars
 *
 * "read" is what opening a run costs: every record checked and decoded into the run's
 * data; a graph is only counted then (it is decoded when a viewer asks for it), so the
 * graph log also reports "read + decode graph". Rounds alternate floor and reader so that
 * machine drift falls on both; medians of the rounds are reported. `inMemory` compares the
 * checksum alone with the reader alone on bytes already read (the file read is the same
 * for both). Memory: what the finished RunData of the 1M-event log keeps alive.
 */
import { create, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crc32c } from '../src/format/crc32c.ts';
import { encodeEventRecord, FILE_VERSION } from '../src/format/event-file.ts';
import { DataType, EventSchema, GraphDefSchema, type NodeDefSchema, type Summary_ValueSchema } from '../src/format/protos.ts';
import { graphDefOf, readRun, type RunData } from '../src/events/index.ts';
import { median } from './timing.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SCALAR_EVENTS = 1_000_000;
const GRAPH_NODES = 5000;
const ROUNDS = 7;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function scalarLog(tf2: boolean): Uint8Array {
  const parts = [encodeEventRecord(create(EventSchema, { wallTime: 1.7e9, what: { case: 'fileVersion', value: FILE_VERSION } }))];
  let s = 12345;
  for (let i = 0; i < SCALAR_EVENTS; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const tag = i % 2 === 0 ? 'loss/loss' : 'train/accuracy';
    const x = s / 4294967296;
    const value: MessageInitShape<typeof Summary_ValueSchema> = tf2
      ? { tag, value: { case: 'tensor', value: { dtype: DataType.DT_FLOAT, tensorShape: {}, floatVal: [x] } }, ...(i < 2 ? { metadata: { pluginData: { pluginName: 'scalars' } } } : {}) }
      : { tag, value: { case: 'simpleValue', value: x } };
    parts.push(encodeEventRecord(create(EventSchema, { wallTime: 1.7e9 + i * 0.013, step: BigInt(i >> 1), what: { case: 'summary', value: { value: [value] } } })));
  }
  return concat(parts);
}

/** Nodes shaped like TF 1.x's: scoped names, two inputs, dtype and _output_shapes attrs. */
function graphLog(): Uint8Array {
  const node: MessageInitShape<typeof NodeDefSchema>[] = [];
  for (let i = 0; i < GRAPH_NODES; i++) {
    node.push({
      name: `layer${i % 50}/block${Math.floor(i / 50) % 10}/op_${i}`,
      op: ['MatMul', 'Add', 'Relu', 'Const', 'Identity'][i % 5]!,
      input: i < 2 ? [] : [`layer${(i - 1) % 50}/block${Math.floor((i - 1) / 50) % 10}/op_${i - 1}`, `layer${(i - 2) % 50}/block${Math.floor((i - 2) / 50) % 10}/op_${i - 2}:0`],
      attr: {
        T: { value: { case: 'type', value: 1 } },
        _output_shapes: { value: { case: 'list', value: { shape: [{ dim: [{ size: -1n }, { size: 128n }] }] } } },
      },
    });
  }
  const graph = toBinary(GraphDefSchema, create(GraphDefSchema, { node, versions: { producer: 22 } }));
  const parts = [
    encodeEventRecord(create(EventSchema, { wallTime: 1.7e9, what: { case: 'fileVersion', value: FILE_VERSION } })),
    encodeEventRecord(create(EventSchema, { wallTime: 1.7e9, what: { case: 'graphDef', value: graph } })),
  ];
  for (let i = 0; i < 100; i++) {
    parts.push(encodeEventRecord(create(EventSchema, { wallTime: 1.7e9 + i, step: BigInt(i), what: { case: 'summary', value: { value: [{ tag: 'loss', value: { case: 'simpleValue', value: 1 / (i + 1) } }] } } })));
  }
  return concat(parts);
}

type Contender = (file: string) => number;

/** Median milliseconds of each contender over alternating rounds (one warm-up round first). */
function time(file: string, contenders: Record<string, Contender>): Record<string, number> {
  const names = Object.keys(contenders);
  for (const n of names) contenders[n]!(file);
  const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const n of names) {
      gc();
      const t = performance.now();
      contenders[n]!(file);
      ms[n]!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(ms[n]!)]));
}

// readFileSync's Buffer is a Uint8Array: used as it is, not copied.
const floor: Contender = (file) => crc32c(readFileSync(file));
const read = (file: string): RunData => readRun('.', [[path.basename(file), readFileSync(file)]]);
const recordsOf = (run: RunData): number => run.files.reduce((n, f) => n + f.records, 0);

function report(bytes: number, events: number, ms: Record<string, number>) {
  const mbps = (t: number) => Math.round((bytes / 1e6 / (t / 1000)) * 10) / 10;
  const out: Record<string, unknown> = { bytes, events, floor: { ms: round(ms['floor']!), MBps: mbps(ms['floor']!) } };
  for (const [name, t] of Object.entries(ms)) {
    if (name === 'floor') continue;
    out[name] = { ms: round(t), MBps: mbps(t), eventsPerSec: Math.round(events / (t / 1000)), ratioToFloor: round(t / ms['floor']!, 2) };
  }
  return out;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * What a finished RunData keeps alive: memory in use with it, minus memory in use before
 * it was read. Freed array buffers are released by a background sweeper, so each
 * reading waits for it after collecting.
 */
async function retainedBytes(file: string): Promise<{ retainedMB: number; scalarArraysMB: number }> {
  const used = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 100));
    }
    const u = process.memoryUsage();
    return u.heapUsed + u.arrayBuffers;
  };
  const before = await used();
  const run = read(file);
  const after = await used();
  const arrays = [...run.tags.values()].reduce((n, t) => n + (t.scalars?.byteLength ?? 0), 0);
  return { retainedMB: round((after - before) / 1e6), scalarArraysMB: round(arrays / 1e6) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'keisan-bench-events-'));
try {
  const scalarFile = path.join(dir, 'events.out.tfevents.scalars');
  const tf2File = path.join(dir, 'events.out.tfevents.tf2-scalars');
  const graphFile = path.join(dir, 'events.out.tfevents.graph');
  writeFileSync(scalarFile, scalarLog(false));
  writeFileSync(tf2File, scalarLog(true));
  writeFileSync(graphFile, graphLog());

  const scalarRun = read(scalarFile);
  const tf2Run = read(tf2File);
  if (tf2Run.tags.get('train/accuracy')?.scalars?.length !== SCALAR_EVENTS / 2) throw new Error('TF 2.x scalar log read wrong');
  const graphRun = read(graphFile);
  if (recordsOf(scalarRun) !== SCALAR_EVENTS + 1 || scalarRun.tags.get('loss/loss')?.scalars?.length !== SCALAR_EVENTS / 2) throw new Error('scalar log read wrong');
  if (graphRun.graphs[0]?.nodes !== GRAPH_NODES) throw new Error('graph log read wrong');

  const scalarMs = time(scalarFile, { floor, read: (f) => recordsOf(read(f)) });
  // The same without the file read: checksum alone against the reader alone, bytes already in memory.
  const bytes = readFileSync(scalarFile);
  const inMemoryMs = time(scalarFile, { floor: () => crc32c(bytes), read: () => recordsOf(readRun('.', [['f', bytes]])) });
  const tf2Ms = time(tf2File, { floor, read: (f) => recordsOf(read(f)) });
  const graphMs = time(graphFile, {
    floor,
    read: (f) => recordsOf(read(f)),
    'read + decode graph': (f) => graphDefOf(read(f).graphs[0]!)!.node.length,
  });
  const result = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    scalars: {
      ...report(bytes.length, SCALAR_EVENTS + 1, scalarMs),
      inMemory: report(bytes.length, SCALAR_EVENTS + 1, inMemoryMs),
      memory: await retainedBytes(scalarFile),
    },
    tf2Scalars: report(readFileSync(tf2File).length, SCALAR_EVENTS + 1, tf2Ms),
    graph: { nodes: GRAPH_NODES, ...report(readFileSync(graphFile).length, recordsOf(graphRun), graphMs) },
    goal: 'read within 2x of floor',
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
