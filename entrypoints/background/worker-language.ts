import { currentLanguage, switchLanguage } from '@/lib/i18n';
import type { LanguageSetting } from '@/lib/i18n/catalog';

/**
 * The worker's language, as a leaf: what the browser keeps once made (the right-click menus)
 * waits for `languageReady` and is made again on a change. language.ts follows the setting.
 */

const changeListeners = new Set<() => void>();
let ready: Promise<void> = Promise.resolve();

async function follow(setting: LanguageSetting): Promise<void> {
  const before = currentLanguage();
  try {
    if ((await switchLanguage(setting)) !== before) for (const listener of changeListeners) listener();
  } catch (error) {
    console.error('WARest Companion: could not load the chosen language', error instanceof Error ? error.message : error);
  }
}

/** Switches to the setting's language after any switch still under way. */
export function followLanguage(setting: Promise<LanguageSetting> | LanguageSetting): Promise<void> {
  ready = ready.then(() => setting).then(follow);
  return ready;
}

/** Resolves once the setting's language is loaded (or could not be). */
export function languageReady(): Promise<void> {
  return ready;
}

/** Called after the worker's language changed. */
export function onLanguageChange(listener: () => void): void {
  changeListeners.add(listener);
}
