import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { sessionRow } from './support/popup-page';

/**
 * The popup in the language the settings choose. A page starts in the language it remembers (its
 * localStorage) and reloads itself when the stored setting differs or changes (lib/ui/language.ts),
 * so every check waits for the words of the language expected rather than racing that reload.
 * The browser here runs in English: Indonesian appears only because the setting asks for it.
 */

const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open' });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  // Every page of the extension shares one localStorage: a remembered Indonesian would make the
  // next test's options page (saveProfile) reload under it. Leave it remembering "auto" again.
  const open = extension.context.pages().find((page) => page.url().endsWith('/popup.html'));
  if (open) {
    await chooseLanguage(null);
    await seeEnglish(open);
  }
  await endServer(extension, server);
});

/** Writes the language into the stored settings from the worker, keeping the other settings. */
async function chooseLanguage(language: 'en' | 'id' | null): Promise<void> {
  await extension.background.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get('settings');
    const next: Record<string, unknown> = { requestTimeoutSec: 20, defaultCountryCode: '', pollIntervalSec: 30, ...(settings as object | undefined) };
    if (language) next.language = language;
    else delete next.language;
    await chrome.storage.local.set({ settings: next });
  }, language);
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Waits until the popup shows its header tools and the rows' primary actions in Indonesian. */
async function seeIndonesian(popup: Page): Promise<void> {
  const tools = popup.getByRole('navigation', { name: 'Menu' });
  await tools.getByRole('button', { name: 'Server dan pengaturan' }).waitFor();
  await sessionRow(popup, 'main').getByRole('button', { name: 'Kirim', exact: true }).waitFor();
  await sessionRow(popup, 'sales').getByRole('button', { name: 'Masuk', exact: true }).waitFor();
  expect(await tools.getByRole('button', { name: 'Semua aksi' }).count()).toBe(1);
  expect(await tools.getByRole('button', { name: 'Kampanye' }).count()).toBe(1);
  expect(await popup.getByRole('heading', { name: 'Sesi', exact: true }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: 'Sesi baru' }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: 'Servers and settings' }).count()).toBe(0);
  expect(await lang(popup)).toBe('id');
}

/** Waits until the popup shows the same places in English. */
async function seeEnglish(popup: Page): Promise<void> {
  const tools = popup.getByRole('navigation', { name: 'Places' });
  await tools.getByRole('button', { name: 'Servers and settings' }).waitFor();
  await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).waitFor();
  await sessionRow(popup, 'sales').getByRole('button', { name: 'Log in', exact: true }).waitFor();
  expect(await tools.getByRole('button', { name: 'All actions' }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: 'Server dan pengaturan' }).count()).toBe(0);
  expect(await lang(popup)).toBe('en');
}

describe('the popup’s language', () => {
  it('runs in a browser whose own language is English', async () => {
    // Without this, "absent means English" below would prove nothing.
    expect(await extension.background.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^en/);
  });

  it('is Indonesian when the settings choose it', async () => {
    await chooseLanguage('id');
    const popup = await extension.openPage('popup.html');
    await seeIndonesian(popup);
  });

  it('follows a change to English while the popup is open', async () => {
    await chooseLanguage('id');
    const popup = await extension.openPage('popup.html');
    await seeIndonesian(popup);
    await chooseLanguage('en');
    await seeEnglish(popup);
  });

  it('is English again once the setting is gone, though the page remembered Indonesian', async () => {
    await chooseLanguage('id');
    const first = await extension.openPage('popup.html');
    await seeIndonesian(first);
    await first.close();
    await chooseLanguage(null);
    // It starts in the remembered Indonesian, reads the setting, and reloads in English.
    const popup = await extension.openPage('popup.html');
    await seeEnglish(popup);
  });
});

describe('Indonesian everywhere', () => {
  // A message the catalogs lack would show its own name, `<area>_<key>` (lib/i18n).
  const MESSAGE_NAME = /\b(?:account|actions|allservers|answers|campaigns|chats|common|compose|errors|menuaction|ops|options|popup|popupshared|server|sessions|sessiontools|status|tools|work|worker)_[A-Za-z0-9_]+\b/;

  it('every page is in Indonesian, with no message missing', async () => {
    await chooseLanguage('id');
    const popup = await extension.openPage('popup.html');
    await seeIndonesian(popup);
    for (const file of ['options.html', 'actions.html', 'campaigns.html']) {
      const page = await extension.openPage(file);
      await expect.poll(() => lang(page)).toBe('id');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(MESSAGE_NAME);
      // Words only the English catalogs have are gone: the page is not English under an id tag.
      expect(text).not.toMatch(/\b(?:Settings|Servers|Search|Campaigns)\b/);
      await page.close();
    }
    expect(await popup.locator('body').innerText()).not.toMatch(MESSAGE_NAME);
  });

  it('the worker answers in Indonesian too: a server that cannot be reached, and the catalog’s labels', async () => {
    await chooseLanguage('id');
    const popup = await extension.openPage('popup.html');
    await seeIndonesian(popup);
    await server.stopListening();
    // The worker follows the setting by itself; ask it as a page would, until its words are Indonesian.
    const ask = () =>
      popup.evaluate(async () => {
        const reply = (await chrome.runtime.sendMessage({ protocol: 'warest-companion/1', type: 'operation.call', payload: { operationId: 'getSessionList', inputs: {} } })) as { ok: boolean; error?: { message: string } };
        return reply.ok ? 'ok' : (reply.error?.message ?? '');
      });
    await expect.poll(ask, { timeout: 15_000 }).toMatch(/^Tidak dapat menjangkau 127\.0\.0\.1/);
    await server.startListening();
    const actions = await extension.openPage('actions.html');
    await expect.poll(() => lang(actions)).toBe('id');
    await actions.getByRole('button', { name: /Daftar sesi/ }).first().waitFor();
    await actions.close();
  });
});
