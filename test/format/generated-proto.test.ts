/** The committed protobuf code must be what `npm run gen:proto` makes from proto/ today. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('src/format/proto', () => {
  it('is up to date with proto/ (scripts/gen-proto.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-proto.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
