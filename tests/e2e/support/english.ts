import { englishMessages } from '../../support/english-messages';

/**
 * The e2e tests run in Node and read the catalog (lib/warest/catalog) for labels to click, and
 * the catalog's words come from the browser's i18n (lib/i18n), which Node lacks: this gives the
 * test process the English catalogs, as the browser under test has them. It runs before any
 * test file is imported, so `browser` from wxt/browser (globalThis.chrome) is this one.
 */

const english = englishMessages();
const global = globalThis as unknown as { chrome?: object };
global.chrome ??= {
  i18n: { getMessage: (name: string) => english.get(name) ?? '', getUILanguage: () => 'en' },
};
