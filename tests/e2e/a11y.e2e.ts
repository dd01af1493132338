import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { seriousViolations, useScheme, type Scheme } from './support/axe';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { seedChat, appendMessage } from '../fake-server/chat-store';
import { chooseFromRowMenu, sessionRow } from './support/popup-page';

/**
 * Accessibility of every page and popup view, light and dark: axe-core finds no serious or
 * critical WCAG 2.2 AA violation (contrast, names, roles, targets). Each view is reached the way a
 * person would reach it, then checked once painted.
 */

const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  const main = server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  const chat = seedChat(main, '6281111111111@s.whatsapp.net', 'Alex Marker');
  appendMessage(main, chat, { id: 'A11Y1', messageType: 'conversation', body: 'Hello there', fromMe: false, timestamp: Math.floor(Date.now() / 1000) - 60, read: true });
  appendMessage(main, chat, { id: 'A11Y2', messageType: 'extendedtextmessage', body: 'Hi!', fromMe: true, timestamp: Math.floor(Date.now() / 1000) - 30, read: true });
  server.addGroup('alice', 'main', { subject: 'Core Team' });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

async function open(file: string, scheme: Scheme): Promise<Page> {
  const page = await extension.context.newPage();
  await useScheme(page, scheme);
  await page.goto(`chrome-extension://${extension.extensionId}/${file}`);
  return page;
}

it('the check is live: a nameless button and faint text are reported', async () => {
  const page = await open('options.html', 'light');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'faint';
    faint.style.color = '#ddd';
    document.body.append(document.createElement('button'), faint);
  });
  const found = await seriousViolations(page);
  expect(found.some((line) => line.startsWith('button-name'))).toBe(true);
  expect(found.some((line) => line.startsWith('color-contrast'))).toBe(true);
});

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  it('the popup session list', async () => {
    const popup = await open('popup.html', scheme);
    await sessionRow(popup, 'main').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
  });

  /** A popup view, reached as a person would, checked once its heading has the focus and its data is in. */
  async function checkView(reach: (popup: Page) => Promise<void>): Promise<string[]> {
    const popup = await open('popup.html', scheme);
    await sessionRow(popup, 'main').waitFor();
    await reach(popup);
    await expect.poll(() => popup.evaluate(() => /^H[12]$/.test(document.activeElement?.tagName ?? '')), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => popup.locator('.skeleton').count(), { timeout: 15_000 }).toBe(0);
    return seriousViolations(popup);
  }

  it.each([
    ['Send', (popup: Page) => sessionRow(popup, 'main').getByRole('button', { name: 'Send' }).click()],
    ['Chats', (popup: Page) => chooseFromRowMenu(popup, 'main', 'Chats')],
    ['Groups', (popup: Page) => chooseFromRowMenu(popup, 'main', 'Groups')],
    ['Profile', (popup: Page) => chooseFromRowMenu(popup, 'main', 'Profile')],
    ['Devices', (popup: Page) => chooseFromRowMenu(popup, 'main', 'Devices')],
    ['Webhook', (popup: Page) => chooseFromRowMenu(popup, 'main', 'Webhook')],
    ['New session', (popup: Page) => popup.getByRole('button', { name: 'New session' }).click()],
    ['Log in (QR code)', (popup: Page) => sessionRow(popup, 'sales').getByRole('button', { name: 'Log in' }).click()],
  ])('the popup view %s', async (_name, reach) => {
    expect(await checkView(reach)).toEqual([]);
  });

  it('a chat', async () => {
    const found = await checkView(async (popup) => {
      await chooseFromRowMenu(popup, 'main', 'Chats');
      await popup.getByRole('button', { name: 'Open Alex Marker' }).click();
      await popup.getByRole('list', { name: /^Messages \(\d+\)$/ }).waitFor();
    });
    expect(found).toEqual([]);
  });

  it('a group panel', async () => {
    const found = await checkView(async (popup) => {
      await chooseFromRowMenu(popup, 'main', 'Groups');
      await popup.getByRole('button', { name: /Core Team/ }).first().click();
      await popup.getByRole('heading', { name: 'Core Team' }).waitFor();
    });
    expect(found).toEqual([]);
  });

  it('the options page', async () => {
    const page = await open('options.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('All actions', async () => {
    const page = await open('actions.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Campaigns', async () => {
    const page = await open('campaigns.html', scheme);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
