/** Test helpers for the host services: temp folders, event files with known contents, a service on them. */
import { create, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { encodeEventRecord, FILE_VERSION } from '../../src/format/event-file.ts';
import { EventSchema, GraphDefSchema } from '../../src/format/protos.ts';
import { NodeHostService, type NodeHostServiceOptions } from '../../main/services/node-host-service.ts';

export const REPO = path.resolve(new URL('../..', import.meta.url).pathname);
export const LESSONS = path.join(REPO, 'resources', 'lessons');

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A fresh temp folder (realpath: /tmp may itself be a link), removed after the test. */
export function tempDir(prefix = 'keisan-host-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

type EventInit = MessageInitShape<typeof EventSchema>;

export const scalarEvent = (step: number, tag: string, value: number, wallTime = 1.6e9 + step): EventInit => ({
  step: BigInt(step), wallTime, what: { case: 'summary', value: { value: [{ tag, value: { case: 'simpleValue', value } }] } },
});

export const graphEvent = (nodes: readonly string[]): EventInit => ({
  wallTime: 1.6e9, what: { case: 'graphDef', value: toBinary(GraphDefSchema, create(GraphDefSchema, { node: nodes.map((name) => ({ name, op: 'NoOp' })) })) },
});

export function records(events: readonly EventInit[]): Uint8Array {
  const parts = events.map((e) => encodeEventRecord(create(EventSchema, e)));
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** A whole event file: file_version, then `events`. */
export function eventFile(events: readonly EventInit[], wallTime = 1.6e9): Uint8Array {
  return records([{ wallTime, what: { case: 'fileVersion', value: FILE_VERSION } }, ...events]);
}

/** Write an event file for run `run` (a path below `root`); returns the file's path. */
export function writeRun(root: string, run: string, events: readonly EventInit[], name = 'events.out.tfevents.1600000000.test'): string {
  const dir = path.join(root, run);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, eventFile(events));
  return file;
}

/** A service with its own settings folder; closed after the test. */
export function makeService(options: Partial<NodeHostServiceOptions> = {}): NodeHostService {
  const service = new NodeHostService({ host: 'electron', lessonsDir: LESSONS, configDir: tempDir('keisan-config-'), projectsDir: tempDir('keisan-projects-'), ...options });
  cleanups.push(() => service.close());
  return service;
}

/** Poll `check` until it returns a value (not undefined/false) or `ms` pass; returns the value and the time taken. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<{ value: T; elapsed: number }> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return { value, elapsed: Date.now() - start };
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
