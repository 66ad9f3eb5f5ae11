/**
 * The Console tab: the lines of the script run in the app, each with its time since the
 * start, errors in red with the script's file:line. The list element (`data-testid=
 * "console"`) holds only those lines; the run's state sits above it.
 */
import type { ViewContext, ViewHandle } from '../app/context.ts';
import { h } from '../app/dom.ts';
import { bindText } from '../i18n/dom.ts';
import { formatElapsed, type ConsoleLine, type ConsoleModel } from './console-model.ts';

export function mountConsoleView(container: HTMLElement, ctx: ViewContext, model: ConsoleModel): ViewHandle {
  const { state } = ctx;
  const lang = state.now.language;
  const header = h('div', { class: 'console-run' });
  const empty = bindText(h('p', { class: 'note' }), lang, 'console.empty');
  const list = h('div', { class: 'console-lines', 'data-testid': 'console', role: 'log', 'aria-live': 'polite' });
  const clearButton = bindText(h('button', { class: 'small', onclick: () => model.clear() }), lang, 'console.clear');
  container.append(h('div', { class: 'toolbar' }, header, h('span', { class: 'spacer' }), clearButton), empty, list);

  const lineEl = (line: ConsoleLine): HTMLElement =>
    h('div', { class: `console-line console-${line.kind}`, 'data-kind': line.kind },
      h('span', { class: 'console-time' }, formatElapsed(line.elapsedMs)),
      h('span', { class: 'console-text' }, line.text));

  const showRun = (): void => {
    const run = model.run;
    const seconds = run.elapsedMs === null ? '' : (run.elapsedMs / 1000).toFixed(2);
    const started = run.startedAt === null ? '' : new Date(run.startedAt).toLocaleTimeString(state.now.language === 'ja' ? 'ja-JP' : 'en-US');
    header.className = `console-run phase-${run.phase}`;
    if (run.phase === 'idle') {
      header.removeAttribute('data-i18n');
      header.textContent = '';
    }
    else if (run.phase === 'running') bindText(header, state.now.language, 'console.started', { time: started });
    else bindText(header, state.now.language, run.phase === 'finished' ? 'console.finished' : run.phase === 'failed' ? 'console.failed' : 'console.stopped', { seconds });
  };
  const showEmpty = (): void => {
    empty.hidden = model.lines.length > 0;
  };

  list.append(...model.lines.map(lineEl));
  showRun();
  showEmpty();
  const off = model.subscribe((change) => {
    if (change.type === 'line') {
      // Follow the output unless the reader scrolled up to look at earlier lines.
      const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
      list.append(lineEl(change.line));
      if (atBottom) list.scrollTop = list.scrollHeight;
    } else if (change.type === 'reset') {
      list.replaceChildren();
    } else {
      showRun();
    }
    showEmpty();
  });
  const offState = state.subscribe((now, before) => {
    if (now.language !== before.language) showRun();
  });
  return {
    dispose() {
      off();
      offState();
      container.replaceChildren();
    },
  };
}
