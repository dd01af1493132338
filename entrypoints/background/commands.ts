import { browser } from 'wxt/browser';

/** Keyboard shortcuts (manifest `commands`): `open-all-actions` opens the All actions page in a tab. */
export const OPEN_ALL_ACTIONS = 'open-all-actions';

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === OPEN_ALL_ACTIONS) void browser.tabs.create({ url: browser.runtime.getURL('/actions.html') });
  });
}
