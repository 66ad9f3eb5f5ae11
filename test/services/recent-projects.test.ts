import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentProjects } from '../../main/services/recent-projects.ts';
import { tempDir } from './helpers.ts';

const entry = (p: string) => ({ path: p, kind: 'folder' as const, lesson: null });

describe('RecentProjects', () => {
  it('persists the list, most recent first, across instances (as across app restarts)', async () => {
    const dir = path.join(tempDir(), 'settings'); // not there yet: created on first save
    const a = new RecentProjects(dir);
    await a.touch(entry('/p/one'), 1);
    await a.touch({ path: '/p/two.tfevents', kind: 'event-file', lesson: null }, 2);
    await a.touch({ path: '/p/sgd', kind: 'folder', lesson: 'sgd' }, 3);
    await a.touch(entry('/p/one'), 4); // reopened: moves to the front, not duplicated

    const b = new RecentProjects(dir);
    expect(await b.list()).toEqual([
      { path: '/p/one', kind: 'folder', lesson: null, openedAt: 4 },
      { path: '/p/sgd', kind: 'folder', lesson: 'sgd', openedAt: 3 },
      { path: '/p/two.tfevents', kind: 'event-file', lesson: null, openedAt: 2 },
    ]);
    await b.remove('/p/sgd');
    expect((await new RecentProjects(dir).list()).map((e) => e.path)).toEqual(['/p/one', '/p/two.tfevents']);
  });

  it('keeps the 20 most recent', async () => {
    const dir = tempDir();
    const r = new RecentProjects(dir);
    for (let i = 0; i < 25; i++) await r.touch(entry(`/p/${i}`), i);
    const list = await new RecentProjects(dir).list();
    expect(list).toHaveLength(20);
    expect(list[0]!.path).toBe('/p/24');
    expect(list[19]!.path).toBe('/p/5');
  });

  it('treats a damaged file as an empty list, skips malformed entries, and writes a good file again', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'recent-projects.json'), '{"projects": [ {"path": "/ok", "kind": "folder"}, {"path": "relative", "kind": "folder"}, {"path": "/x", "kind": "nope"}, 7 ]}');
    expect((await new RecentProjects(dir).list()).map((e) => e.path)).toEqual(['/ok']);

    fs.writeFileSync(path.join(dir, 'recent-projects.json'), '{ not json');
    const r = new RecentProjects(dir);
    expect(await r.list()).toEqual([]);
    await r.touch(entry('/new'), 1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'recent-projects.json'), 'utf8')).projects[0].path).toBe('/new');
  });
});
