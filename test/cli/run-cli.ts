// Spawn the real `keisan` command (bin/keisan.mjs) in a fresh temporary directory outside the repo.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvents } from '../../src/format/event-file.ts';
import type { Event } from '../../src/format/protos.ts';

export const KEISAN_BIN = new URL('../../bin/keisan.mjs', import.meta.url).pathname;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cwd: string;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'keisan-cli-'));
}

/** Write `files` into a new temp dir and run `keisan ...args` there. */
export function runKeisan(args: readonly string[], files: Readonly<Record<string, string>> = {}, env: NodeJS.ProcessEnv = {}): CliResult {
  const cwd = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const r = spawnSync(process.execPath, [KEISAN_BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, cwd };
}

/** Every event of every event file in `dir` (strict reader: a torn record would throw). */
export function eventsIn(dir: string): Event[] {
  const files = readdirSync(dir).filter((f) => f.startsWith('events.out.tfevents.'));
  if (files.length === 0) throw new Error(`no event file in ${dir}`);
  return files.flatMap((f) => {
    const { events, stop } = readEvents(new Uint8Array(readFileSync(join(dir, f))));
    if (stop !== 'end') throw new Error(`${f} does not end cleanly: ${stop}`);
    return events;
  });
}

export function scalarValues(events: readonly Event[], tag: string): { step: number; value: number }[] {
  const out: { step: number; value: number }[] = [];
  for (const e of events) {
    if (e.what.case !== 'summary') continue;
    for (const v of e.what.value.value) {
      if (v.tag === tag && v.value.case === 'simpleValue') out.push({ step: Number(e.step), value: v.value.value });
    }
  }
  return out;
}
