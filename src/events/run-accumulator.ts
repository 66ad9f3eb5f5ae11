/**
 * Builds a `RunData` from the bytes of a run's event files, as they arrive.
 *
 *     const acc = new RunAccumulator('train');
 *     const reader = acc.file('events.out.tfevents.1494075549.Morvan');
 *     reader.push(bytes);             // the whole file, or what it gained since last time
 *     acc.run.tags.get('loss/loss');  // { kind: 'scalar', count: 20, scalars: …, … }
 *
 * Every record goes first to the wire-level fast path (./fast-scalar.ts); what it
 * declines is decoded by protobuf-es and handled in ./event-handler.ts.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { EventSchema } from '../format/protos.ts';
import { addEvent } from './event-handler.ts';
import { ScalarEventDecoder } from './fast-scalar.ts';
import { type ReadProblem, RecordScanner, type RecordSink } from './record-scanner.ts';
import type { EventFileData, RunData, TagData } from './run-data.ts';
import { TagTable } from './tag-table.ts';

export interface RunAccumulatorOptions {
  /** Use the wire-level fast path for scalar events (default true; tests turn it off to compare). */
  readonly fastPath?: boolean;
}

/** Reads one event file of a run, incrementally. */
export class EventFileReader implements RecordSink {
  readonly data: EventFileData;
  private readonly scanner: RecordScanner;

  constructor(private readonly acc: RunAccumulator, path: string) {
    this.data = {
      path, bytesRead: 0, records: 0, problems: [], pending: null, fileVersion: null, writer: null,
      minStep: NaN, maxStep: NaN, minWallTime: NaN, maxWallTime: NaN,
    };
    this.scanner = new RecordScanner(this);
  }

  /** The next bytes of the file (chunks must not be modified afterwards). */
  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
    this.data.bytesRead = this.scanner.received;
    this.data.pending = this.scanner.pending;
    this.acc.run.version++;
  }

  /** File offset up to which everything is settled: where a pending record begins. */
  get offset(): number {
    return this.scanner.offset;
  }

  /** @internal RecordSink */
  record(bytes: Uint8Array, start: number, end: number, offset: number): void {
    this.data.records++;
    this.acc.readRecord(this.data, bytes, start, end, offset);
  }

  /** @internal RecordSink */
  problem(problem: ReadProblem): void {
    this.data.problems.push(problem);
  }
}

export class RunAccumulator {
  readonly run: RunData;
  /** Events taken by the wire-level fast path and by protobuf-es, for tests and benchmarks. */
  readonly decoded = { fast: 0, generic: 0 };
  private readonly readers = new Map<string, EventFileReader>();
  private readonly byBytes = new TagTable<TagData>();
  private readonly fast: ScalarEventDecoder | null;
  private readonly scratchTags: TagData[] = [];

  constructor(name: string, options: RunAccumulatorOptions = {}) {
    this.run = { name, files: [], tags: new Map(), graphs: [], sessionLogs: [], logMessages: [], runMetadata: [], version: 0 };
    this.fast = options.fastPath === false ? null : new ScalarEventDecoder();
  }

  /** The reader of file `path`, created on first use (files are listed in the order first asked for). */
  file(path: string): EventFileReader {
    let reader = this.readers.get(path);
    if (reader === undefined) {
      reader = new EventFileReader(this, path);
      this.readers.set(path, reader);
      this.run.files.push(reader.data);
    }
    return reader;
  }

  /** The tag's record, created on first sight. */
  tag(name: string): TagData {
    let tag = this.run.tags.get(name);
    if (tag === undefined) {
      tag = {
        tag: name, kind: 'tensor', plugin: '', metadata: null, count: 0,
        firstStep: NaN, lastStep: NaN, firstWallTime: NaN, lastWallTime: NaN, scalars: null, values: [],
      };
      this.run.tags.set(name, tag);
      this.byBytes.add(name, tag);
    }
    return tag;
  }

  /** @internal one complete record of `file` */
  readRecord(file: EventFileData, bytes: Uint8Array, start: number, end: number, offset: number): void {
    if (this.fast !== null && this.fast.decode(bytes, start, end) && this.commitFast(file)) {
      this.decoded.fast++;
      return;
    }
    this.decoded.generic++;
    let event;
    try {
      event = fromBinary(EventSchema, bytes.subarray(start, end));
    } catch (e) {
      file.problems.push({ offset, kind: 'decode', message: `record at offset ${offset} is not an Event: ${(e as Error).message}`, resumedAt: null });
      return;
    }
    addEvent(this, file, event, offset);
  }

  /**
   * Take the fast decoder's scalars, if every value belongs to a tag already known as a
   * scalar series whose metadata was seen (a tag's first value, which carries the
   * metadata, always takes the generic path).
   */
  private commitFast(file: EventFileData): boolean {
    const d = this.fast!;
    const n = d.count;
    const tags = this.scratchTags;
    for (let i = 0; i < n; i++) {
      const tag = this.byBytes.find(d.view, d.tagStart[i]!, d.tagEnd[i]!);
      if (tag === undefined || tag.scalars === null || tag.kind !== 'scalar') return false;
      if (d.hasMetadata[i] === 1 && tag.metadata === null) return false;
      if (d.isTensor[i] === 1 && tag.plugin !== 'scalars') return false;
      tags[i] = tag;
    }
    const out = d.out;
    const step = out[1]!;
    const wallTime = out[0]!;
    // noteEvent, written out: a call would box the two doubles.
    if (!(step >= file.minStep)) file.minStep = step;
    if (!(step <= file.maxStep)) file.maxStep = step;
    if (!(wallTime >= file.minWallTime)) file.minWallTime = wallTime;
    if (!(wallTime <= file.maxWallTime)) file.maxWallTime = wallTime;
    for (let i = 0; i < n; i++) {
      const tag = tags[i]!;
      tag.scalars!.pushFrom(out, 2 + i);
      tag.count++;
      tag.lastStep = step;
      tag.lastWallTime = wallTime;
    }
    return true;
  }
}
