import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { dispatchMenuClick } from './support/browser-events';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { addServer, testConnection } from './support/options-page';
import { chooseFromRowMenu, sessionRow } from './support/popup-page';

/**
 * The key canary: a distinctive API key is saved through the options page, then every page is
 * used as a person would (popup views, a send, All actions with Copy as cURL, a right-click
 * window). Afterwards the key may be found in exactly three places: the background's key item in
 * storage, the X-WAREST-API-KEY header of requests to its own server, and the live-events
 * handshake. Nowhere else: not in any page's DOM or storage, not in a console line, not in a
 * notification, not in what was copied, not in any other part of any request.
 */

const CANARY = 'wk_CANARY_5f1e9d3b7a2c4e60';
const extension = useExtension();
let server: FakeWarest;
const consoleLines: string[] = [];
const pages: Page[] = [];

function watch(page: Page): Page {
  pages.push(page);
  page.on('console', (message: ConsoleMessage) => void consoleLines.push(message.text()));
  page.on('pageerror', (error) => void consoleLines.push(String(error)));
  return page;
}

async function open(file: string): Promise<Page> {
  return watch(await extension.openPage(file));
}

/** Everything a page holds that a script or a person could read. */
async function pageContents(page: Page): Promise<string> {
  return page.evaluate(() => [document.documentElement.outerHTML, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), location.href].join('\n'));
}

beforeEach(async () => {
  server = await startFakeWarest({ keys: [{ key: CANARY, user: 'alice', admin: true }], allowedOrigins: '*' });
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice', phone: '6281234567890' }, contacts: [{ phone: '6281111111111', name: 'Budi' }] });
  server.addGroup('alice', 'main', { subject: 'Team', participants: [{ phone: '6281111111111', name: 'Budi' }] });
  await resetExtension(extension);
  extension.background.on('console', (message) => void consoleLines.push(message.text()));
});
afterEach(async () => {
  pages.length = 0;
  consoleLines.length = 0;
  await endServer(extension, server);
});

describe('the API key canary', () => {
  it('is found only in the key item, its own server’s request header and the live-events handshake', async () => {
    // Options: save through the form, test the connection.
    const options = await open('options.html');
    await addServer(options, { name: 'Office', url: server.url, key: CANARY });
    expect((await testConnection(options)).join('\n')).toMatch(/API key accepted/);

    // Popup: the list, then each view of the open session.
    const popup = await open('popup.html');
    await sessionRow(popup, 'main').waitFor();
    for (const view of ['Groups', 'Chats', 'Profile']) {
      await chooseFromRowMenu(popup, 'main', view);
      await popup.getByRole('button', { name: 'Back to sessions' }).first().click();
      await sessionRow(popup, 'main').waitFor();
    }
    await popup.getByRole('button', { name: 'Server details' }).click();
    await popup.getByText(/Answers in/).waitFor();
    await popup.getByRole('button', { name: 'Back to sessions' }).click();
    await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Phone number or WhatsApp id' }).fill('+62 811 1111 1111');
    await popup.getByLabel('Message', { exact: true }).fill('Canary test');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('status', { name: 'Sent' }).waitFor();

    // All actions: run one, copy it as cURL (the command is shown on the page too).
    const actions = await open('actions.html?op=getSessionList');
    await actions.getByRole('button', { name: 'Run', exact: true }).click();
    await actions.getByRole('button', { name: 'Copy JSON' }).waitFor();
    await actions.getByRole('button', { name: 'Copy as cURL' }).click();
    const command = (await actions.getByLabel('cURL command').textContent())!;
    expect(command).toContain('$WAREST_API_KEY');
    expect(command).not.toContain(CANARY);

    // A right-click window: check a number.
    const opened = extension.context.waitForEvent('page');
    await dispatchMenuClick(extension, { menuItemId: 'warest-check-numbers', selectionText: '+62 811 1111 1111', editable: false, pageUrl: 'https://example.org/' }, { id: 1, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false, url: 'https://example.org/' });
    const menuWindow = watch(await opened);
    await menuWindow.getByRole('button', { name: /^Check 1 number/ }).click();
    await menuWindow.getByRole('status').filter({ hasText: /on WhatsApp/ }).first().waitFor();

    // Where it may be: storage holds it in the key item only.
    const stored = await extension.background.evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }));
    const holders = Object.entries(stored.local).filter(([, value]) => JSON.stringify(value).includes(CANARY)).map(([key]) => key);
    expect(holders).toEqual(['apiKeys']);
    expect(JSON.stringify(stored.session)).not.toContain(CANARY);

    // Requests carry it in the key header only.
    expect(server.requests.length).toBeGreaterThan(10);
    for (const request of server.requests) {
      const { 'x-warest-api-key': header, ...otherHeaders } = request.headers;
      if (request.path.startsWith('/api/')) expect(header === undefined || header === CANARY).toBe(true);
      expect(JSON.stringify({ otherHeaders, path: request.path, query: request.query, body: request.body })).not.toContain(CANARY);
    }
    expect(server.requests.some((request) => request.headers['x-warest-api-key'] === CANARY)).toBe(true);
    // And the live-events handshake authenticated with it (the server allows origin *).
    await expect.poll(() => server.liveSockets(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Nowhere else: pages, console lines, notifications.
    for (const page of pages) if (!page.isClosed()) expect(await pageContents(page), page.url()).not.toContain(CANARY);
    expect(consoleLines.filter((line) => line.includes(CANARY))).toEqual([]);
    const notes = await extension.background.evaluate(() => chrome.notifications.getAll());
    expect(JSON.stringify(notes)).not.toContain(CANARY);
    // The key is not in the extension's own code either.
    const bundle = await extension.background.evaluate(async () => (await fetch(chrome.runtime.getURL('/background.js'))).text());
    expect(bundle).not.toContain(CANARY);
  });
});
