/**
 * The files we write must open in real TensorBoard. Where its Python package is
 * installed (`pip install tensorboard`), load the seed lesson's log directory with
 * TensorBoard's own EventAccumulator and check the graph and every loss point.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeisan } from '../cli/run-cli.ts';

const LESSON = new URL('../../resources/lessons/sgd/sgd_function.ts', import.meta.url).pathname;
const SCRIPT = new URL('./read_with_tensorboard.py', import.meta.url).pathname;
const probe = spawnSync('python3', ['-c', 'import tensorboard'], { encoding: 'utf8' });
const HAVE_TENSORBOARD = probe.status === 0;

const REASON = HAVE_TENSORBOARD ? 'tensorboard installed' : 'skipped: the tensorboard Python package is not installed (pip install tensorboard)';

describe.skipIf(!HAVE_TENSORBOARD)(`real TensorBoard reads our event files (${REASON})`, () => {
  it('loads the lesson: 1000 loss scalars and the graph with simple_model/formula', () => {
    const run = runKeisan(['run', LESSON]);
    expect(run.status, run.stderr).toBe(0);
    const r = spawnSync('python3', [SCRIPT, join(run.cwd, 'tmp', 'sgd')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout) as { scalars: Record<string, [number, number][]>; nodes: [string, string, string[]][] };
    expect(seen.scalars['loss']!.map(([step]) => step)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const names = seen.nodes.map(([name]) => name);
    expect(names).toContain('simple_model/formula/mul');
    expect(names).toContain('simple_model/formula/add');
    expect(names).toContain('GradientDescent/update_simple_model/weights/a/ApplyGradientDescent');
    expect(names).toContain('loss/tags');
    expect(names).toContain('Merge/MergeSummary');
  });
});
