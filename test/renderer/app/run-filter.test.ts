import { describe, expect, it } from 'vitest';
import { runFilter } from '../../../renderer/app/run-filter.ts';

const runs = ['train', 'eval', 'Experiment_0_adam_200_0.2', 'lr=0.1/train'];

describe('runFilter', () => {
  it('matches runs by a case-insensitive regular expression', () => {
    const f = runFilter('^(train|eval)$');
    expect(runs.filter(f.matches)).toEqual(['train', 'eval']);
    expect(runs.filter(runFilter('ADAM_\\d+').matches)).toEqual(['Experiment_0_adam_200_0.2']);
  });

  it('matches everything when empty', () => {
    expect(runs.filter(runFilter('').matches)).toEqual(runs);
  });

  it('falls back to plain text for an invalid expression, and says so', () => {
    const names = [...runs, 'resnet(v2', 'resnet_v3'];
    const f = runFilter('RESNET(');
    expect(f.valid).toBe(false);
    expect(names.filter(f.matches)).toEqual(['resnet(v2']);
    expect(runFilter('resnet').valid).toBe(true);
  });
});
