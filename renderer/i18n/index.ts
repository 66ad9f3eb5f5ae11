/**
 * UI language: Japanese or English, following the OS until the user switches.
 *
 *     const lang = pickLanguage([saved, info.language, navigator.language]); // 'ja' | 'en'
 *     translate(lang, 'scalars.points', { count: 1000 }); // '1000 点' in Japanese
 */
import { en, type StringKey } from './strings-en.ts';
import { ja } from './strings-ja.ts';

export type Language = 'ja' | 'en';
export type { StringKey };
export type Params = Readonly<Record<string, string | number>>;

export const LANGUAGES: readonly Language[] = ['ja', 'en'];
export const CATALOGUES: Readonly<Record<Language, Readonly<Record<StringKey, string>>>> = { ja, en };

/** The first candidate naming a language we have (`ja-JP` → `ja`); English otherwise. */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const base = c?.trim().toLowerCase().split(/[-_]/)[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/**
 * The text for `key` with `{name}` parameters filled in; unknown parameters stay visible, so a
 * missing one is noticed. A text `one|other` has a singular and a plural form, picked by `count`.
 */
export function translate(lang: Language, key: StringKey, params?: Params): string {
  let text: string = CATALOGUES[lang][key] ?? en[key];
  // `one|other`: English plurals, chosen by the `count` parameter.
  const forms = text.split('|');
  if (forms.length === 2) text = params?.['count'] === 1 ? forms[0]! : forms[1]!;
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The `{name}` parameters a text uses, sorted (the catalogues must agree on them). */
export function parametersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
