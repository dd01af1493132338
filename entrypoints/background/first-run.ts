import { browser } from 'wxt/browser';

/** On install, the options page opens with its first-run guide (server URL, key, country code). */
export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
}
