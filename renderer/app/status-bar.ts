/**
 * The status bar: the backend lessons run on (and the GPU's name once a WebGL run has
 * started), host, run counts, and the latest message (saved files, errors).
 */
import { h } from './dom.ts';
import { backendSummary } from '../lesson/backend-text.ts';
import { lessonBackend } from '../lesson/lesson-backend.ts';
import { bindText } from '../i18n/dom.ts';
import type { AppState } from './state.ts';

export function statusBar(state: AppState): { el: HTMLElement; notify(text: string, kind?: 'info' | 'error'): void } {
  const lang = state.now.language;
  const backend = h('span', { 'data-testid': 'status-backend' });
  const runs = h('span');
  const selected = h('span');
  const message = h('span', { class: 'status-message', role: 'status' });
  const host = h('span', { class: 'muted' });
  const show = (): void => {
    const l = state.now.language;
    const { chosen, inUse } = lessonBackend.now;
    bindText(backend, l, 'status.backend', { backend: backendSummary(l, chosen, inUse) });
    backend.setAttribute('data-backend', inUse?.name ?? chosen);
    bindText(runs, l, 'status.runs', { count: state.now.runs.length });
    bindText(selected, l, 'status.selected', { count: state.selectedRuns().length });
    bindText(host, l, 'status.host', { host: `${state.now.info.host} ${state.now.info.version}` });
  };
  show();
  state.subscribe(show);
  lessonBackend.subscribe(show);
  let clearTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    el: h('footer', { class: 'statusbar' }, backend, runs, selected, message, h('span', { class: 'spacer' }), host),
    notify(text, kind = 'info') {
      message.textContent = text;
      message.className = `status-message status-${kind}`;
      if (clearTimer !== null) clearTimeout(clearTimer);
      // Errors stay until the next message; information fades after a while.
      clearTimer = kind === 'info' ? setTimeout(() => (message.textContent = ''), 8000) : null;
    },
  };
}
