/** The status bar: backend, host, run counts, and the latest message (saved files, errors). */
import { h } from './dom.ts';
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
    bindText(backend, l, 'status.backend', { backend: state.now.backend });
    bindText(runs, l, 'status.runs', { count: state.now.runs.length });
    bindText(selected, l, 'status.selected', { count: state.selectedRuns().length });
    bindText(host, l, 'status.host', { host: `${state.now.info.host} ${state.now.info.version}` });
  };
  show();
  state.subscribe(show);
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
