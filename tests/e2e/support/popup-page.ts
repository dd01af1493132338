import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import { askFromPage } from './extension';

/** Saves a server profile through the background, as the options page does, and opens the popup. */
export async function openPopupFor(extension: LoadedExtension, server: { url: string; key?: string; name?: string }): Promise<Page> {
  const setup = await extension.openPage('options.html');
  const saved = await askFromPage(setup, 'profile.save', { name: server.name ?? 'Office', baseUrl: server.url, apiKey: server.key ?? 'user-key' });
  if (!saved.ok) throw new Error(`could not save the profile: ${saved.error.message}`);
  await setup.close();
  const popup = await extension.openPage('popup.html');
  return popup;
}

/** The session list item for one session, found by its accessible name (id and status word). */
export function sessionRow(popup: Page, sessionId: string) {
  return popup.getByRole('listitem', { name: new RegExp(`^${sessionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) });
}
