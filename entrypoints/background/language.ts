import { switchLanguage } from '@/lib/i18n';
import { readChecked, settingsItem, watchChecked } from '@/lib/storage';

/**
 * The worker's words (errors, notifications, menus) in the language the settings choose. The
 * browser's own i18n answers at once in the browser's language; a setting that chooses another
 * fetches that language's messages from the package. A message made before that read completes
 * is in the browser's language, which is what most people have chosen anyway.
 */
export function registerLanguage(): void {
  const follow = (setting: Parameters<typeof switchLanguage>[0]) =>
    switchLanguage(setting).catch((error: unknown) => console.error('WARest Companion: could not load the chosen language', error instanceof Error ? error.message : error));
  void readChecked(settingsItem).then((settings) => follow(settings.language));
  watchChecked(settingsItem, (settings) => void follow(settings.language));
}
