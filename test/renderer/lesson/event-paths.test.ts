import { describe, expect, it } from 'vitest';
import { OutsideProjectError, projectRelativePath } from '../../../renderer/lesson/event-paths.ts';

describe('projectRelativePath', () => {
  it('resolves the directory a script names against the project', () => {
    expect(projectRelativePath('./tmp/sgd', 'events.out.tfevents.1.keisan')).toBe('tmp/sgd/events.out.tfevents.1.keisan');
    expect(projectRelativePath('runs\\a/../b/', 'e')).toBe('runs/b/e');
    expect(projectRelativePath('.', 'e')).toBe('e');
  });

  it.each(['/tmp/sgd', '../elsewhere', 'a/../../b', 'C:\\logs', 'c:/logs'])('refuses %s, outside the project', (dir) => {
    expect(() => projectRelativePath(dir, 'e')).toThrow(OutsideProjectError);
  });
});
