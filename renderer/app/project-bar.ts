/**
 * The top bar: the current project, opening a folder or event file (a native dialog on
 * the desktop, a typed path in a browser), recent projects, new projects from the built-in
 * lessons, and the UI language.
 */
import type { LessonInfo, ProjectInfo } from '../../src/host-api.ts';
import { bindText } from '../i18n/dom.ts';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import type { ViewContext } from './context.ts';
import { clear, h } from './dom.ts';

export const LANGUAGE_KEY = 'keisan.language';

export function projectBar(ctx: ViewContext, lessons: readonly LessonInfo[]): HTMLElement {
  const { host, state } = ctx;
  const lang = state.now.language;
  const fail = (e: unknown): void => ctx.notify(state.t('projects.failed', { message: (e as Error).message }), 'error');
  const opened = (p: ProjectInfo | null): void => {
    if (p === null) return;
    // Open projects arrive with the host's projects-changed event; select this one now.
    state.update({ currentProjectId: p.id, projects: state.now.projects.some((q) => q.id === p.id) ? state.now.projects : [...state.now.projects, p] });
  };

  const current = h('select', { 'data-testid': 'project-select' });
  current.addEventListener('change', () => state.update({ currentProjectId: current.value || null }));
  const close = bindText(h('button', { class: 'icon', 'data-testid': 'project-close' }, '×'), lang, 'projects.close', undefined, 'title');
  close.addEventListener('click', () => {
    const id = state.now.currentProjectId;
    if (id !== null) host.closeProject(id).catch(fail);
  });

  const recent = h('select', { 'data-testid': 'project-recent' });
  recent.addEventListener('change', () => {
    const path = recent.value;
    recent.value = '';
    if (path !== '') host.openProject(path).then(opened, fail);
  });

  const openControls: HTMLElement[] = [];
  if (state.now.info.host === 'electron') {
    openControls.push(bindText(h('button', { 'data-testid': 'project-open', onclick: () => void host.openProject().then(opened, fail) }), lang, 'projects.open'));
  } else {
    const path = h('input', { type: 'text', class: 'path', 'data-testid': 'project-path', spellcheck: 'false' });
    bindText(path, lang, 'projects.pathPlaceholder', undefined, 'placeholder');
    const open = (): void => {
      if (path.value.trim() !== '') host.openProject(path.value.trim()).then((p) => { path.value = ''; opened(p); }, fail);
    };
    path.addEventListener('keydown', (e) => e.key === 'Enter' && open());
    openControls.push(path, bindText(h('button', { 'data-testid': 'project-open', onclick: open }), lang, 'projects.open'));
  }

  const lessonButtons = lessons.map((l) => {
    const b = h('button', { 'data-testid': `lesson-new-${l.id}` });
    const label = (): void => void (b.textContent = state.t('projects.newLesson', { title: l.title[state.now.language] }));
    label();
    state.subscribe((now, before) => now.language !== before.language && label());
    b.addEventListener('click', () => host.createLessonProject(l.id).then((p) => { opened(p); state.update({ tab: 'lesson' }); }, fail));
    return b;
  });

  const language = h('select', { 'data-testid': 'language', 'aria-label': 'Language / 言語' },
    LANGUAGES.map((l) => h('option', { value: l, selected: l === lang }, state.t(`lang.${l}`))));
  language.addEventListener('change', () => {
    const l = language.value as Language;
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // Not remembered across sessions, but switched now.
    }
    state.update({ language: l });
  });

  const render = async (): Promise<void> => {
    clear(current);
    if (state.now.projects.length === 0) current.append(h('option', { value: '' }, state.t('projects.none')));
    for (const p of state.now.projects) current.append(h('option', { value: p.id, selected: p.id === state.now.currentProjectId, title: p.path }, p.name));
    close.hidden = state.now.currentProjectId === null;
    const recents = await host.listRecentProjects().catch(() => [] as ProjectInfo[]);
    clear(recent);
    recent.append(h('option', { value: '' }, state.t('projects.recent')), ...recents.map((p) => h('option', { value: p.path, title: p.path }, p.name)));
    recent.hidden = recents.length === 0;
  };
  void render();
  state.subscribe((now, before) => {
    if (now.projects !== before.projects || now.currentProjectId !== before.currentProjectId || now.language !== before.language) void render();
  });

  return h('header', { class: 'topbar' },
    h('span', { class: 'brand' }, 'Keisan 計算'),
    bindText(h('span', { class: 'muted' }), lang, 'projects.label'), current, close, ...openControls, recent,
    h('span', { class: 'spacer' }), ...lessonButtons, language);
}
