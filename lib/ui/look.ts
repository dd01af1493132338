import { settingsItem, watchChecked, type Settings } from '../storage';
import { settingsAtStart } from './page-settings';

/**
 * Light or dark on every page. "auto" (or no setting) leaves it to the system through the theme's
 * light-dark() colours; "light" or "dark" sets <html data-theme>. The last choice is also kept in
 * the page origin's localStorage, read synchronously before the first paint, so a forced theme
 * never flashes the other one while chrome.storage answers.
 */

type Theme = NonNullable<Settings['theme']>;
const CACHE_KEY = 'theme';

function apply(theme: Theme | undefined): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
  try {
    localStorage.setItem(CACHE_KEY, theme ?? 'auto');
  } catch {
    // Storage can be off for the origin; the stored setting still applies once read.
  }
}

/** Applies the remembered theme at once, then the stored setting, and follows its changes. */
export function followThemeSetting(): void {
  try {
    const cached = localStorage.getItem(CACHE_KEY);
    if (cached === 'light' || cached === 'dark') document.documentElement.dataset.theme = cached;
  } catch {
    // See above.
  }
  void settingsAtStart().then((settings) => apply(settings.theme));
  watchChecked(settingsItem, (settings) => apply(settings.theme));
}
