import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGraphDef } from '../../src/format/graph-def.ts';
import { eventsIn, runKeisan, scalarValues } from './run-cli.ts';

const LESSON = new URL('../../resources/lessons/sgd/sgd_function.ts', import.meta.url).pathname;
const LINE = /^a - (\S+) \/ b - (\S+) \/ loss - (\S+)$/;

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('the seed lesson (sgd_function.ts) through keisan run', () => {
  it('prints 10 lines in which a and b move toward 5 and 8, and logs a falling loss', () => {
    const r = runKeisan(['run', LESSON]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    const parsed = lines.map((l) => {
      const m = LINE.exec(l);
      if (m === null) throw new Error(`unexpected line: ${l}`);
      return { a: Number(m[1]), b: Number(m[2]), loss: Number(m[3]) };
    });
    const distance = parsed.map(({ a, b }) => Math.hypot(a - 5, b - 8));
    // SGD with lr 1e-3 on single samples: each 100-step stretch brings (a, b) closer to (5, 8).
    for (let i = 1; i < distance.length; i++) expect(distance[i]).toBeLessThan(distance[i - 1]!);

    // Relative logdir: ./tmp/sgd under the working directory, one summary per step.
    const events = eventsIn(join(r.cwd, 'tmp', 'sgd'));
    const loss = scalarValues(events, 'loss');
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(mean(loss.slice(-100).map((p) => p.value))).toBeLessThan(mean(loss.slice(0, 100).map((p) => p.value)) / 4);

    const graph = events.find((e) => e.what.case === 'graphDef')!;
    const names = decodeGraphDef(graph.what.value as Uint8Array).node.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining([
      'inputs/Placeholder', 'inputs/Placeholder_1', 'simple_model/weights/a', 'simple_model/weights/b',
      'simple_model/formula/mul', 'simple_model/formula/add', 'simple_model/log/PrintV2', 'loss', 'Merge/MergeSummary',
    ]));
    expect(names.some((n) => n.startsWith('GradientDescent/update_simple_model/weights/a/'))).toBe(true);
  });

  it('writes to --logdir when given', () => {
    const r = runKeisan(['run', '--logdir', 'runs/one', LESSON]);
    expect(r.status).toBe(0);
    expect(scalarValues(eventsIn(join(r.cwd, 'runs', 'one')), 'loss')).toHaveLength(1000);
  });
});
