import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../main/services/host-error.ts';
import { defaultProjectsDir, isInside, resolveExistingInside, resolveInside, userConfigDir } from '../../main/services/paths.ts';
import { tempDir } from './helpers.ts';

describe('userConfigDir', () => {
  it('follows each OS convention, and KEISAN_CONFIG_DIR overrides it', () => {
    expect(userConfigDir({}, 'linux', '/home/u')).toBe('/home/u/.config/keisan');
    expect(userConfigDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/keisan');
    expect(userConfigDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Keisan');
    expect(userConfigDir({ APPDATA: '/appdata' }, 'win32', '/home/u')).toBe(path.join('/appdata', 'Keisan'));
    expect(userConfigDir({ KEISAN_CONFIG_DIR: '/custom', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/custom');
  });

  it('puts new projects in ~/Keisan unless KEISAN_PROJECTS_DIR says otherwise', () => {
    expect(defaultProjectsDir({}, '/home/u')).toBe('/home/u/Keisan');
    expect(defaultProjectsDir({ KEISAN_PROJECTS_DIR: '/p' }, '/home/u')).toBe('/p');
  });
});

describe('isInside', () => {
  it('is true for the root and below, false for siblings that share a prefix', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
  });
});

/** A project folder with a link to a folder outside it, a link to a file outside it, and one link that stays inside. */
function projectWithLinks(): { root: string; outside: string } {
  const root = tempDir();
  const outside = tempDir('keisan-outside-');
  fs.writeFileSync(path.join(outside, 'events.out.tfevents.1.x'), 'secret');
  fs.mkdirSync(path.join(root, 'runs', 'a'), { recursive: true });
  fs.symlinkSync(outside, path.join(root, 'escape'));
  fs.symlinkSync(path.join(outside, 'events.out.tfevents.1.x'), path.join(root, 'runs', 'events.out.tfevents.2.x'));
  fs.symlinkSync(path.join(root, 'runs', 'a'), path.join(root, 'inner'));
  return { root, outside };
}

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe('resolveInside (paths relative to a project)', () => {
  it('resolves paths inside, existing or not yet created', async () => {
    const { root } = projectWithLinks();
    expect(await resolveInside(root, 'runs/a')).toBe(path.join(root, 'runs', 'a'));
    expect(await resolveInside(root, 'tmp/sgd/events.out.tfevents.9.h')).toBe(path.join(root, 'tmp', 'sgd', 'events.out.tfevents.9.h'));
    // A link that stays inside is followed to its real place.
    expect(await resolveInside(root, 'inner/new/file')).toBe(path.join(root, 'runs', 'a', 'new', 'file'));
  });

  it('refuses `..`, absolute paths, and links that lead outside', async () => {
    const { root, outside } = projectWithLinks();
    for (const bad of ['../x', 'runs/../../x', 'runs/..', '..\\x', '/etc/passwd', path.join(outside, 'f'), 'C:\\Windows\\x', 'escape/f', 'escape', 'runs/events.out.tfevents.2.x']) {
      const e = await refusal(resolveInside(root, bad));
      expect(e.status, bad).toBe(403);
    }
    for (const bad of ['', 'a\0b', 42, null]) expect((await refusal(resolveInside(root, bad))).status).toBe(400);
  });
});

describe('resolveExistingInside (absolute paths under allowed roots)', () => {
  it('accepts paths under a root and refuses the rest', async () => {
    const { root, outside } = projectWithLinks();
    expect(await resolveExistingInside([root], path.join(root, 'runs'))).toBe(path.join(root, 'runs'));
    expect(await resolveExistingInside([outside, root], path.join(root, 'inner'))).toBe(path.join(root, 'runs', 'a'));
    expect((await refusal(resolveExistingInside([root], path.join(root, 'escape')))).status).toBe(403);
    expect((await refusal(resolveExistingInside([root], path.join(root, 'runs', '..', '..')))).status).toBe(403);
    expect((await refusal(resolveExistingInside([root], outside))).status).toBe(403);
    expect((await refusal(resolveExistingInside([root], path.join(root, 'missing')))).status).toBe(404);
    expect((await refusal(resolveExistingInside([root], 'runs'))).status).toBe(400);
  });
});
