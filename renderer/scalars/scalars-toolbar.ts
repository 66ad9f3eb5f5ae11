/**
 * The Scalars settings: smoothing (0–0.999, TensorBoard's default 0.6), horizontal axis,
 * log-scale y, and downloading every tag of the selected runs. Settings are remembered
 * between sessions.
 */
import { h } from '../app/dom.ts';
import { bindText } from '../i18n/dom.ts';
import type { Language } from '../i18n/index.ts';
import type { ChartSettings } from './chart-data.ts';
import type { ScalarFormat } from '../../src/events/export.ts';
import { X_AXIS_MODES, type XAxisMode } from './x-axis.ts';

const STORAGE_KEY = 'keisan.scalars';
export const DEFAULT_SETTINGS: ChartSettings = { smoothing: 0.6, xMode: 'step', logY: false };

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ChartSettings {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<ChartSettings> | null;
    if (saved === null) return DEFAULT_SETTINGS;
    const smoothing = typeof saved.smoothing === 'number' && saved.smoothing >= 0 && saved.smoothing <= 0.999 ? saved.smoothing : DEFAULT_SETTINGS.smoothing;
    const xMode = X_AXIS_MODES.includes(saved.xMode as XAxisMode) ? (saved.xMode as XAxisMode) : DEFAULT_SETTINGS.xMode;
    return { smoothing, xMode, logY: saved.logY === true };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function saveSettings(s: ChartSettings): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Storage may be unavailable (private mode); settings then last for this session.
  }
}

export function scalarsToolbar(lang: Language, initial: ChartSettings, onChange: (s: ChartSettings) => void, onDownloadAll: (f: ScalarFormat) => void): HTMLElement {
  let settings = initial;
  const set = (patch: Partial<ChartSettings>): void => {
    settings = { ...settings, ...patch };
    saveSettings(settings);
    onChange(settings);
  };
  const slider = h('input', { type: 'range', min: 0, max: 0.999, step: 0.001, value: settings.smoothing, 'data-testid': 'smoothing', 'aria-label': 'smoothing' });
  const number = h('input', { type: 'number', min: 0, max: 0.999, step: 0.001, value: settings.smoothing, class: 'smoothing-number' });
  const setSmoothing = (raw: string): void => {
    const v = Math.min(0.999, Math.max(0, Number(raw)));
    if (!Number.isFinite(v)) return;
    slider.value = String(v);
    number.value = String(v);
    set({ smoothing: v });
  };
  slider.addEventListener('input', () => setSmoothing(slider.value));
  number.addEventListener('change', () => setSmoothing(number.value));

  const xModes = X_AXIS_MODES.map((mode) => {
    const input = h('input', { type: 'radio', name: 'x-axis', value: mode, checked: settings.xMode === mode, 'data-testid': `x-axis-${mode}` });
    input.addEventListener('change', () => input.checked && set({ xMode: mode }));
    return h('label', { class: 'choice' }, input, bindText(h('span'), lang, `scalars.x.${mode}`));
  });
  const logY = h('input', { type: 'checkbox', checked: settings.logY, 'data-testid': 'log-y' });
  logY.addEventListener('change', () => set({ logY: logY.checked }));

  return h('div', { class: 'toolbar scalars-toolbar' },
    h('label', { class: 'field' }, bindText(h('span'), lang, 'scalars.smoothing'), slider, number),
    h('fieldset', { class: 'field' }, bindText(h('legend'), lang, 'scalars.xAxis'), xModes),
    h('label', { class: 'choice' }, logY, bindText(h('span'), lang, 'scalars.logY')),
    h('span', { class: 'spacer' }),
    bindText(h('span', { class: 'muted' }), lang, 'scalars.downloadAll'),
    h('button', { class: 'small', 'data-testid': 'download-all-csv', onclick: () => onDownloadAll('csv') }, 'CSV'),
    h('button', { class: 'small', 'data-testid': 'download-all-json', onclick: () => onDownloadAll('json') }, 'JSON'),
  );
}
