import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, toChromeMessages } from '@/lib/i18n/catalog';
import { missingTranslations } from '../../support/locale-check';

/**
 * Both languages say everything: every area has a file in each language, every English message
 * has its Indonesian one (a counted message needs only `_other` there), with the same {slots},
 * and nothing is empty. lib/i18n/areas.ts names every area, so keys are typed from English.
 */

const ROOT = path.resolve(__dirname, '../../../locales');
const read = (language: string) =>
  Object.fromEntries(
    fs.readdirSync(path.join(ROOT, language)).filter((f) => f.endsWith('.json')).map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(ROOT, language, f), 'utf8')) as Record<string, string>]),
  );
const english = read('en');
const indonesian = read('id');

describe('the catalogs', () => {
  it('exist for every language', () => {
    for (const language of LANGUAGES) expect(fs.existsSync(path.join(ROOT, language))).toBe(true);
  });

  it('translate every English message into Indonesian, with the same slots', () => {
    expect(missingTranslations(english, indonesian)).toEqual([]);
  });

  it('build into the browser’s format', () => {
    for (const language of LANGUAGES) expect(() => toChromeMessages(read(language))).not.toThrow();
  });

  it('name every area in lib/i18n/areas.ts, so keys are typed', () => {
    const areas = fs.readFileSync(path.resolve(__dirname, '../../../lib/i18n/areas.ts'), 'utf8');
    for (const area of Object.keys(english)) expect(areas).toContain(`locales/en/${area}.json`);
  });

  it('catch a missing, an empty, a wrong-slot and an extra message', () => {
    const en = { a: { one: 'One', hi: 'Hi {name}', files_one: '{count} file', files_other: '{count} files' } };
    expect(missingTranslations(en, { a: { one: 'Satu', hi: 'Hai {nama}', files_other: '{count} berkas', extra: 'x' } })).toEqual(['a.hi: slots {nama} instead of {name}', 'a.extra: not in English']);
    expect(missingTranslations(en, { a: { one: ' ', files_other: '{count} berkas' } })).toEqual(['a.one: empty', 'a.hi: missing']);
    expect(missingTranslations(en, {})).toEqual(['a: no translation file']);
  });
});
