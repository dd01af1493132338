import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { useScheme, type Scheme } from './support/axe';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';
import { seedChat, appendMessage } from '../fake-server/chat-store';
import { chooseFromRowMenu, sessionRow } from './support/popup-page';

/**
 * The README's pictures, taken from the real build: the popup in light and dark, the QR login, a
 * chat, a group panel and All actions. Each run writes
 * them to .test-results/screenshots/; `UPDATE_SCREENSHOTS=1` also replaces the ones in
 * assets/screenshots/. The test checks what the pictures are meant to show: the theme the
 * system asks for, a page the width of the popup with nothing cut off sideways.
 */

const OUT = path.resolve('.test-results/screenshots');
const README_DIR = path.resolve('assets/screenshots');
const extension = useExtension();
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  const main = server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: '6281234567890' } });
  const now = Math.floor(Date.now() / 1000);
  const chat = seedChat(main, '6281111111111@s.whatsapp.net', 'Alex Marker');
  appendMessage(main, chat, { id: 'SHOT1', messageType: 'conversation', body: 'Hi! Is the blue one still in stock?', fromMe: false, timestamp: now - 300, read: true });
  appendMessage(main, chat, { id: 'SHOT2', messageType: 'extendedtextmessage', body: 'Yes, two left. Shall I keep one for you?', fromMe: true, timestamp: now - 240, read: true });
  appendMessage(main, chat, { id: 'SHOT3', messageType: 'conversation', body: 'Please do, I will pick it up tomorrow.', fromMe: false, timestamp: now - 60, read: true });
  server.addGroup('alice', 'main', { subject: 'Core Team' });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });
  server.addSession('alice', { id: 'support', status: 'connecting' });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url, name: 'Demo server' });
});
afterEach(async () => {
  await endServer(extension, server);
});

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

async function save(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(file, path.join(README_DIR, `${name}.png`));
}

describe.each(['light', 'dark'] as const)('the popup, %s', (scheme: Scheme) => {
  it('is drawn in that theme, the width of the popup, and pictured', async () => {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await useScheme(page, scheme);
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await sessionRow(page, 'main').waitFor();
    await sessionRow(page, 'support').waitFor();
    const background = luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    if (scheme === 'dark') expect(background).toBeLessThan(0.1);
    else expect(background).toBeGreaterThan(0.8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await save(page, scheme === 'light' ? 'popup' : 'popup-dark');
  });
});

describe('the README pictures of the views', () => {
  async function popupAt(width = 400, height = 600): Promise<Page> {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width, height });
    await useScheme(page, 'light');
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await sessionRow(page, 'main').waitFor();
    return page;
  }
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('the QR login: the code on white, with what to do', async () => {
    const page = await popupAt();
    await sessionRow(page, 'sales').getByRole('button', { name: 'Log in' }).click();
    const qr = page.getByRole('img', { name: /QR code/i });
    await qr.waitFor();
    // The code is drawn on white in both themes, or phones cannot read it.
    const white = await qr.evaluate((img) => {
      let node: Element | null = img;
      while (node) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
        node = node.parentElement;
      }
      return '';
    });
    expect(white).toBe('rgb(255, 255, 255)');
    expect(await noSidewaysScroll(page)).toBe(true);
    await save(page, 'qr-login');
  });

  it('a chat: oldest first, the newest at the bottom, mine on the right', async () => {
    const page = await popupAt();
    await chooseFromRowMenu(page, 'main', 'Chats');
    await page.getByRole('button', { name: 'Open Alex Marker' }).click();
    const messages = page.getByRole('list', { name: /^Messages \(\d+\)$/ }).getByRole('listitem');
    await expect.poll(() => messages.count()).toBe(3);
    expect(await messages.first().textContent()).toContain('Is the blue one still in stock?');
    expect(await messages.last().textContent()).toContain('I will pick it up tomorrow');
    // The bubbles inside the full-width rows: theirs starts at the left edge, mine ends at the right.
    const [theirs, mine] = await Promise.all([messages.first().locator('.bubble').boundingBox(), messages.nth(1).locator('.bubble').boundingBox()]);
    expect(mine!.x).toBeGreaterThan(theirs!.x);
    expect(mine!.x + mine!.width).toBeGreaterThan(theirs!.x + theirs!.width);
    expect(await noSidewaysScroll(page)).toBe(true);
    await save(page, 'chat');
  });

  it('a group panel: its name first, with Back at the top', async () => {
    const page = await popupAt();
    await chooseFromRowMenu(page, 'main', 'Groups');
    await page.getByRole('button', { name: /Core Team/ }).first().click();
    const heading = page.getByRole('heading', { name: 'Core Team' });
    await heading.waitFor();
    const back = page.getByRole('button', { name: /^Back/ }).first();
    expect((await back.boundingBox())!.y).toBeLessThan((await heading.boundingBox())!.y + 40);
    expect(await noSidewaysScroll(page)).toBe(true);
    await save(page, 'group-panel');
  });

  it('All actions: every operation, searchable', async () => {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await useScheme(page, 'light');
    await page.goto(`chrome-extension://${extension.extensionId}/actions.html`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('searchbox').first().fill('send text');
    await page.getByRole('button', { name: /Send text/ }).first().waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await save(page, 'all-actions');
  });
});
