/**
 * The app's frame: project bar on top, runs on the left, the tabs (Scalars, Graph,
 * Console, and Lesson for a lesson project) in the middle, the status bar below.
 */
import type { HostApi, LessonInfo } from '../../src/host-api.ts';
import { ConsoleModel } from '../console/console-model.ts';
import { mountConsoleView } from '../console/console-view.ts';
import { applyLanguage } from '../i18n/dom.ts';
import { LessonRunner } from '../lesson/lesson-runner.ts';
import { mountLessonView } from '../lesson/lesson-view.ts';
import { startScriptWorker } from '../lesson/worker-factory.ts';
import { mountScalarsView } from '../scalars/scalars-view.ts';
import type { ViewContext } from './context.ts';
import { h } from './dom.ts';
import { prewarmGraphView } from '../graph/index.ts';
import { mountGraphTab } from './graph-tab.ts';
import { projectBar } from './project-bar.ts';
import { runsList } from './runs-list.ts';
import type { AppState } from './state.ts';
import { statusBar } from './status-bar.ts';
import { tabBar } from './tabs.ts';

export function mountShell(root: HTMLElement, host: HostApi, state: AppState, lessons: readonly LessonInfo[]): ViewContext {
  const status = statusBar(state);
  const ctx: ViewContext = { host, state, notify: status.notify };
  const consoleModel = new ConsoleModel();
  const runner = new LessonRunner(host, consoleModel, startScriptWorker);
  const tabs = tabBar(state, [
    { id: 'scalars', label: 'tabs.scalars', mount: (panel) => mountScalarsView(panel, ctx) },
    { id: 'graph', label: 'tabs.graph', mount: (panel) => mountGraphTab(panel, ctx), prewarm: () => prewarmGraphView(state.now.language) },
    { id: 'console', label: 'tabs.console', mount: (panel) => mountConsoleView(panel, ctx, consoleModel) },
    { id: 'lesson', label: 'tabs.lesson', mount: (panel) => mountLessonView(panel, ctx, runner) },
  ]);
  root.replaceChildren(h('div', { class: 'app' }, projectBar(ctx, lessons), runsList(ctx), h('main', { class: 'main' }, tabs.bar, tabs.panels), status.el));
  const setLanguage = (): void => {
    document.documentElement.lang = state.now.language;
    applyLanguage(document, state.now.language);
  };
  setLanguage();
  state.subscribe((now, before) => now.language !== before.language && setLanguage());
  return ctx;
}
