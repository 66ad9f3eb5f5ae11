/**
 * The lesson toolbar's backend picker (`data-testid="lesson-backend"`: WebGL or CPU, the
 * choice remembered) and the notice shown where a run asked for WebGL but used the CPU
 * (`data-testid="lesson-backend-notice"`, with the reason).
 *
 *     const b = backendControl(lessonBackend, () => state.now.language);
 *     toolbar.append(b.control); pane.prepend(b.notice);
 */
import { h } from '../app/dom.ts';
import type { Language } from '../i18n/index.ts';
import type { BackendName } from '../worker/protocol.ts';
import { backendText } from './backend-text.ts';
import type { LessonBackend } from './lesson-backend.ts';

export interface BackendControl {
  readonly control: HTMLElement;
  readonly notice: HTMLElement;
  /** Re-label after the UI language changed. */
  showLanguage(): void;
  dispose(): void;
}

export function backendControl(backend: LessonBackend, language: () => Language): BackendControl {
  const webgl = h('option', { value: 'webgl' });
  const cpu = h('option', { value: 'cpu' });
  const select = h('select', { 'data-testid': 'lesson-backend' }, webgl, cpu);
  const label = h('span', { class: 'muted' });
  const control = h('label', { class: 'lesson-backend' }, label, ' ', select);
  const notice = h('p', { class: 'note note-error', 'data-testid': 'lesson-backend-notice', role: 'status', hidden: true });

  const show = (): void => {
    const t = backendText(language());
    label.textContent = t.label;
    select.setAttribute('aria-label', t.label);
    webgl.textContent = t.webgl;
    cpu.textContent = t.cpu;
    const { chosen, inUse } = backend.now;
    select.value = chosen;
    const fallback = inUse?.fallback ?? null;
    notice.hidden = fallback === null;
    notice.setAttribute('data-reason', fallback?.reason ?? '');
    notice.textContent = fallback === null ? '' : `${t.fallback(fallback.reason)}: ${fallback.detail}`;
  };
  select.addEventListener('change', () => backend.choose(select.value as BackendName));
  const off = backend.subscribe(show);
  show();
  return { control, notice, showLanguage: show, dispose: off };
}
