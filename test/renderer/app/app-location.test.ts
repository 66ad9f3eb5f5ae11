import { describe, expect, it } from 'vitest';
import type { HostApi, HostInfo, ProjectInfo } from '../../../src/host-api.ts';
import { formatAppLocation, type LocationWindow, readAppLocation, syncAppLocation } from '../../../renderer/app/app-location.ts';
import { HostLoader } from '../../../renderer/app/loader.ts';
import { AppState } from '../../../renderer/app/state.ts';

const project = (id: string, lesson: string | null = null): ProjectInfo => ({ id, name: id, path: `/logs/${id}`, kind: 'folder', lesson });
// The board's own logdir comes first; the lesson project made from the UI after it.
const open = [project('logdir'), project('lesson/sgd #1', 'sgd')];

function appState(wish = readAppLocation('')): AppState {
  return new AppState({
    info: {} as HostInfo, language: 'en', projects: [], currentProjectId: wish.projectId, runs: [], unticked: new Set(),
    runFilter: '', tab: wish.tab ?? 'scalars',
  });
}

/** A page reload: the hash survives, the state is built afresh and read from the host. */
async function reload(hash: string): Promise<AppState> {
  const host = { listOpenProjects: async () => open, listRuns: async () => [] } as unknown as HostApi;
  const state = appState(readAppLocation(hash));
  await new HostLoader(host, state, (e) => { throw e; }).reload(true);
  return state;
}

class FakeWindow implements LocationWindow {
  href = 'http://127.0.0.1:6006/';
  readonly writes: string[] = [];
  private readonly listeners: (() => void)[] = [];
  get location() {
    return { hash: /#.*$/.exec(this.href)?.[0] ?? '', href: this.href };
  }
  readonly history = { replaceState: (_d: unknown, _u: string, url: string) => void this.writes.push((this.href = url)) };
  addEventListener(_type: 'hashchange', l: () => void): void {
    this.listeners.push(l);
  }
  /** The user edits the address bar. */
  navigate(hash: string): void {
    this.href = this.href.replace(/#.*$/, '') + hash;
    for (const l of this.listeners) l();
  }
}

describe('app location (URL hash)', () => {
  it('round-trips ids with characters that need escaping, and ignores what it does not know', () => {
    const loc = { projectId: 'lesson/sgd #1&x=y', tab: 'lesson' as const };
    expect(readAppLocation(formatAppLocation(loc))).toEqual(loc);
    expect(formatAppLocation({ projectId: null, tab: null })).toBe('');
    expect(readAppLocation('#tab=nonsense&project=')).toEqual({ projectId: null, tab: null });
    expect(readAppLocation('')).toEqual({ projectId: null, tab: null });
  });

  it('a reload comes back to the lesson project the hash names, not the first open project', async () => {
    const state = await reload(formatAppLocation({ projectId: 'lesson/sgd #1', tab: 'lesson' }));
    expect(state.now.currentProjectId).toBe('lesson/sgd #1');
    expect(state.now.tab).toBe('lesson');
    expect(state.currentProject()?.lesson).toBe('sgd');
  });

  it('a hash naming a project that is no longer open falls back to the first open one', async () => {
    expect((await reload('#project=closed&tab=graph')).now.currentProjectId).toBe('logdir');
    expect((await reload('')).now.currentProjectId).toBe('logdir');
  });

  it('keeps the hash in step with the project and tab, and follows a hash the user types', () => {
    const win = new FakeWindow();
    const state = appState();
    state.update({ projects: open, currentProjectId: 'logdir' });
    syncAppLocation(state, win);
    expect(win.location.hash).toBe('#project=logdir&tab=scalars');
    state.update({ currentProjectId: 'lesson/sgd #1', tab: 'lesson' });
    expect(readAppLocation(win.location.hash)).toEqual({ projectId: 'lesson/sgd #1', tab: 'lesson' });
    expect(win.href.startsWith('http://127.0.0.1:6006/#')).toBe(true);
    const writes = win.writes.length;
    state.update({ runFilter: 'x' });
    expect(win.writes.length, 'unrelated changes do not rewrite the hash').toBe(writes);

    win.navigate('#project=logdir&tab=graph');
    expect([state.now.currentProjectId, state.now.tab]).toEqual(['logdir', 'graph']);
    win.navigate('#project=unknown&tab=console');
    expect([state.now.currentProjectId, state.now.tab], 'an unknown project is ignored').toEqual(['logdir', 'console']);
    expect(win.location.hash, 'and the hash corrected').toBe('#project=logdir&tab=console');
  });
});
