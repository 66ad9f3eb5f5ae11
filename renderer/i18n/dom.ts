/**
 * Static UI text lives in `data-i18n` attributes, so switching the language re-translates
 * the whole page in one pass without views keeping lists of their labels.
 */
import { translate, type Language, type Params, type StringKey } from './index.ts';

/** Mark `el` as showing `key` (as its text, or as attribute `attr`, e.g. `placeholder`) and translate it now. */
export function bindText<E extends Element>(el: E, lang: Language, key: StringKey, params?: Params, attr?: string): E {
  el.setAttribute(attr === undefined ? 'data-i18n' : `data-i18n-${attr}`, key);
  if (params !== undefined) el.setAttribute('data-i18n-params', JSON.stringify(params));
  const text = translate(lang, key, params);
  if (attr === undefined) el.textContent = text;
  else el.setAttribute(attr, text);
  return el;
}

const ATTRS = ['title', 'placeholder', 'aria-label'] as const;

/** Re-translate every marked element under `root`. */
export function applyLanguage(root: ParentNode, lang: Language): void {
  const paramsOf = (el: Element): Params | undefined => {
    const raw = el.getAttribute('data-i18n-params');
    return raw === null ? undefined : (JSON.parse(raw) as Params);
  };
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = translate(lang, el.getAttribute('data-i18n') as StringKey, paramsOf(el));
  }
  for (const attr of ATTRS) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, translate(lang, el.getAttribute(`data-i18n-${attr}`) as StringKey, paramsOf(el)));
    }
  }
}
