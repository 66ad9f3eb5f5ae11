/**
 * `tf.summary.FileWriter`: writes an event file that TensorBoard reads, through the
 * host's file sink (`src/` never touches files itself).
 */
import { clone, create, fromBinary, isMessage, type MessageInitShape } from '@bufbuild/protobuf';
import type { Graph } from '../engine/graph.ts';
import { getHost, type AppendableFile } from '../host.ts';
import { encodeEventRecord, FILE_VERSION } from '../format/event-file.ts';
import { graphToGraphDefBytes } from '../format/graph-def.ts';
import { type Event, EventSchema, type SessionLog, SessionLogSchema, type Summary, SummarySchema } from '../format/protos.ts';

export interface FileWriterOptions {
  /** Flush the sink when this many seconds have passed since the last flush (default 120, as TF). */
  readonly flushSecs?: number;
  /** Appended to the file name, after the host name. */
  readonly filenameSuffix?: string;
}

type EventInit = Event | MessageInitShape<typeof EventSchema>;

/**
 * Every event is appended to the sink as soon as it is added (TF queues them for a
 * background thread), so a script that dies leaves every event before it readable;
 * `flush()` asks the host to make them durable.
 *
 *     const writer = new tf.summary.FileWriter('./tmp/sgd', sess.graph);
 *     writer.addSummary(sess.run(merged), step);
 *     writer.close();
 */
export class FileWriter {
  private file: AppendableFile | null = null;
  private name = '';
  private lastFlush = 0;
  private closed = false;
  /** Tags whose SummaryMetadata was already written (TF writes it only once per tag). */
  private readonly seenTags = new Set<string>();
  private readonly flushMs: number;
  private readonly suffix: string;

  constructor(readonly logdir: string, graph?: Graph | null, options: FileWriterOptions = {}) {
    this.flushMs = (options.flushSecs ?? 120) * 1000;
    this.suffix = options.filenameSuffix ?? '';
    this.open();
    if (graph) this.addGraph(graph);
  }

  /** The current event file's name inside `logdir`. */
  get filename(): string { return this.name; }

  /**
   * TF's EventsWriter: `events.out.tfevents.<seconds, 10 digits>.<host><suffix>`, whose first
   * record has `file_version` and the file's creation time in whole seconds as `wall_time`.
   */
  private open(): void {
    const seconds = Math.floor(Date.now() / 1000);
    this.name = `events.out.tfevents.${String(seconds).padStart(10, '0')}.${getHost().hostname()}${this.suffix}`;
    this.file = getHost().openAppendable(this.logdir, this.name);
    this.closed = false;
    this.lastFlush = Date.now();
    // TF flushes the first record at once, so the file's kind is known from the start.
    this.write(create(EventSchema, { wallTime: seconds, what: { case: 'fileVersion', value: FILE_VERSION } }));
    this.flush();
  }

  private write(event: Event): void {
    if (this.file === null) return;
    this.file.append(encodeEventRecord(event));
    if (Date.now() - this.lastFlush >= this.flushMs) this.flush();
  }

  /**
   * Write an event as given; `wall_time` is filled in when unset. After `close()` events
   * are dropped, as TF's writer drops them (call `reopen()` to write a new file).
   */
  addEvent(event: EventInit): void {
    if (this.closed) return;
    // Copy a message given by the caller: wall_time is set on our copy, not theirs.
    const e = isMessage(event, EventSchema) ? clone(EventSchema, event) : create(EventSchema, event);
    if (e.wallTime === 0) e.wallTime = Date.now() / 1000;
    this.write(e);
  }

  private addWithStep(event: MessageInitShape<typeof EventSchema>, step: number | bigint | undefined): void {
    this.addEvent({ ...event, wallTime: Date.now() / 1000, ...(step === undefined ? {} : { step: BigInt(step) }) });
  }

  /**
   * Write a Summary (as `sess.run` returns it: serialized bytes, or a message). As TF does,
   * `metadata` is kept only on the first value seen with each tag.
   */
  addSummary(summary: Uint8Array | Summary, globalStep?: number | bigint): void {
    const s = summary instanceof Uint8Array ? fromBinary(SummarySchema, summary) : clone(SummarySchema, summary);
    for (const v of s.value) {
      if (v.metadata === undefined) continue;
      if (this.seenTags.has(v.tag)) v.metadata = undefined;
      else this.seenTags.add(v.tag);
    }
    this.addWithStep({ what: { case: 'summary', value: s } }, globalStep);
  }

  /** Write the graph as a GraphDef with `_output_shapes` (TF's `add_graph`). */
  addGraph(graph: Graph, globalStep?: number | bigint): void {
    this.addWithStep({ what: { case: 'graphDef', value: graphToGraphDefBytes(graph) } }, globalStep);
  }

  addSessionLog(sessionLog: SessionLog | MessageInitShape<typeof SessionLogSchema>, globalStep?: number | bigint): void {
    this.addWithStep({ what: { case: 'sessionLog', value: create(SessionLogSchema, sessionLog as MessageInitShape<typeof SessionLogSchema>) } }, globalStep);
  }

  /** Ask the host to make everything written so far durable. */
  flush(): void {
    this.file?.flush();
    this.lastFlush = Date.now();
  }

  /** Flush and close the file; later events are dropped until `reopen()`. */
  close(): void {
    if (this.closed || this.file === null) return;
    this.flush();
    this.file.close();
    this.file = null;
    this.closed = true;
  }

  /** After `close()`, start a new event file in the same directory (TF's `reopen`). */
  reopen(): void {
    if (this.closed) this.open();
  }
}
