import { defineConfig } from 'wxt';

// The e2e build (WXT_E2E=1 wxt build) is the shipped production build plus host access to the
// loopback fake server, because a headless browser cannot answer a permission prompt (see
// ../shared/TESTING.md). Nothing else differs, so tests and benchmarks run what ships.
const e2e = process.env.WXT_E2E === '1';

export default defineConfig({
  ...(e2e && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  manifest: {
    name: 'WARest Companion',
    description: 'Your self-hosted WARest WhatsApp REST API server, one click away: sessions, groups, messages and every other operation.',
    permissions: ['storage', 'declarativeNetRequestWithHostAccess', 'alarms', 'notifications', 'contextMenus'],
    // Access is asked per configured server when the user saves it, never for all sites up front.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(e2e && { host_permissions: ['http://127.0.0.1/*'] }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'WARest Companion' },
    // `wa <number> <message>` in the address bar (entrypoints/background/omnibox.ts).
    omnibox: { keyword: 'wa' },
    // Keyboard: open the popup, and open All actions (entrypoints/background/commands.ts).
    commands: {
      _execute_action: { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: 'Open WARest Companion' },
      'open-all-actions': { suggested_key: { default: 'Ctrl+Shift+U', mac: 'Command+Shift+U' }, description: 'Open All actions' },
    },
  },
});
