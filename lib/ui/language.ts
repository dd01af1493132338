import { switchLanguage } from '../i18n';
import type { LanguageSetting } from '../i18n/catalog';
import { settingsItem, watchChecked } from '../storage';
import { settingsAtStart } from './page-settings';

/**
 * A page's language at start: the setting remembered in the page origin's localStorage decides
 * at once (awaited before the first render only when it chooses a language other than the
 * browser's, which means fetching its messages). The stored setting is then read; when it
 * differs, or changes while the page is open, the page reloads in the new language: every string
 * is read once, when drawn.
 */

const CACHE_KEY = 'language';

function remembered(): LanguageSetting {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    return value === 'en' || value === 'id' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** Whether it was kept: a page whose origin has no localStorage must not reload for ever. */
function remember(setting: LanguageSetting): boolean {
  try {
    localStorage.setItem(CACHE_KEY, setting ?? 'auto');
    return localStorage.getItem(CACHE_KEY) === (setting ?? 'auto');
  } catch {
    return false;
  }
}

export async function startPageLanguage(): Promise<void> {
  const cached = remembered();
  try {
    await switchLanguage(cached);
  } catch (error) {
    console.error('WARest Companion: could not load the chosen language', error instanceof Error ? error.message : error);
  }
  const follow = (setting: LanguageSetting) => {
    if ((setting ?? 'auto') === cached) return;
    if (remember(setting)) location.reload();
  };
  void settingsAtStart().then((settings) => follow(settings.language));
  watchChecked(settingsItem, (settings) => follow(settings.language));
}
