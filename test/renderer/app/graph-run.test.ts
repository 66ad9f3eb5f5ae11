import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../src/host-api.ts';
import { chooseGraphRun } from '../../../renderer/app/graph-run.ts';

const run = (id: string, projectId: string): RunInfo => ({ id, projectId, name: id, files: 1, records: 1, lastWallTime: null, problems: [] });
const runs = [run('saved', 'p1'), run('other', 'p1'), run('tmp/sgd', 'p2')];

describe('chooseGraphRun', () => {
  it("follows the current project's first run until the user picks one", () => {
    expect(chooseGraphRun(runs, null, 'p2')).toBe('tmp/sgd');
    expect(chooseGraphRun(runs, null, 'p1')).toBe('saved');
    expect(chooseGraphRun(runs, null, null)).toBe('saved');
    expect(chooseGraphRun(runs, 'other', 'p2')).toBe('other');
  });

  it('drops a pick that is no longer selected, and shows nothing without runs', () => {
    expect(chooseGraphRun(runs.slice(2), 'other', 'p1')).toBe('tmp/sgd');
    expect(chooseGraphRun([], 'other', 'p1')).toBeNull();
  });
});
