import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import { saveProfile } from './fixture';

/** Saves a server profile through the background, as the options page does, and opens the popup. */
export async function openPopupFor(extension: LoadedExtension, server: { url: string; key?: string; name?: string }): Promise<Page> {
  await saveProfile(extension, server);
  return extension.openPage('popup.html');
}

/** The session list item for one session, found by its accessible name (id and status word). */
export function sessionRow(popup: Page, sessionId: string) {
  return popup.getByRole('listitem', { name: new RegExp(`^${sessionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) });
}

/** Chooses an action from a session row's overflow menu ("More for <id>"), as a person would. */
export async function chooseFromRowMenu(popup: Page, sessionId: string, item: string): Promise<void> {
  await sessionRow(popup, sessionId).getByRole('button', { name: `More for ${sessionId}` }).click();
  await popup.getByRole('menu', { name: `More for ${sessionId}` }).getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * The popup opened again in a page whose browser language (`navigator.language`) is `language`,
 * e.g. "id-ID" for a browser that suggests +62; the page it replaces is closed.
 */
export async function reopenWithBrowserLanguage(extension: LoadedExtension, popup: Page, language: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.addInitScript((tag) => Object.defineProperty(Navigator.prototype, 'language', { get: () => tag }), language);
  await page.goto(popup.url());
  await popup.close();
  return page;
}
