import { slotsOf } from '../../lib/i18n/catalog';

/** What a translation lacks against English, one line per problem (tests/unit/i18n/locales.test.ts). */
export function missingTranslations(en: Record<string, Record<string, string>>, other: Record<string, Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [area, messages] of Object.entries(en)) {
    const translated = other[area];
    if (!translated) {
      problems.push(`${area}: no translation file`);
      continue;
    }
    for (const [key, message] of Object.entries(messages)) {
      if (!message.trim()) problems.push(`${area}.${key}: empty in English`);
      if (key.endsWith('_one') && `${key.slice(0, -4)}_other` in messages) continue;
      const there = translated[key];
      if (there === undefined) problems.push(`${area}.${key}: missing`);
      else if (!there.trim()) problems.push(`${area}.${key}: empty`);
      else if (slotsOf(there).join() !== slotsOf(message).join()) problems.push(`${area}.${key}: slots {${slotsOf(there)}} instead of {${slotsOf(message)}}`);
    }
    for (const key of Object.keys(translated)) if (!(key in messages)) problems.push(`${area}.${key}: not in English`);
  }
  for (const area of Object.keys(other)) if (!(area in en)) problems.push(`${area}: not in English`);
  return problems;
}
