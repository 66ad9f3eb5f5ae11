import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, parametersOf, pickLanguage, translate } from '../../renderer/i18n/index.ts';
import { en } from '../../renderer/i18n/strings-en.ts';

describe('UI text catalogues', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES)('%s defines every key, with text, and no extra keys', (lang) => {
    const cat = CATALOGUES[lang];
    expect(Object.keys(cat).sort()).toEqual(keys);
    for (const key of keys) expect(cat[key as keyof typeof en].trim(), key).not.toBe('');
  });

  it.each(LANGUAGES)('%s uses the same {parameters} as English in every text', (lang) => {
    const differing = keys.filter((k) => parametersOf(CATALOGUES[lang][k as keyof typeof en]).join() !== parametersOf(en[k as keyof typeof en]).join());
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)('%s writes plural forms as one|other with a {count}', (lang) => {
    const bad = keys.filter((k) => {
      const text = CATALOGUES[lang][k as keyof typeof en];
      return text.includes('|') && (text.split('|').length !== 2 || !text.includes('{count}'));
    });
    expect(bad).toEqual([]);
  });

  it('has Japanese text in the Japanese catalogue (not English left untranslated)', () => {
    const untranslated = keys.filter((k) => CATALOGUES.ja[k as keyof typeof en] === en[k as keyof typeof en] && /[a-z]{4,}/.test(en[k as keyof typeof en]));
    // Names and format labels stay as they are in both languages.
    expect(untranslated.sort()).toEqual(['app.title', 'lang.en', 'lang.ja', 'scalars.downloadCsv', 'scalars.downloadJson'].filter((k) => /[a-z]{4,}/.test(en[k as keyof typeof en])).sort());
  });
});

describe('translate and pickLanguage', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('ja', 'scalars.points', { count: 1000 })).toBe('1000 点');
    expect(translate('en', 'status.backend')).toBe('Backend: {backend}');
  });

  it('picks the English singular or plural by count', () => {
    expect(translate('en', 'scalars.points', { count: 1 })).toBe('1 point');
    expect(translate('en', 'scalars.points', { count: 0 })).toBe('0 points');
    expect(translate('ja', 'scalars.points', { count: 1 })).toBe('1 点');
  });

  it('follows the first known language among the candidates', () => {
    expect(pickLanguage([null, 'ja-JP', 'en-US'])).toBe('ja');
    expect(pickLanguage(['fr-FR', 'en_GB'])).toBe('en');
    expect(pickLanguage(['de', undefined])).toBe('en');
  });
});
