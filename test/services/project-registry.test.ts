import { describe, expect, it } from 'vitest';
import { ProjectRegistry } from '../../main/services/project-registry.ts';
import { HostError } from '../../main/services/host-error.ts';

describe('ProjectRegistry ids', () => {
  it('gives each path and run one opaque id for the session', () => {
    const ids = new ProjectRegistry();
    const p = ids.projectId('/data/logs');
    expect(p).toMatch(/^p\d+$/);
    expect(ids.projectId('/data/logs')).toBe(p);
    expect(ids.projectId('/data/other')).not.toBe(p);
    const r = ids.runId(p, 'train');
    expect(r).toMatch(/^r\d+$/);
    expect(ids.runId(p, 'train')).toBe(r);
    expect(ids.runId(p, 'eval')).not.toBe(r);
  });

  it('keeps a renamed run\'s id under its new name, and frees the old name', () => {
    const ids = new ProjectRegistry();
    const p = ids.projectId('/logs');
    const r = ids.runId(p, 'old');
    ids.renameRun(r, 'new');
    expect(ids.runId(p, 'new')).toBe(r);
    expect(ids.runId(p, 'old')).not.toBe(r);
  });

  it('refuses ids of projects that are not open with a 404 HostError', () => {
    const ids = new ProjectRegistry();
    const p = ids.projectId('/logs');
    expect(() => ids.project(p)).toThrow(HostError);
    expect(() => ids.project(p)).toThrow(/no open project/);
    expect(() => ids.runRef(ids.runId(p, 'train'))).toThrow(/no run/);
    expect(() => ids.runRef('r999')).toThrow(/no run 'r999'/);
  });
});
