/**
 * The strict reader and our protobuf definitions over every real event file in
 * ../shared/data/real-events, checked against the facts SOURCES.md records for each
 * (computed there by an independent checker): record count, validity, graph size, tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { readEvents } from '../../src/format/event-file.ts';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { EventSchema, GraphDefSchema } from '../../src/format/protos.ts';
import { readRecords } from '../../src/format/tfrecord.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, readRealEvent, REAL_EVENTS_DIR } from '../support/real-events.ts';

interface Expected {
  readonly path: string;
  readonly records: number;
  readonly graphNodes: number | null;
  readonly tags: number;
  readonly invalid: 'truncated' | 'empty file' | null;
}

/** Rows of SOURCES.md's table: | `path` | bytes | producer | repo | summary |. */
function expectedFiles(): Expected[] {
  const text = readFileSync(join(REAL_EVENTS_DIR, 'SOURCES.md'), 'utf8');
  const out: Expected[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \|[^|]*\|[^|]*\|[^|]*\|([^|]*)\|/.exec(line);
    if (m === null || !/\d+ rec/.test(m[2]!)) continue;
    const summary = m[2]!;
    out.push({
      path: m[1]!,
      records: Number(/(\d+) rec/.exec(summary)![1]),
      graphNodes: /graph (\d+) nodes/.test(summary) ? Number(/graph (\d+) nodes/.exec(summary)![1]) : null,
      tags: Number(/(\d+) tags/.exec(summary)![1]),
      invalid: (/not valid: (truncated|empty file)/.exec(summary)?.[1] as Expected['invalid']) ?? null,
    });
  }
  return out;
}

describe.skipIf(!HAVE_REAL_EVENTS)(`real event files (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  const files = HAVE_REAL_EVENTS ? expectedFiles() : [];

  it('SOURCES.md lists the event files', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s', (_path, f) => {
    const bytes = readRealEvent(f.path);
    const { events, stop, offset } = readEvents(bytes);
    expect(events.length).toBe(f.records);
    if (f.invalid === 'truncated') {
      expect(stop).toBe('truncated');
      expect(offset).toBeLessThan(bytes.length);
    } else {
      expect(stop).toBe('end');
      expect(offset).toBe(bytes.length);
    }
    const graphs = events.filter((e) => e.what.case === 'graphDef');
    if (f.graphNodes === null) expect(graphs).toEqual([]);
    // Some writers add the graph more than once, growing; SOURCES.md gives the largest.
    else expect(Math.max(...graphs.map((g) => decodeGraphDef(g.what.value as Uint8Array).node.length))).toBe(f.graphNodes);
    const tags = new Set(events.flatMap((e) => (e.what.case === 'summary' ? e.what.value.value.map((v) => v.tag) : [])));
    expect(tags.size).toBe(f.tags);
  });

  // Field numbers, wire types and packing all have to match TensorFlow's for this to hold.
  it.each([
    'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan',
    'tf1-slim-mobilenet-2018/events.out.tfevents.1539434587.deep2',
  ])('re-encodes every Event and GraphDef of %s byte for byte', (file) => {
    for (const record of readRecords(readRealEvent(file)).records) {
      const event = fromBinary(EventSchema, record);
      // Buffer.equals: a deep toEqual over megabytes of graph takes seconds.
      expect(Buffer.from(toBinary(EventSchema, event)).equals(record)).toBe(true);
      if (event.what.case === 'graphDef') {
        expect(Buffer.from(toBinary(GraphDefSchema, fromBinary(GraphDefSchema, event.what.value))).equals(event.what.value)).toBe(true);
      }
    }
  });

  describe('tf1-morvan-tensorboard-2017', () => {
    const FILE = 'tf1-morvan-tensorboard-2017/events.out.tfevents.1494075549.Morvan';
    const events = HAVE_REAL_EVENTS ? readEvents(readRealEvent(FILE)).events : [];

    it('starts with the file version at the whole second of the file name', () => {
      expect(events[0]!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
      expect(events[0]!.wallTime).toBe(1494075549);
      expect(readRecords(readRealEvent(FILE)).records.length).toBe(23);
    });

    it('decodes the GraphDef: names, ops, data and control inputs, attrs', () => {
      const graph = decodeGraphDef(events.find((e) => e.what.case === 'graphDef')!.what.value as Uint8Array);
      expect(graph.node.length).toBe(143);
      expect(graph.versions?.producer).toBe(22);
      const byName = new Map(graph.node.map((n) => [n.name, n]));
      expect(byName.get('loss/loss')).toMatchObject({ op: 'ScalarSummary', input: ['loss/loss/tags', 'loss/Mean'] });
      expect(byName.get('layer1/weights/layer1/weights')).toMatchObject({ op: 'HistogramSummary', input: ['layer1/weights/layer1/weights/tag', 'layer1/weights/W/read'] });
      expect(byName.get('Merge/MergeSummary')!.attr['N']!.value).toEqual({ case: 'i', value: 7n });
      expect(byName.get('train/gradients/loss/Square_grad/mul/x')!.input).toEqual(['^train/gradients/loss/Sum_grad/Tile']);
      expect(graph.node.filter((n) => n.input.some((i) => /:\d+$/.test(i))).length).toBeGreaterThan(0);
      expect(graph.node.every((n) => n.op === 'NoOp' || n.attr['_output_shapes']?.value.case === 'list')).toBe(true);
      const ops = new Map<string, number>();
      for (const n of graph.node) ops.set(n.op, (ops.get(n.op) ?? 0) + 1);
      expect(Object.fromEntries([...ops].filter(([, c]) => c >= 6))).toEqual({ Const: 36, Identity: 14, Reshape: 8, Add: 7, Sum: 7, Shape: 7, HistogramSummary: 6, MatMul: 6, NoOp: 6 });
    });

    it('reads the summaries: steps, scalar and histogram values', () => {
      const summaries = events.filter((e) => e.what.case === 'summary');
      expect(summaries.map((e) => Number(e.step))).toEqual(Array.from({ length: 20 }, (_, i) => i * 50));
      const loss = summaries[0]!.what.value as { value: { tag: string; value: { case: string } }[] };
      expect(loss.value.map((v) => [v.tag, v.value.case])).toContainEqual(['loss/loss', 'simpleValue']);
      expect(loss.value.filter((v) => v.value.case === 'histo').length).toBe(6);
    });
  });
});
