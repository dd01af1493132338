import fs from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no i18n: unit tests render components in English, from the same
 * catalogs the build packs into _locales (a message is `<area>_<key>`, lib/i18n/catalog.ts).
 * fakeBrowser.reset() leaves i18n alone, so setting it once per file is enough.
 */

const dir = path.resolve(__dirname, '../../../locales/en');
const english = new Map<string, string>();
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>;
  for (const [key, message] of Object.entries(messages)) english.set(`${file.slice(0, -5)}_${key}`, message);
}

Object.assign(fakeBrowser.i18n, {
  getMessage: (name: string) => english.get(name) ?? '',
  getUILanguage: () => 'en',
});
