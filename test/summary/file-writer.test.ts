import { create, toBinary } from '@bufbuild/protobuf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attr } from '../../src/engine/attr.ts';
import { Graph } from '../../src/engine/graph.ts';
import { setHost, type AppendableFile, type EngineHost } from '../../src/host.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { SessionLog_SessionStatus, SummarySchema } from '../../src/format/protos.ts';
import { FileWriter } from '../../src/summary/file-writer.ts';

/** A host that keeps files in memory and counts what the writer asks of it. */
class MemoryHost {
  readonly files = new Map<string, { bytes: number[]; flushes: number; closed: boolean }>();
  readonly host: Partial<EngineHost> = {
    hostname: () => 'testhost',
    openAppendable: (dir, name): AppendableFile => {
      const key = `${dir}/${name}`;
      const f = this.files.get(key) ?? { bytes: [], flushes: 0, closed: false };
      f.closed = false;
      this.files.set(key, f);
      return {
        append: (b) => { if (f.closed) throw new Error('closed'); f.bytes.push(...b); },
        flush: () => { f.flushes++; },
        close: () => { f.closed = true; },
      };
    },
  };
  bytes(key: string): Uint8Array { return Uint8Array.from(this.files.get(key)!.bytes); }
}

let mem: MemoryHost;
let previous: EngineHost;
beforeEach(() => {
  mem = new MemoryHost();
  previous = setHost(mem.host);
});
afterEach(() => {
  setHost(previous);
  vi.useRealTimers();
});

const scalarSummary = (tag: string, v: number, withMetadata = false) =>
  toBinary(SummarySchema, create(SummarySchema, {
    value: [{ tag, value: { case: 'simpleValue', value: v }, ...(withMetadata ? { metadata: { pluginData: { pluginName: 'scalars' } } } : {}) }],
  }));

describe('FileWriter', () => {
  it('names the file after the time and host, and starts it with the file version', () => {
    vi.useFakeTimers({ now: 1494075549_250 });
    const w = new FileWriter('logs/run', null, { filenameSuffix: '.v1' });
    expect(w.filename).toBe('events.out.tfevents.1494075549.testhost.v1');
    const { events, stop } = readEvents(mem.bytes('logs/run/events.out.tfevents.1494075549.testhost.v1'));
    expect(stop).toBe('end');
    expect(events).toHaveLength(1);
    expect(events[0]!.what).toEqual({ case: 'fileVersion', value: 'brain.Event:2' });
    // TF stamps the first record with the whole second of the file name.
    expect(events[0]!.wallTime).toBe(1494075549);
  });

  it('writes the graph, summaries with steps and wall times, and session logs; each lands in the sink at once', () => {
    const g = new Graph();
    g.createOp('NoOp', [], {}, 'init');
    const before = Date.now() / 1000;
    const w = new FileWriter('logs', g);
    const key = `logs/${w.filename}`;
    w.addSummary(scalarSummary('loss', 1.5), 10);
    const afterSummary = readEvents(mem.bytes(key));
    expect(afterSummary.events).toHaveLength(3);
    w.addSessionLog({ status: SessionLog_SessionStatus.START }, 11);
    w.addEvent({ step: 12n, what: { case: 'fileVersion', value: 'x' } });
    const after = Date.now() / 1000;
    const { events, stop } = readEvents(mem.bytes(key));
    expect(stop).toBe('end');
    expect(events.map((e) => e.what.case)).toEqual(['fileVersion', 'graphDef', 'summary', 'sessionLog', 'fileVersion']);
    expect(decodeGraphDef(events[1]!.what.value as Uint8Array).node.map((n) => n.name)).toEqual(['init']);
    expect(events.map((e) => e.step)).toEqual([0n, 0n, 10n, 11n, 12n]);
    for (const e of events.slice(1)) {
      expect(e.wallTime).toBeGreaterThanOrEqual(before);
      expect(e.wallTime).toBeLessThanOrEqual(after);
    }
    const s = events[2]!.what.value as { value: { tag: string; value: unknown }[] };
    expect(s.value.map((v) => [v.tag, v.value])).toEqual([['loss', { case: 'simpleValue', value: 1.5 }]]);
  });

  it('keeps summary metadata only on the first value of each tag, as TF does', () => {
    const w = new FileWriter('logs');
    w.addSummary(scalarSummary('a', 1, true), 0);
    w.addSummary(scalarSummary('a', 2, true), 1);
    w.addSummary(scalarSummary('b', 3, true), 1);
    const { events } = readEvents(mem.bytes(`logs/${w.filename}`));
    const meta = events.slice(1).map((e) => (e.what.case === 'summary' ? e.what.value.value[0]!.metadata?.pluginData?.pluginName : 'x'));
    expect(meta).toEqual(['scalars', undefined, 'scalars']);
  });

  it('flushes on flush() and close(), and when flushSecs have passed since the last flush', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const w = new FileWriter('logs', null, { flushSecs: 5 });
    const f = mem.files.get(`logs/${w.filename}`)!;
    const base = f.flushes;
    w.addSummary(scalarSummary('a', 1), 0);
    expect(f.flushes).toBe(base);
    vi.advanceTimersByTime(5000);
    w.addSummary(scalarSummary('a', 2), 1);
    expect(f.flushes).toBe(base + 1);
    w.flush();
    expect(f.flushes).toBe(base + 2);
    w.close();
    expect(f.closed).toBe(true);
    expect(f.flushes).toBe(base + 3);
  });

  it('drops events after close (as TF) and writes a new file after reopen', () => {
    vi.useFakeTimers({ now: 2_000_000_000_000 });
    const w = new FileWriter('logs');
    const first = `logs/${w.filename}`;
    w.close();
    w.addSummary(scalarSummary('a', 1), 0);
    expect(readEvents(mem.bytes(first)).events).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    w.reopen();
    expect(w.filename).toBe('events.out.tfevents.2000000001.testhost');
    w.addSummary(scalarSummary('a', 1), 0);
    expect(readEvents(mem.bytes(`logs/${w.filename}`)).events.map((e) => e.what.case)).toEqual(['fileVersion', 'summary']);
  });

  it('fails clearly when the host cannot write files', () => {
    setHost(previous);
    expect(() => new FileWriter('logs')).toThrow(/cannot write files/);
  });
});
