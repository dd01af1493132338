import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { dispatchMenuClick } from './support/browser-events';
import { askFromPage, loadExtension, type LoadedExtension } from './support/extension';
import { sessionRow } from './support/popup-page';
import { runningWorkers, stopWorker } from './support/worker';

/**
 * The service worker stops mid-work — during a composer send, a right-click send, a QR login —
 * and the person is told the truth: a message whose answer never came is looked for in the chat
 * before anything is said; it is never reported as not sent, and never sent twice unless the
 * person asks for it knowingly. Each test holds the fake server's answers at the moment that
 * matters (nothing here races a clock), and each gets a browser of its own, since a stopped
 * worker's handle is gone for good.
 */

const BUDI = '6281111111111';
const BUDI_CHAT = `${BUDI}@s.whatsapp.net`;
let extension: LoadedExtension;
let server: FakeWarest;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice', phone: '6281234567890' }, contacts: [{ phone: BUDI, name: 'Budi' }] });
  extension = await loadExtension();
  const setup = await extension.openPage('options.html');
  const saved = await askFromPage(setup, 'profile.save', { name: 'Office', baseUrl: server.url, apiKey: 'user-key' });
  if (!saved.ok) throw new Error(saved.error.message);
  await setup.close();
});
afterEach(async () => {
  await extension.close();
  expect(server.violations()).toEqual([]);
  expect(server.errors).toEqual([]);
  await server.stop();
});

const sentTo = (jid: string) => server.state.sessions.get('main')!.chats.get(jid)?.messages.filter((m) => m.fromMe) ?? [];

async function composeText(text: string): Promise<Page> {
  const popup = await extension.openPage('popup.html');
  await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
  await popup.getByRole('textbox', { name: 'Phone number or WhatsApp id' }).fill(`+${BUDI}`);
  await popup.getByLabel('Message', { exact: true }).fill(text);
  return popup;
}

describe('a composer send when the worker stops before its answer', () => {
  it('finds the message in the chat and says it was sent, once', async () => {
    const popup = await composeText('Stopped mid-send');
    const send = server.hold({ operationId: 'postMessagesSendText' });
    const check = server.hold({ operationId: 'getChatsChatIdMessages' });
    await popup.getByRole('button', { name: 'Send text' }).click();
    await send.arrived;
    await stopWorker(extension, { untilGone: false });

    // The popup got no answer: it does not say "not sent"; it looks in the chat (a new worker).
    const unsure = popup.getByRole('status', { name: 'Not confirmed' });
    await unsure.getByText('Checking the chat for it…').waitFor();
    await check.arrived;
    expect(await popup.getByText(/^Not sent/).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Send text' }).isDisabled()).toBe(true);

    // The server had the message after all.
    send.release();
    await expect.poll(() => sentTo(BUDI_CHAT).length).toBe(1);
    check.release();
    const sent = popup.getByRole('status', { name: 'Sent' });
    await sent.getByText(/Its answer never came; the message was found in the chat\./).waitFor();
    expect(await sent.innerText()).toContain(sentTo(BUDI_CHAT)[0]!.id);
    expect(sentTo(BUDI_CHAT).map((m) => m.body)).toEqual(['Stopped mid-send']);
    expect(server.requests.filter((r) => r.operationId === 'postMessagesSendText')).toHaveLength(1);
    expect(await runningWorkers(extension)).toBe(1);
  });

  it('says it is not confirmed when the chat does not have it, and sends again only when asked', async () => {
    const popup = await composeText('Lost on the way');
    const send = server.hold({ operationId: 'postMessagesSendText', count: 1 });
    await popup.getByRole('button', { name: 'Send text' }).click();
    await send.arrived;
    await stopWorker(extension, { untilGone: false });
    send.drop();

    const unsure = popup.getByRole('status', { name: 'Not confirmed' });
    // On a loaded machine the first look may reach the worker as it dies: then the popup says it
    // could not check, and the person checks again.
    const notFound = unsure.getByText(/It is not among the chat’s latest messages yet/);
    await notFound.or(unsure.getByText(/It could not be checked/)).waitFor();
    if (!(await notFound.isVisible())) await unsure.getByRole('button', { name: 'Check again' }).click();
    await notFound.waitFor();
    expect(sentTo(BUDI_CHAT)).toEqual([]);
    expect(await popup.getByText(/^Not sent/).count()).toBe(0);
    // Checking again changes nothing and sends nothing.
    await unsure.getByRole('button', { name: 'Check again' }).click();
    await unsure.getByText(/It is not among the chat’s latest messages yet/).waitFor();
    expect(server.requests.filter((r) => r.operationId === 'postMessagesSendText')).toHaveLength(1);

    // The person decides to send it again: it goes out once.
    await unsure.getByRole('button', { name: 'Send it again anyway' }).click();
    await popup.getByRole('status', { name: 'Sent' }).waitFor();
    expect(sentTo(BUDI_CHAT).map((m) => m.body)).toEqual(['Lost on the way']);
  });

  it('treats a timeout while the server still delivers the same way', async () => {
    await (await extension.openPage('options.html')).evaluate(() => chrome.storage.local.set({ settings: { requestTimeoutSec: 1, defaultCountryCode: '62', pollIntervalSec: 30 } }));
    const popup = await composeText('Slow but delivered');
    const send = server.hold({ operationId: 'postMessagesSendText' });
    const check = server.hold({ operationId: 'getChatsChatIdMessages' });
    await popup.getByRole('button', { name: 'Send text' }).click();
    await send.arrived;
    // The client gives up after 1 s while the request is held; then the server delivers it.
    await check.arrived;
    send.release();
    await expect.poll(() => sentTo(BUDI_CHAT).length).toBe(1);
    check.release();
    await popup.getByRole('status', { name: 'Sent' }).getByText(/the message was found in the chat/).waitFor();
    expect(server.requests.filter((r) => r.operationId === 'postMessagesSendText')).toHaveLength(1);
  });
});

describe('a right-click send when the worker stops before its answer', () => {
  it('finds the message in the chat and says it was sent, once', async () => {
    const opened = extension.context.waitForEvent('page');
    await dispatchMenuClick(
      extension,
      { menuItemId: 'warest-send-selection', selectionText: 'From the page', editable: false, pageUrl: 'https://example.org/' },
      { id: 41, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false, url: 'https://example.org/', title: 'Example' },
    );
    const window = await opened;
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await window.getByRole('radio', { name: 'Contact' }).check();
    await window.getByRole('radio', { name: /Budi/ }).check();
    const send = server.hold({ operationId: 'postMessagesSendText' });
    const check = server.hold({ operationId: 'getChatsChatIdMessages' });
    await window.getByRole('button', { name: 'Send', exact: true }).click();
    await send.arrived;
    await stopWorker(extension, { untilGone: false });
    await check.arrived;
    send.release();
    await expect.poll(() => sentTo(BUDI_CHAT).length).toBe(1);
    check.release();
    await window.getByRole('status').filter({ hasText: 'The text was sent to Budi from “main”. (Its answer never came; the message was found in the chat.)' }).waitFor();
    expect(server.requests.filter((r) => r.operationId === 'postMessagesSendText')).toHaveLength(1);
  });
});

describe('a QR login when the worker stops', () => {
  it('keeps the login: the popup follows it in a new worker and sees it complete', async () => {
    const popup = await extension.openPage('popup.html');
    await sessionRow(popup, 'main').waitFor();
    await popup.getByRole('button', { name: 'New session' }).click();
    await popup.getByRole('form', { name: 'New session' }).getByLabel('Session id').fill('after-stop');
    await popup.getByRole('button', { name: 'Show QR code' }).click();
    await popup.getByRole('img', { name: 'QR code to log in session after-stop' }).waitFor();

    await stopWorker(extension);
    // The popup keeps polling the login through a new worker; the QR stays on screen.
    await expect.poll(() => runningWorkers(extension)).toBe(1);
    await popup.getByRole('img', { name: 'QR code to log in session after-stop' }).waitFor();
    server.phone.scan('after-stop');
    await popup.getByRole('heading', { name: '“after-stop” is logged in' }).waitFor();
    expect(server.requests.filter((r) => r.operationId === 'getSessionCreate' && r.query['sessionId'] === 'after-stop').length).toBeGreaterThanOrEqual(1);
  });
});
