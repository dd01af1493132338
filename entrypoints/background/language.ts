import { readChecked, settingsItem, watchChecked } from '@/lib/storage';
import { followLanguage } from './worker-language';

/**
 * The worker's words (errors, notifications, menus) in the language the settings choose. The
 * browser's own i18n answers at once in the browser's language; a setting that chooses another
 * fetches that language's messages from the package. A message made before that read completes
 * is in the browser's language, which is what most people have chosen anyway.
 */
export function registerLanguage(): void {
  void followLanguage(readChecked(settingsItem).then((settings) => settings.language));
  watchChecked(settingsItem, (settings) => void followLanguage(settings.language));
}
