/**
 * The Lesson tab (shown when the current project was made from a lesson): the lesson
 * text with its exercises beside the script in an editor, with Run, Stop and the backend
 * to run on (WebGL or CPU, remembered). Output goes to the Console tab, events to the
 * project's log directory, and from there to the charts and the graph. Where WebGL could
 * not run, a notice above the editor says the run used the CPU, and why.
 */
import type { LessonContent } from '../../src/host-api.ts';
import type { ViewContext, ViewHandle } from '../app/context.ts';
import { clear, h, note } from '../app/dom.ts';
import { bindText } from '../i18n/dom.ts';
import type { StringKey } from '../i18n/index.ts';
import { backendControl } from './backend-control.ts';
import { ScriptEditor } from './editor.ts';
import type { LessonRunner, RunnerPhase } from './lesson-runner.ts';
import { renderMarkdown } from './markdown-dom.ts';
import { parseMarkdown } from './markdown.ts';

const PHASE_TEXT: Record<RunnerPhase, StringKey> = {
  idle: 'lesson.idle', saving: 'lesson.saving', compiling: 'lesson.compiling', running: 'lesson.running',
  finished: 'lesson.finished', failed: 'lesson.failed', stopped: 'lesson.stopped',
};

export function mountLessonView(container: HTMLElement, ctx: ViewContext, runner: LessonRunner): ViewHandle {
  const { host, state } = ctx;
  const lang = state.now.language;
  const text = h('article', { class: 'lesson-text' });
  const editorHost = h('div', { class: 'lesson-editor' });
  const phase = h('span', { class: 'lesson-phase', 'data-testid': 'lesson-phase' });
  const logdir = h('span', { class: 'muted' });
  const runButton = bindText(h('button', { class: 'primary', 'data-testid': 'lesson-run' }), lang, 'lesson.run');
  const stopButton = bindText(h('button', { 'data-testid': 'lesson-stop' }), lang, 'lesson.stop');
  const message = h('div');
  const backend = backendControl(runner.backend, () => state.now.language);
  container.append(h('div', { class: 'lesson' }, text, h('div', { class: 'lesson-code' }, h('div', { class: 'toolbar' }, runButton, stopButton, backend.control, phase, h('span', { class: 'spacer' }), logdir), backend.notice, message, editorHost)));

  let content: LessonContent | null = null;
  let editor: ScriptEditor | null = null;
  let loadedProject: string | null = null;

  const showText = (): void => {
    clear(text);
    if (content !== null) text.append(renderMarkdown(parseMarkdown(content.text[state.now.language])));
  };
  const showPhase = (): void => {
    const p = runner.current.phase;
    phase.className = `lesson-phase phase-${p}`;
    bindText(phase, state.now.language, PHASE_TEXT[p]);
    const busy = p === 'saving' || p === 'compiling' || p === 'running';
    runButton.disabled = busy || content === null;
    stopButton.disabled = !busy;
  };

  async function load(): Promise<void> {
    const project = state.currentProject();
    if (project?.id === loadedProject) return;
    loadedProject = project?.id ?? null;
    content = null;
    editor?.destroy();
    editor = null;
    clear(text);
    clear(message);
    logdir.textContent = '';
    showPhase();
    if (project === null || project.lesson === null) {
      message.append(bindText(h('p', { class: 'note' }), state.now.language, 'lesson.none'));
      return;
    }
    try {
      const loaded = await host.readLesson(project.id);
      if (loadedProject !== project.id) return;
      content = loaded;
      editor = new ScriptEditor(editorHost, loaded.script);
      bindText(logdir, state.now.language, 'lesson.writesTo', { logdir: loaded.logdir });
      showText();
      showPhase();
    } catch (e) {
      message.append(note(state.t('error.generic', { message: (e as Error).message }), 'error'));
    }
  }

  runButton.addEventListener('click', () => {
    if (content !== null && editor !== null) void runner.run(content.projectId, content.scriptName, editor.text);
  });
  stopButton.addEventListener('click', () => runner.stop());
  const offRunner = runner.subscribe((s) => {
    showPhase();
    if (s.phase === 'failed' && s.errorLine !== null) editor?.showLine(s.errorLine);
  });
  const offState = state.subscribe((now, before) => {
    if (now.currentProjectId !== before.currentProjectId || now.projects !== before.projects) void load();
    if (now.language !== before.language) {
      showText();
      backend.showLanguage();
    }
  });
  void load();
  return {
    dispose() {
      backend.dispose();
      offRunner();
      offState();
      editor?.destroy();
      container.replaceChildren();
    },
  };
}
