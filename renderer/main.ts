/**
 * The renderer's entry: connect to the host (Electron bridge or board HTTP), pick the UI
 * language (the user's choice, else the OS's), read projects and runs, and show the app.
 */
import './styles/noto-sans-jp.gen.css';
import './styles/app.css';
import type { HostApi } from '../src/host-api.ts';
import { readAppLocation, syncAppLocation } from './app/app-location.ts';
import { h, note } from './app/dom.ts';
import { HostLoader } from './app/loader.ts';
import { LANGUAGE_KEY } from './app/project-bar.ts';
import { mountShell } from './app/shell.ts';
import { AppState } from './app/state.ts';
import { connectHost } from './host/host.ts';
import { pickLanguage, translate } from './i18n/index.ts';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

async function boot(root: HTMLElement): Promise<void> {
  const early = pickLanguage([savedLanguage(), navigator.language]);
  root.replaceChildren(note(translate(early, 'app.loading')));
  let host: HostApi;
  try {
    host = connectHost();
    const info = await host.info();
    const language = pickLanguage([savedLanguage(), info.language, navigator.language]);
    // The project and tab open before a reload (or in a shared link); the loader checks the project is open.
    const wish = readAppLocation(location.hash);
    const state = new AppState({
      info, language, projects: [], currentProjectId: wish.projectId, runs: [], unticked: new Set(), runFilter: '', tab: wish.tab ?? 'scalars',
    });
    const lessons = await host.listLessons().catch(() => []);
    // Until the status bar exists, a failed read shows up as the fatal message below.
    let notify = (text: string): void => {
      throw new Error(text);
    };
    const loader = new HostLoader(host, state, (e) => notify(state.t('app.hostError', { message: e.message })));
    loader.start();
    await loader.reload(true);
    // A lesson project with nothing run yet opens on its lesson.
    if (wish.tab === null && state.now.runs.length === 0 && state.currentProject()?.lesson != null) state.update({ tab: 'lesson' });
    const ctx = mountShell(root, host, state, lessons);
    syncAppLocation(state, window);
    notify = (text) => ctx.notify(text, 'error');
  } catch (e) {
    root.replaceChildren(h('div', { class: 'fatal' }, note(translate(early, 'app.hostError', { message: (e as Error).message }), 'error')));
  }
}

void boot(document.getElementById('app')!);
