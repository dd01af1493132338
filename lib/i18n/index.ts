import { browser } from 'wxt/browser';
import type { Area, Areas } from './areas';
import { fill, fromChromeMessages, pluralKey, resolveLanguage, type ChromeMessages, type Language, type LanguageSetting } from './catalog';

/**
 * The interface's words in the person's language. When the language follows the browser, the
 * browser's own i18n answers (synchronously, from the packaged _locales). When the settings
 * choose another language than the browser's, that language's messages.json is fetched from
 * the package once and answers instead. Nothing here is bundled into a page's JavaScript: every
 * string is in _locales.
 */

let language: Language = resolveLanguage(undefined, uiLanguage());
let chosen: Map<string, string> | undefined;

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

/** The language the browser's i18n answers in: ours when it is the browser's, else the default. */
function browserAnswers(): Language {
  return resolveLanguage(undefined, uiLanguage());
}

/** Switches to the language the setting names (or the browser's); resolves once its words are loaded. */
export async function switchLanguage(setting: LanguageSetting): Promise<Language> {
  const next = resolveLanguage(setting, uiLanguage());
  if (next === browserAnswers()) {
    chosen = undefined;
  } else if (next !== language || !chosen) {
    const response = await fetch(browser.runtime.getURL(`/_locales/${next}/messages.json` as '/'));
    chosen = fromChromeMessages((await response.json()) as ChromeMessages);
  }
  language = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  return next;
}

export function currentLanguage(): Language {
  return language;
}

function browserMessage(name: string): string {
  try {
    return browser.i18n.getMessage(name as never);
  } catch {
    return ''; // outside an extension (a benchmark under Node): the name shows instead
  }
}

function lookUp(name: string): string {
  const found = chosen ? chosen.get(name) : browserMessage(name);
  return found || name; // a missing message shows its name: wrong, but never blank
}

type Vars = Readonly<Record<string, string | number>>;
/** Keys of an area, and the base of its counted messages (`files_one` / `files_other` → `files`). */
type Key<A extends Area> = keyof Areas[A] & string;
type CountedKey<A extends Area> = Key<A> extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

export interface Texts<A extends Area> {
  (key: Key<A>, vars?: Vars): string;
  /** The form for `count` (`{count}` is filled in too). */
  count(key: CountedKey<A>, count: number, vars?: Vars): string;
}

/** The words of one area: `const t = textsOf('sessions'); t('title')`, `t.count('rows', n)`. */
export function textsOf<A extends Area>(area: A): Texts<A> {
  const say = (key: string, vars?: Vars) => fill(lookUp(`${area}_${key}`), vars);
  const count = (key: string, n: number, vars?: Vars) => fill(lookUp(`${area}_${pluralKey(key, n, language)}`), { count: n, ...vars });
  return Object.assign(say, { count }) as Texts<A>;
}
