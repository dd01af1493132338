import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { LANGUAGES, toChromeMessages } from './lib/i18n/catalog';

/** locales/<language>/<area>.json → _locales/<language>/messages.json (lib/i18n/catalog.ts). */
function browserLocales() {
  return LANGUAGES.map((language) => {
    const dir = path.resolve('locales', language);
    const areas = Object.fromEntries(
      fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]),
    );
    return { relativeDest: `_locales/${language}/messages.json`, contents: JSON.stringify(toChromeMessages(areas)) };
  });
}

// The e2e build (WXT_E2E=1 wxt build) is the shipped production build plus host access to the
// loopback fake server, because a headless browser cannot answer a permission prompt (see
// ../shared/TESTING.md). Nothing else differs, so tests and benchmarks run what ships.
const e2e = process.env.WXT_E2E === '1';

export default defineConfig({
  ...(e2e && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  hooks: {
    // The pages' shared libraries in two chunks of their own, so they are not spread thin over
    // many small chunks (each gzipped apart, losing the compression they share): React and the
    // state store, validation and the browser layer, and the start. Only for the pages' build: the service
    // worker is one classic script with no chunks.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.type === 'background')) return;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      const output = (config.build.rolldownOptions.output ??= {});
      if (Array.isArray(output)) return;
      // The storage layer's modules only define things (items, schemas; tests/unit/storage/
      // definitions-only.test.ts keeps it so): a page that imports the storage index for three
      // items no longer carries all seventeen and their schemas. page-repair.ts is the one file
      // there that acts when imported. With the `start` group below (what every page reads as it
      // opens, in one chunk instead of eight) the popup's first JS went from 91.1 to 88.5 KB gz.
      config.build.rolldownOptions.treeshake = {
        moduleSideEffects: (id: string) => !/[\\/]lib[\\/](storage[\\/](?!page-repair)|schema\.ts)/.test(id),
      };
      output.codeSplitting = {
        groups: [
          { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ },
          { name: 'base', test: /node_modules[\\/](valibot|webextension-polyfill)[\\/]/ },
          { name: 'start', test: /[\\/]lib[\\/](storage[\\/](items[\\/](settings|profiles|session-snapshots|storage-notices|popup-focus|login-in-progress)\.ts|checked|define|inspect|limits|page-repair)|schema|messaging[\\/]|i18n[\\/]|ui[\\/](look|language|page-settings|profile-choice))/ },
        ],
      };
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...browserLocales());
    },
  },
  manifest: {
    // In the person's language, from locales/*/manifest.json.
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: ['storage', 'declarativeNetRequestWithHostAccess', 'alarms', 'notifications', 'contextMenus'],
    // Access is asked per configured server when the user saves it, never for all sites up front.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(e2e && { host_permissions: ['http://127.0.0.1/*'] }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_manifest_actionTitle__' },
    // `wa <number> <message>` in the address bar (entrypoints/background/omnibox.ts).
    omnibox: { keyword: 'wa' },
    // Keyboard: open the popup, and open All actions (entrypoints/background/commands.ts).
    commands: {
      _execute_action: { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: 'Open WARest Companion' },
      'open-all-actions': { suggested_key: { default: 'Ctrl+Shift+U', mac: 'Command+Shift+U' }, description: 'Open All actions' },
    },
  },
});
