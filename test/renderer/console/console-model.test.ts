import { describe, expect, it } from 'vitest';
import { ConsoleModel, formatElapsed, type ConsoleChange } from '../../../renderer/console/console-model.ts';

describe('formatElapsed', () => {
  it('writes mm:ss.mmm, with hours past the first', () => {
    expect(formatElapsed(0)).toBe('00:00.000');
    expect(formatElapsed(62_345.4)).toBe('01:02.345');
    expect(formatElapsed(3_600_000 + 5)).toBe('1:00:00.005');
    expect(formatElapsed(-3)).toBe('00:00.000');
  });
});

describe('ConsoleModel', () => {
  it('starts each run with a clean console and tells listeners what changed', () => {
    const model = new ConsoleModel();
    const seen: ConsoleChange['type'][] = [];
    model.subscribe((c) => seen.push(c.type));
    model.start(1000);
    model.add({ kind: 'print', text: 'a', elapsedMs: 1 });
    model.end('finished', 20);
    model.start(2000);
    expect(model.lines).toEqual([]);
    expect(model.run).toEqual({ phase: 'running', startedAt: 2000, elapsedMs: null });
    expect(seen).toEqual(['reset', 'run', 'line', 'run', 'reset', 'run']);
  });
});
