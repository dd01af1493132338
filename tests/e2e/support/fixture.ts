import { afterAll, beforeAll, expect } from 'vitest';
import type { FakeWarest } from '../../fake-server/index';
import { askFromPage, loadExtension, type LoadedExtension } from './extension';

/**
 * What every end-to-end file does around its tests: one browser with the extension per file,
 * a clean extension before each test, and after each test a check that the fake server saw
 * nothing outside WARest's published contract.
 */

/** Loads the extension once for the file; the returned object reaches it once loaded. */
export function useExtension(): LoadedExtension {
  let loaded: LoadedExtension | undefined;
  beforeAll(async () => {
    loaded = await loadExtension();
  });
  afterAll(async () => {
    await loaded?.close();
  });
  const current = (): LoadedExtension => {
    if (!loaded) throw new Error('the extension is not loaded yet');
    return loaded;
  };
  return {
    get context() {
      return current().context;
    },
    get extensionId() {
      return current().extensionId;
    },
    get background() {
      return current().background;
    },
    openPage: (file) => current().openPage(file),
    close: () => current().close(),
  };
}

/** Forgets everything the previous test left: stored state, handoffs and notifications. */
export async function resetExtension(extension: LoadedExtension): Promise<void> {
  await extension.background.evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

/** Saves a server profile through the background, as the options page does. */
export async function saveProfile(extension: LoadedExtension, server: { url: string; key?: string; name?: string }): Promise<void> {
  const setup = await extension.openPage('options.html');
  const saved = await askFromPage(setup, 'profile.save', { name: server.name ?? 'Office', baseUrl: server.url, apiKey: server.key ?? 'user-key' });
  await setup.close();
  if (!saved.ok) throw new Error(`could not save the profile: ${saved.error.message}`);
}

/** Closes the test's pages, checks the server saw only valid requests and no crash, and stops it. */
export async function endServer(extension: LoadedExtension, server: FakeWarest | undefined): Promise<void> {
  for (const page of extension.context.pages()) await page.close();
  if (!server) return;
  expect(server.violations()).toEqual([]);
  expect(server.errors).toEqual([]);
  await server.stop();
}
