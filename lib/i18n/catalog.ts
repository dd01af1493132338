/**
 * The pure part of the interface's languages. Strings live in locales/<language>/<area>.json,
 * one flat object per area ("sessions", "options", …) so parallel work on different areas never
 * touches the same file. The build turns them into the browser's own _locales/<language>/
 * messages.json (wxt.config.ts), where a message's name is `<area>_<key>`; the manifest reads
 * its name and description from there too.
 *
 * A message may hold `{name}` slots, filled by `fill`. A count picks its form through the
 * language's plural rules: `key_one` / `key_other` in English; Indonesian needs only `key_other`.
 */

export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto' | undefined;
export const DEFAULT_LANGUAGE: Language = 'en';

export type AreaMessages = Record<string, string>;
export type ChromeMessages = Record<string, { message: string; description?: string }>;

/** The language to show: the setting when it names one, else the browser's when we have it, else English. */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting === 'en' || setting === 'id') return setting;
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  // "in" is the older code for Indonesian that some systems still report.
  return base === 'id' || base === 'in' ? 'id' : DEFAULT_LANGUAGE;
}

/** Replaces each `{name}` with its value; a slot without a value stays visible, so it is noticed. */
export function fill(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));
}

/** The slots a message uses, sorted: a translation must use the same ones. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The browser's messages.json content for one language from its areas. `$` is doubled: it is the browser's own placeholder mark. */
export function toChromeMessages(areas: Readonly<Record<string, AreaMessages>>): ChromeMessages {
  const out: ChromeMessages = {};
  for (const [area, messages] of Object.entries(areas)) {
    if (!/^[a-z][a-z0-9]*$/.test(area)) throw new Error(`area name "${area}" must be lower-case letters and digits`); // i18n-exempt: build-time error for developers
    for (const [key, message] of Object.entries(messages)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`message key "${area}.${key}" may hold only letters, digits and _`); // i18n-exempt: build-time error for developers
      out[`${area}_${key}`] = { message: message.replace(/\$/g, '$$$$') };
    }
  }
  return out;
}

/** The browser's messages.json back to plain templates (the `$$` undone), for a language loaded by the page itself. */
export function fromChromeMessages(messages: ChromeMessages): Map<string, string> {
  return new Map(Object.entries(messages).map(([name, { message }]) => [name, message.replace(/\$\$/g, '$')]));
}

/** The message name for a count in a language: `key_one` or `key_other` (English), `key_other` (Indonesian). */
export function pluralKey(key: string, count: number, language: Language): string {
  return `${key}_${new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other'}`;
}
