import { browser } from 'wxt/browser';

/** Keyboard shortcuts (manifest `commands`): `open-all-actions` opens the All actions page in a tab. */
export const OPEN_ALL_ACTIONS = 'open-all-actions';

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command !== OPEN_ALL_ACTIONS) return;
    const url = browser.runtime.getURL('/actions.html');
    // With no browser window open (only the extension's own windows were), a tab has nowhere to go.
    void browser.tabs.create({ url }).catch(() => browser.windows.create({ url }));
  });
}
