/**
 * Real event files from public projects live in ../shared/data/real-events (see its
 * SOURCES.md). Only some licences allow copying them into this repo, so tests read
 * them from there and skip, saying so, where that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = new URL('../..', import.meta.url).pathname;
export const REAL_EVENTS_DIR = join(repoRoot, '..', 'shared', 'data', 'real-events');
export const HAVE_REAL_EVENTS = existsSync(join(REAL_EVENTS_DIR, 'SOURCES.md'));
export const NO_REAL_EVENTS_REASON = `real event files not found at ${REAL_EVENTS_DIR} (the shared data folder beside the repo)`;

export function readRealEvent(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REAL_EVENTS_DIR, relativePath)));
}
