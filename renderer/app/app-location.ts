/**
 * The open project and tab, kept in the page's URL hash (`#project=<id>&tab=lesson`), so
 * a reload comes back to what the user had open instead of the host's first project, and
 * a link shared on the classroom LAN opens the same project and tab on the same board.
 * The hash is a wish, not the truth: the project id is checked against the host's open
 * projects (HostLoader falls back to the first one) and the Lesson tab against the
 * project having a lesson (tabs.ts falls back to Scalars).
 *
 *     const wish = readAppLocation(location.hash); // initial state
 *     syncAppLocation(state, window);              // then keep the hash in step
 */
import type { AppState, TabId } from './state.ts';

export interface AppLocation {
  readonly projectId: string | null;
  readonly tab: TabId | null;
}

const TABS: readonly TabId[] = ['scalars', 'graph', 'console', 'lesson'];

export function readAppLocation(hash: string): AppLocation {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const tab = params.get('tab');
  return { projectId: params.get('project') || null, tab: TABS.includes(tab as TabId) ? (tab as TabId) : null };
}

export function formatAppLocation(loc: AppLocation): string {
  const params = new URLSearchParams();
  if (loc.projectId !== null) params.set('project', loc.projectId);
  if (loc.tab !== null) params.set('tab', loc.tab);
  const s = params.toString();
  return s === '' ? '' : `#${s}`;
}

/** What syncAppLocation needs of `window` (a fake in unit tests). */
export interface LocationWindow {
  readonly location: { readonly hash: string; readonly href: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Write the state's project and tab to the hash as they change (replaceState: switching
 * tabs is not a page to go back to), and follow a hash the user edits or pastes.
 */
export function syncAppLocation(state: AppState, win: LocationWindow): void {
  const write = (): void => {
    const hash = formatAppLocation({ projectId: state.now.currentProjectId, tab: state.now.tab });
    if (hash === win.location.hash || (hash === '' && win.location.hash === '#')) return;
    win.history.replaceState(null, '', `${win.location.href.replace(/#.*$/, '')}${hash}`);
  };
  state.subscribe((now, before) => (now.currentProjectId !== before.currentProjectId || now.tab !== before.tab) && write());
  win.addEventListener('hashchange', () => {
    const wish = readAppLocation(win.location.hash);
    const known = wish.projectId !== null && state.now.projects.some((p) => p.id === wish.projectId);
    state.update({ ...(known ? { currentProjectId: wish.projectId } : {}), ...(wish.tab !== null ? { tab: wish.tab } : {}) });
    write();
  });
  write();
}
