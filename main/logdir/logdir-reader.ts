/**
 * A log directory kept up to date: each `poll()` finds new runs and new event files
 * and reads what every file gained since the last poll (TensorBoard's reload loop).
 *
 *     const logdir = new LogdirReader('./tmp');
 *     await logdir.poll();
 *     for (const run of logdir.runs()) console.log(run.name, [...run.tags.keys()]);
 *     setInterval(() => logdir.poll(), 1000); // follow a training run
 *
 * A path to a single event file works too: it is then the only file of run `.`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { graphFileSource } from '../../src/events/graphs.ts';
import { RunAccumulator, type RunAccumulatorOptions } from '../../src/events/run-accumulator.ts';
import type { GraphSource, RunData } from '../../src/events/run-data.ts';
import { discoverRuns, type RunEntry } from './discover.ts';
import { FileTail } from './file-tail.ts';

export interface PollResult {
  /** Runs seen for the first time. */
  readonly newRuns: string[];
  /** Runs (new or not) that gained bytes or files. */
  readonly changedRuns: string[];
}

interface RunState {
  readonly acc: RunAccumulator;
  readonly tails: Map<string, FileTail>;
  entry: RunEntry;
}

export class LogdirReader {
  private readonly states = new Map<string, RunState>();
  private polling: Promise<PollResult> | null = null;

  constructor(readonly logdir: string, private readonly options: RunAccumulatorOptions = {}) {}

  /** Look for new runs and files and read new bytes. Calls made while one runs share its result. */
  poll(): Promise<PollResult> {
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async entries(): Promise<RunEntry[]> {
    const root = path.resolve(this.logdir);
    const st = await fs.stat(root).catch(() => null);
    if (st !== null && st.isFile()) return [{ name: '.', dir: path.dirname(root), eventFiles: [root], graphFiles: [] }];
    return discoverRuns(root);
  }

  private async pollOnce(): Promise<PollResult> {
    const newRuns: string[] = [];
    const changedRuns: string[] = [];
    for (const entry of await this.entries()) {
      let state = this.states.get(entry.name);
      if (state === undefined) {
        state = { acc: new RunAccumulator(entry.name, this.options), tails: new Map(), entry };
        this.states.set(entry.name, state);
        newRuns.push(entry.name);
      }
      state.entry = entry;
      let changed = false;
      for (const file of entry.eventFiles) {
        let tail = state.tails.get(file);
        if (tail === undefined) {
          tail = new FileTail(file, state.acc.file(path.relative(path.resolve(this.logdir), file) || path.basename(file)));
          state.tails.set(file, tail);
          changed = true;
        }
        if ((await tail.readNew()) > 0) changed = true;
      }
      if (changed) changedRuns.push(entry.name);
    }
    return { newRuns, changedRuns };
  }

  /** Every run found so far, sorted by name. */
  runs(): RunData[] {
    return [...this.states.values()].map((s) => s.acc.run).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  run(name: string): RunData | undefined {
    return this.states.get(name)?.acc.run;
  }

  /** Where a run lives on disk and its GraphDef files, as last discovered. */
  entry(name: string): RunEntry | undefined {
    return this.states.get(name)?.entry;
  }
}

/** A GraphDef file (`.pb` binary, `.pbtxt` text) as a graph source; throws if it does not parse. */
export async function readGraphFile(file: string): Promise<GraphSource> {
  return graphFileSource(file, new Uint8Array(await fs.readFile(file)));
}
