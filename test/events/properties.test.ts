/**
 * Property-based checks of the reader: no input crashes it; valid records after damage
 * are all recovered; what FileWriter writes reads back the same; the wire-level fast
 * path and protobuf-es agree on every event.
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEventFile, readRun, RunAccumulator, type RunData } from '../../src/events/index.ts';
import { type EngineHost, setHost } from '../../src/host.ts';
import { EventSchema, SummarySchema } from '../../src/format/protos.ts';
import { encodeRecord } from '../../src/format/tfrecord.ts';
import { FileWriter } from '../../src/summary/file-writer.ts';
import { eventFile, simple, summary, tensorScalar, type ValueInit } from './events.ts';
import { plain } from './plain.ts';
import { concat, scan } from './scan.ts';
import { eventRecord } from './wire-builder.ts';

function readInChunks(chunks: readonly Uint8Array[]): RunData {
  const acc = new RunAccumulator('.');
  const reader = acc.file('f');
  for (const c of chunks) reader.push(c);
  return acc.run;
}

const chunked = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  return [0, ...points].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length));
};

describe('reader properties', () => {
  it('never throws, whatever the bytes and however they arrive', () => {
    const anyBytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      // Mostly valid files with bytes flipped, cut and spliced in.
      fc.tuple(fc.array(eventRecord, { maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 5 })).map(([records, flips]) => {
        const b = concat(records);
        for (const [at, x] of flips) if (b.length > 0) b[at % b.length] = x;
        return b;
      }),
    );
    fc.assert(fc.property(anyBytes, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
      const whole = readRun('.', [['f', bytes]]);
      readEventFile(bytes);
      // However the bytes arrive, the run is the same.
      expect(plain(readInChunks(chunked(bytes, cuts)))).toEqual(plain(whole));
    }), { numRuns: 300 });
  });

  it('recovers every valid record after a damaged one', () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('junk' as const), junk: fc.uint8Array({ minLength: 1, maxLength: 100 }) }),
    );
    // Not 8 bytes long: an 8-byte payload and its CRC are byte for byte a valid header, so a
    // record of 8 bytes cut right after its header, followed by another record, reads as a
    // valid record (its "payload" the next header) — the format itself cannot tell them apart.
    const payloads = fc.array(fc.uint8Array({ maxLength: 200 }).filter((p) => p.length !== 8), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(payloads, fc.nat(), damage, fc.array(fc.nat(), { maxLength: 4 }), (data, which, d, cuts) => {
      const k = which % data.length;
      const records = data.map(encodeRecord);
      const hurt = records[k]!.slice();
      let parts: Uint8Array[];
      if (d.kind === 'flip') {
        hurt[d.at % hurt.length]! ^= 1 << d.bit;
        parts = [...records.slice(0, k), hurt, ...records.slice(k + 1)];
      } else if (d.kind === 'cut') {
        parts = [...records.slice(0, k), hurt.subarray(0, 1 + (d.at % (hurt.length - 1))), ...records.slice(k + 1)];
      } else {
        parts = [...records.slice(0, k), d.junk, ...records.slice(k)];
      }
      const r = scan(chunked(concat(parts), cuts));
      const expected = d.kind === 'junk' ? data : [...data.slice(0, k), ...data.slice(k + 1)];
      expect(r.records.map((x) => x.data)).toEqual(expected);
      const atEnd = k === data.length - 1 && d.kind === 'cut';
      if (atEnd) expect(r.pending === null || r.problems.length === 0).toBe(true);
      else if (d.kind !== 'junk' || r.problems.length > 0) expect(r.problems.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });

  describe('write then read', () => {
    let previous: EngineHost;
    let files: Map<string, number[]>;
    beforeEach(() => {
      files = new Map();
      previous = setHost({
        hostname: () => 'testhost',
        openAppendable: (dir, name) => {
          const bytes: number[] = [];
          files.set(`${dir}/${name}`, bytes);
          return { append: (b) => { for (const x of b) bytes.push(x); }, flush: () => {}, close: () => {} };
        },
      });
    });
    afterEach(() => setHost(previous));

    it('returns what FileWriter wrote', () => {
      const step = fc.integer({ min: -(2 ** 31), max: 2 ** 40 });
      const values = fc.array(fc.oneof(
        fc.tuple(fc.constantFrom('loss', 'acc', 'lr'), fc.float()).map(([t, x]) => simple(t, x)),
        fc.tuple(fc.constantFrom('t/a', 't/b'), fc.float({ noNaN: true })).map(([t, x]) => tensorScalar(t, x, true)),
      ), { minLength: 1, maxLength: 4 });
      fc.assert(fc.property(fc.array(fc.tuple(step, values), { maxLength: 30 }), (batches) => {
        files.clear();
        const w = new FileWriter('logs');
        for (const [s, vs] of batches) w.addSummary(create(SummarySchema, { value: vs }), s);
        w.close();
        const bytes = Uint8Array.from([...files.values()][0]!);
        // Event level: the same messages, byte for byte.
        const { records, problems, pending } = readEventFile(bytes);
        expect([problems, pending]).toEqual([[], null]);
        expect(records.length).toBe(batches.length + 1);
        records.slice(1).forEach((r, i) => {
          const written = fromBinary(EventSchema, r.payload);
          expect(Number(written.step)).toBe(batches[i]![0]);
          expect(written.what.case === 'summary' && written.what.value.value.map((v) => v.tag)).toEqual(batches[i]![1].map((v) => v.tag));
        });
        // Run level: every value of every tag, in order.
        const run = readRun('.', [['f', bytes]]);
        const byTag = new Map<string, [number, number][]>();
        for (const [s, vs] of batches) for (const v of vs) byTag.set(v.tag!, [...(byTag.get(v.tag!) ?? []), [s, numberOf(v)]]);
        expect(new Set(run.tags.keys())).toEqual(new Set(byTag.keys()));
        for (const [tag, points] of byTag) {
          const t = run.tags.get(tag)!;
          expect(t.kind).toBe('scalar');
          expect([Array.from(t.scalars!.steps), Array.from(t.scalars!.values)]).toEqual([points.map((p) => p[0]), points.map((p) => p[1])]);
        }
      }), { numRuns: 100 });
    });
  });

  it('gives the same run with and without the fast path, for any events', () => {
    const taken = { fast: 0, generic: 0 };
    fc.assert(fc.property(fc.array(eventRecord, { minLength: 5, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }), (records, cuts) => {
      const bytes = concat(records);
      const acc = new RunAccumulator('.');
      for (const c of chunked(bytes, cuts)) acc.file('f').push(c);
      const generic = plain(readRun('.', [['f', bytes]], { fastPath: false }));
      expect(plain(acc.run)).toEqual(generic);
      taken.fast += acc.decoded.fast;
      taken.generic += acc.decoded.generic;
    }), { numRuns: 1000 });
    // The generated events must exercise both paths, or the comparison proves little.
    // (About a fifth of these events take the fast path.)
    expect(taken.fast).toBeGreaterThan(1500);
    expect(taken.generic).toBeGreaterThan(1500);
  });

  it('takes the fast path for all but the first event of each scalar tag', () => {
    const bytes = eventFile(Array.from({ length: 50 }, (_, i) => summary(i, i, simple('a', i), tensorScalar('b', i, i === 0))));
    const acc = new RunAccumulator('.');
    acc.file('f').push(bytes);
    expect(acc.decoded).toEqual({ fast: 49, generic: 1 });
    expect(plain(acc.run)).toEqual(plain(readRun('.', [['f', bytes]], { fastPath: false })));
  });
});

function numberOf(v: ValueInit): number {
  if (v.value?.case === 'simpleValue') return Math.fround(v.value.value as number);
  const t = v.value?.value as { floatVal: number[] };
  return Math.fround(t.floatVal[0]!);
}
