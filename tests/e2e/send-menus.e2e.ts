import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type GroupRecord } from '../fake-server/index';
import { placeholderPng } from '../fake-server/png';
import { dispatchMenuClick, enterInAddressBar, typeInAddressBar as typeIn, type AddressBarShown } from './support/browser-events';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';

/**
 * The `wa` address-bar keyword and the "Send … to" menus. A headless browser can neither type in
 * the address bar nor right-click, so each test fires Chrome's own omnibox and contextMenus
 * events in the worker (support/browser-events.ts) with what Chrome would pass, then drives the
 * window they open by role and label against the fake server, and checks what the server stored.
 */

const ME = '6281234567890';
const BUDI = '6281111111111';
const PAGE = { url: 'https://example.org/news/today', title: 'Today’s news' };

const extension = useExtension();
let server: FakeWarest;
let team: GroupRecord;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME }, contacts: [{ phone: BUDI, name: 'Budi' }, { phone: '6282222222222', name: 'Citra' }] });
  server.addSession('alice', { id: 'sales', status: 'open', account: { pushName: 'Alice Sales', phone: '6289876543210' } });
  team = server.addGroup('alice', 'main', { subject: 'Team', participants: [{ phone: BUDI, name: 'Budi' }] });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
  await extension.background.evaluate(() => chrome.storage.local.set({ settings: { requestTimeoutSec: 20, defaultCountryCode: '62', pollIntervalSec: 30 } }));
});
afterEach(async () => {
  await endServer(extension, server);
});

const requestsFor = (operationId: string) => server.requests.filter((r) => r.operationId === operationId);
const messagesIn = (sessionId: string, jid: string) => server.state.sessions.get(sessionId)!.chats.get(jid)?.messages ?? [];

async function notifications(): Promise<string[]> {
  return Object.keys(await extension.background.evaluate(() => chrome.notifications.getAll()));
}
async function expectNotification(prefix: string): Promise<void> {
  await expect.poll(async () => (await notifications()).filter((id) => id.startsWith(prefix)).length, { timeout: 20_000 }).toBe(1);
}

/** The page the window shows once it opened; checks it is a small window with only a random id in its address. */
async function windowFor(opening: () => Promise<void>): Promise<Page> {
  const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
  await opening();
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toMatch(new RegExp(`^chrome-extension://${extension.extensionId}/menu-action\\.html\\?id=[0-9a-f-]{36}$`));
  expect(await page.evaluate(async () => (await chrome.windows.getCurrent()).type)).toBe('popup');
  return page;
}

// ---- The address bar ---------------------------------------------------------------------------

/** Typing after `wa ` in the address bar: what Chrome shows under it. */
function typeInAddressBar(text: string): Promise<AddressBarShown> {
  return typeIn(extension, text);
}
/** Pressing Enter: the window that asks. */
function pressEnter(text: string): Promise<Page> {
  return windowFor(() => enterInAddressBar(extension, text));
}

describe('the address bar: wa <number> <message>', () => {
  it('is the extension’s keyword', async () => {
    const manifest = await extension.background.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.omnibox).toEqual({ keyword: 'wa' });
  });

  it('says what Enter will do, asks, sends to the normalised number, and then suggests that number', async () => {
    const typed = '0812-1111-2222 Your order <#42> is ready & packed';
    // Chrome reads the description as XML: the message's < > & are escaped. The sender named is the
    // default server's first open session, once the background has read the sessions.
    await expect.poll(async () => (await typeInAddressBar(typed)).defaultDescription).toBe('Send “<match>Your order &lt;#42&gt; is ready &amp; packed</match>” to +62 812 1111 2222 <dim>from “main” of Office — press Enter to review</dim>');
    expect((await typeInAddressBar(typed)).suggestions).toEqual([]);

    const window = await pressEnter(typed);
    expect(window.url()).not.toContain('order');
    await window.getByRole('heading', { name: 'Send a message' }).waitFor();
    const question = window.getByRole('region', { name: 'Confirm sending' });
    await question.waitFor();
    expect(await question.innerText()).toContain('Send “Your order <#42> is ready & packed” to +62 812 1111 2222 from session “main” of server “Office”?');
    expect(requestsFor('postMessagesSendText')).toHaveLength(0);

    await question.getByRole('button', { name: 'Send', exact: true }).click();
    const status = window.getByRole('status').filter({ hasText: 'Sent to +62 812 1111 2222 from “main”.' });
    await status.waitFor();
    const [sent] = messagesIn('main', '6281211112222@s.whatsapp.net');
    expect(sent?.body).toBe('Your order <#42> is ready & packed');
    expect(await status.innerText()).toContain(`Message ID: ${sent!.id}`);
    expect(requestsFor('postMessagesSendText').map((r) => r.body)).toEqual([{ sessionId: 'main', to: '6281211112222', message: 'Your order <#42> is ready & packed' }]);
    await expectNotification('warest-menu:send-text:ok:');
    // No second send from the same window.
    expect(await question.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);

    // The number is now a recent recipient: offered for a matching start, keeping the message typed so far.
    const started = await typeInAddressBar('+62 812');
    expect(started.suggestions).toEqual([{ content: '+6281211112222 ', description: '<match>+62 812 1111 2222</match> <dim>— recent recipient, type your message</dim>' }]);
    const withText = await typeInAddressBar('081211112222 Thanks!');
    expect(withText.suggestions).toEqual([{ content: '+6281211112222 Thanks!', description: '<match>+62 812 1111 2222</match> — send “Thanks!”' }]);
    expect((await typeInAddressBar('+44 7911')).suggestions).toEqual([]);
  });

  it('sends nothing on Cancel', async () => {
    const window = await pressEnter('+62 812 1111 2222 Please ignore');
    const question = window.getByRole('region', { name: 'Confirm sending' });
    await question.waitFor();
    const closed = window.waitForEvent('close');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await closed;
    expect(requestsFor('postMessagesSendText')).toHaveLength(0);
    expect(messagesIn('main', '6281211112222@s.whatsapp.net')).toEqual([]);
    expect((await typeInAddressBar('')).suggestions).toEqual([]);
  });

  it('explains an invalid or incomplete input, while typing and after Enter, and sends nothing', async () => {
    expect((await typeInAddressBar('+62 12 Hello')).defaultDescription).toContain('“+62 12” is not a valid international phone number.');
    expect((await typeInAddressBar('+62 812 1111 2222')).defaultDescription).toBe('Now type the message to send to +62 812 1111 2222.');
    expect((await typeInAddressBar('Hello')).defaultDescription).toContain('Start with the phone number, then the message');

    const window = await pressEnter('+62 12 Hello');
    const alert = window.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Nothing was sent. “+62 12” is not a valid international phone number.');
    expect(await window.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    expect(requestsFor('postMessagesSendText')).toHaveLength(0);
  });
});

// ---- The "Send … to" menus ---------------------------------------------------------------------

/** Right-clicks, as far as a headless browser can: the menus' click handler with Chrome's info and tab. */
function useMenu(info: Record<string, unknown>): Promise<Page> {
  const tab = { id: 41, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false, url: PAGE.url, title: PAGE.title, status: 'complete' };
  const clickInfo = { frameId: 0, editable: false, pageUrl: PAGE.url, ...info };
  return windowFor(() => dispatchMenuClick(extension, clickInfo, tab));
}

describe('the “Send … to” menus', () => {
  it('were created with the others', async () => {
    const missing = await extension.background.evaluate(async (ids) => {
      const failed: string[] = [];
      for (const id of ids) await chrome.contextMenus.update(id, {}).catch(() => failed.push(id));
      return failed;
    }, ['warest-send-selection', 'warest-send-link', 'warest-send-image']);
    expect(missing).toEqual([]);
  });

  it('“Send selection to…”: the selected text, edited, to a contact of the session', async () => {
    const window = await useMenu({ menuItemId: 'warest-send-selection', selectionText: 'The meeting moves to 3 pm, room 4.' });
    await window.getByRole('heading', { name: 'Send the selected text' }).waitFor();
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    const message = window.getByLabel('Message');
    expect(await message.inputValue()).toBe('The meeting moves to 3 pm, room 4.');
    await message.fill('Heads-up: the meeting moves to 3 pm, room 4.');
    const send = window.getByRole('button', { name: 'Send', exact: true });
    expect(await send.isDisabled()).toBe(true); // nobody chosen yet

    await window.getByRole('radio', { name: 'Contact' }).check();
    await window.getByRole('list', { name: 'Contacts' }).waitFor();
    await window.getByRole('radio', { name: /Budi/ }).check();
    const preview = window.getByRole('region', { name: 'Preview' });
    expect(await preview.innerText()).toContain('Heads-up: the meeting moves to 3 pm, room 4.');
    await send.click();
    const status = window.getByRole('status').filter({ hasText: 'The text was sent to Budi from “main”.' });
    await status.waitFor();
    const [sent] = messagesIn('main', `${BUDI}@s.whatsapp.net`);
    expect(sent?.body).toBe('Heads-up: the meeting moves to 3 pm, room 4.');
    expect(await status.innerText()).toContain(`Message ID: ${sent!.id}`);
    expect(requestsFor('postMessagesSendText').map((r) => r.body)).toEqual([{ sessionId: 'main', to: `${BUDI}@s.whatsapp.net`, message: 'Heads-up: the meeting moves to 3 pm, room 4.' }]);
    await expectNotification('warest-menu:send-selection:ok:');
  });

  it('“Send link to…”: the link with a comment, to a group', async () => {
    const link = 'https://example.org/offer?id=7&ref=menu';
    const window = await useMenu({ menuItemId: 'warest-send-link', linkUrl: link });
    await window.getByRole('heading', { name: 'Send a link' }).waitFor();
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await window.getByRole('radio', { name: 'Group' }).check();
    await window.getByRole('list', { name: 'Groups' }).waitFor();
    await window.getByRole('radio', { name: /Team/ }).check();
    await window.getByLabel('Comment (optional)').fill('Our new offer:');
    expect(await window.getByRole('region', { name: 'Preview' }).innerText()).toContain(`Our new offer:\n${link}`);
    await window.getByRole('button', { name: 'Send', exact: true }).click();
    await window.getByRole('status').filter({ hasText: 'The link was sent to Team from “main”.' }).waitFor();
    expect(messagesIn('main', team.jid).map((m) => m.body)).toEqual([`Our new offer:\n${link}`]);
    expect(requestsFor('postMessagesSendText').map((r) => r.body)).toEqual([{ sessionId: 'main', to: team.jid, message: `Our new offer:\n${link}` }]);
    await expectNotification('warest-menu:send-link:ok:');
  });

  it('“Send link to…”: the server’s refusal in words, and a failure notification', async () => {
    team.announce = true;
    team.participants.find((p) => p.phone === ME)!.role = 'member';
    team.participants.find((p) => p.phone === BUDI)!.role = 'superadmin';
    const window = await useMenu({ menuItemId: 'warest-send-link', linkUrl: 'https://example.org/' });
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await window.getByRole('radio', { name: 'Group' }).check();
    await window.getByRole('radio', { name: /Team/ }).check();
    await window.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = window.getByRole('alert').filter({ hasText: 'The link was not sent to Team.' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Only admins can send messages to this group');
    expect(messagesIn('main', team.jid)).toEqual([]);
    await expectNotification('warest-menu:send-link:failed:');
  });

  it('“Send image to…”: the server downloads the image by its address; a typed number is checked first', async () => {
    server.state.blobs.set('misc/test/cat.png', { mimeType: 'image/png', bytes: placeholderPng('cat'), createdAt: 0 });
    const src = `${server.url}/media/misc/test/cat.png`;
    const window = await useMenu({ menuItemId: 'warest-send-image', srcUrl: src, mediaType: 'image' });
    await window.getByRole('heading', { name: 'Send an image' }).waitFor();
    const image = window.getByRole('img', { name: 'The image to send' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
    await window.getByLabel('Session').selectOption('sales');

    const number = window.getByLabel('Phone number or WhatsApp id');
    await number.fill('12345');
    await number.blur();
    await window.getByRole('alert').filter({ hasText: '“12345”' }).waitFor();
    expect(await window.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);

    await number.fill('0812 3333 4444');
    await window.getByLabel('Caption (optional)').fill('Our cat');
    expect(await window.getByRole('region', { name: 'Preview' }).innerText()).toContain('Our cat');
    await window.getByRole('button', { name: 'Send', exact: true }).click();
    await window.getByRole('status').filter({ hasText: 'The image was sent to +6281233334444 from “sales”.' }).waitFor();
    const [sent] = messagesIn('sales', '6281233334444@s.whatsapp.net');
    expect(sent).toMatchObject({ mediaType: 'image', body: 'Our cat', media: { url: src, mimeType: 'image/png' } });
    expect(requestsFor('postMessagesSendMedia').map((r) => r.body)).toEqual([{ sessionId: 'sales', to: '6281233334444', media: src, caption: 'Our cat' }]);
    await expectNotification('warest-menu:send-image:ok:');
    // A number sent to from a menu is offered in the address bar too.
    expect((await typeInAddressBar('')).suggestions.map((s) => s.content)).toEqual(['+6281233334444 ']);
  });

  it('“Send image to…”: refuses an image embedded in the page, saying why', async () => {
    const window = await useMenu({ menuItemId: 'warest-send-image', srcUrl: `data:image/png;base64,${placeholderPng('x').toString('base64')}`, mediaType: 'image' });
    const alert = window.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('This image is embedded in the page (a data: address), so your WARest server cannot download it. Save the image to a file and send it from the popup instead.');
    expect(await window.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    expect(requestsFor('postMessagesSendMedia')).toHaveLength(0);
  });
});
