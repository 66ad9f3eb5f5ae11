/** The Node host (main/node-host.ts) under a FileWriter: real files in a temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installNodeHost, nodeHost } from '../../main/node-host.ts';
import { readEvents } from '../../src/format/event-file.ts';
import { SummarySchema } from '../../src/format/protos.ts';
import { getHost, setHost } from '../../src/host.ts';
import { FileWriter } from '../../src/summary/file-writer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'keisan-events-'));
  dirs.push(d);
  return d;
}

describe('nodeHost', () => {
  it('creates the log directory and appends events that are readable before close', () => {
    const previous = installNodeHost();
    try {
      expect(getHost().hostname()).toBe(os.hostname());
      const logdir = path.join(tempDir(), 'tmp', 'sgd');
      const w = new FileWriter(logdir);
      expect(w.filename).toMatch(new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\.${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      const summary = toBinary(SummarySchema, create(SummarySchema, { value: [{ tag: 'loss', value: { case: 'simpleValue', value: 2 } }] }));
      for (let step = 0; step < 3; step++) w.addSummary(summary, step);
      // No flush or close: a script that dies here must still leave these events on disk.
      const file = path.join(logdir, w.filename);
      const { events, stop } = readEvents(new Uint8Array(fs.readFileSync(file)));
      expect(stop).toBe('end');
      expect(events.map((e) => e.what.case)).toEqual(['fileVersion', 'summary', 'summary', 'summary']);
      w.close();
      expect(fs.readFileSync(file).length).toBeGreaterThan(0);
    } finally {
      setHost(previous);
    }
  });

  it('appends to an existing file and refuses writes after close', () => {
    const dir = tempDir();
    const a = nodeHost.openAppendable(dir, 'f');
    a.append(new Uint8Array([1, 2]));
    a.close();
    const b = nodeHost.openAppendable(dir, 'f');
    b.append(new Uint8Array([3]));
    b.flush();
    b.close();
    b.close();
    expect([...fs.readFileSync(path.join(dir, 'f'))]).toEqual([1, 2, 3]);
    expect(() => b.append(new Uint8Array([4]))).toThrow(/closed/);
  });

  it('prints lines to stdout', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    nodeHost.print('a - 1 / b - 2');
    expect(write).toHaveBeenCalledWith('a - 1 / b - 2\n');
  });
});
