import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessages } from '../../support/english-messages';

/**
 * The fake browser has no i18n: unit tests render components in English, from the same
 * catalogs the build packs into _locales (a message is `<area>_<key>`, lib/i18n/catalog.ts).
 * fakeBrowser.reset() leaves i18n alone, so setting it once per file is enough.
 */

const english = englishMessages();

Object.assign(fakeBrowser.i18n, {
  getMessage: (name: string) => english.get(name) ?? '',
  getUILanguage: () => 'en',
});
