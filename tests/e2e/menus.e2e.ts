import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type GroupRecord } from '../fake-server/index';
import { placeholderPng } from '../fake-server/png';
import { askFromPage } from './support/extension';
import { dispatchMenuClick } from './support/browser-events';
import { endServer, resetExtension, saveProfile, useExtension } from './support/fixture';

/**
 * The right-click menus. A headless browser cannot right-click, so each test fires Chrome's
 * `contextMenus.onClicked` event in the service worker with the `info` and `tab` Chrome would pass, then drives the window it opens, by role and label, against
 * the fake server. Every request must fit WARest's published contract.
 */

const ME = '6281234567890';
const SALES = '6289876543210';
const INVITE_CODE = 'AbCdEfGhIjKlMnOpQrStUv';
const PAGE = { url: 'https://example.org/community/contacts', title: 'Community contacts' };

const extension = useExtension();
let server: FakeWarest;
let team: GroupRecord;
let club: GroupRecord;
let lounge: GroupRecord;
let bookClub: GroupRecord;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  server.addSession('alice', { id: 'sales', status: 'open', account: { pushName: 'Alice Sales', phone: SALES } });
  server.addSession('alice', { id: 'old', status: 'logged_out' });
  // main is the creator of Team, a plain member of Club (locked: only admins edit it) and of
  // Lounge (open: every member may change its info); Book Club is sales's, and main is not in it.
  team = server.addGroup('alice', 'main', { subject: 'Team', participants: [{ phone: '6281111111111', name: 'Budi' }] });
  club = server.addGroup('alice', 'main', { subject: 'Club', myRole: 'member', restrict: true, participants: [{ phone: '6287777777777', role: 'superadmin' }] });
  lounge = server.addGroup('alice', 'main', { subject: 'Lounge', myRole: 'member', participants: [{ phone: '6288888888888', role: 'superadmin' }] });
  bookClub = server.addGroup('alice', 'sales', { subject: 'Book Club', inviteCode: INVITE_CODE, participants: [{ phone: '6282222222222' }, { phone: '6283333333333' }] });
  await resetExtension(extension);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

/** What Chrome passes to contextMenus.onClicked, for a click in a normal tab of PAGE. */
function click(info: Record<string, unknown>) {
  return {
    info: { frameId: 0, editable: false, pageUrl: PAGE.url, ...info },
    tab: { id: 41, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false, url: PAGE.url, title: PAGE.title, status: 'complete' },
  };
}

/** Right-clicks, as far as a headless browser can: fires Chrome's click event and returns the window it opened. */
async function useMenu(info: Record<string, unknown>): Promise<Page> {
  const opened = extension.context.waitForEvent('page', { timeout: 10_000 });
  const data = click(info);
  await dispatchMenuClick(extension, data.info, data.tab);
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toMatch(new RegExp(`^chrome-extension://${extension.extensionId}/menu-action\\.html\\?id=[0-9a-f-]{36}$`));
  // A small window of its own, not a tab of the page's window.
  expect(await page.evaluate(async () => (await chrome.windows.getCurrent()).type)).toBe('popup');
  return page;
}

/** The ids of the notifications on screen. */
async function notifications(): Promise<string[]> {
  return Object.keys(await extension.background.evaluate(() => chrome.notifications.getAll()));
}

async function expectNotification(prefix: string): Promise<void> {
  await expect.poll(async () => (await notifications()).filter((id) => id.startsWith(prefix)).length, { timeout: 20_000 }).toBe(1);
}

const requestsFor = (operationId: string) => server.requests.filter((r) => r.operationId === operationId);

describe('the menus', () => {
  it('were created when the extension was installed', async () => {
    const ids = ['warest-join-group', 'warest-selection', 'warest-check-numbers', 'warest-add-to-group', 'warest-send-message', 'warest-group-picture'];
    // update() fails for a menu that does not exist: each one is there, with properties Chrome accepted.
    const missing = await extension.background.evaluate(async (menuIds) => {
      const failed: string[] = [];
      for (const id of menuIds) await chrome.contextMenus.update(id, {}).catch(() => failed.push(id));
      return failed;
    }, ids);
    expect(missing).toEqual([]);
  });
});

describe('on a group invite link: “Preview and join group…”', () => {
  it('previews the group, then joins it with the chosen open session', async () => {
    const window = await useMenu({ menuItemId: 'warest-join-group', linkUrl: `https://chat.whatsapp.com/${INVITE_CODE}`, linkText: 'Join our book club' });
    await window.getByRole('heading', { name: 'Join a group' }).waitFor();
    const preview = window.getByRole('region', { name: 'Group preview' });
    await preview.getByRole('heading', { name: 'Book Club' }).waitFor();
    expect(await preview.innerText()).toContain('Members\n3');
    // One Join button per open session; the logged-out one has none.
    expect(await preview.getByRole('button', { name: /^Join with / }).allInnerTexts()).toEqual(['Join with main', 'Join with sales']);
    await preview.getByRole('button', { name: 'Join with main' }).click();
    await window.getByRole('status').filter({ hasText: '“main” joined “Book Club”.' }).waitFor();
    expect(bookClub.participants.some((p) => p.phone === ME)).toBe(true);
    expect(requestsFor('postGroupJoinViaLink').map((r) => r.body)).toEqual([{ sessionId: 'main', inviteLink: `https://chat.whatsapp.com/${INVITE_CODE}` }]);
    await expectNotification('warest-menu:join-group:ok:');
  });

  it('says so, in the server’s words, when the link was revoked', async () => {
    const window = await useMenu({ menuItemId: 'warest-join-group', linkUrl: 'https://chat.whatsapp.com/ZZZZZZZZZZZZZZZZZZZZZZ' });
    const alert = window.getByRole('alert').filter({ hasText: 'Could not preview this invite' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Invite link is invalid or has been revoked');
    expect(await window.getByRole('button', { name: /^Join with / }).count()).toBe(0);
    expect(requestsFor('postGroupJoinViaLink')).toHaveLength(0);
  });
});

describe('on selected text: “Check on WhatsApp”', () => {
  it('finds and normalises the numbers, checks them with the chosen session and reports each', async () => {
    const window = await useMenu({ menuItemId: 'warest-check-numbers', selectionText: 'Budi: +62 812-1111-2222\nOffice (closed): +62 812 3333 0000, or Budi again at +6281211112222' });
    const found = window.getByRole('list', { name: 'Phone numbers found' });
    await found.waitFor();
    expect(await found.getByRole('listitem').allInnerTexts()).toEqual(['+6281211112222', '+6281233330000']);
    const session = window.getByLabel('Session');
    await expect.poll(() => session.inputValue()).toBe('main');
    await session.selectOption('sales');
    await window.getByRole('button', { name: 'Check 2 numbers' }).click();
    const status = window.getByRole('status').filter({ hasText: 'Checked 2 numbers on WhatsApp' });
    await status.waitFor();
    expect(await status.innerText()).toContain('1 on WhatsApp, 1 not on WhatsApp');
    expect(await window.getByRole('list', { name: 'Results' }).getByRole('listitem').allInnerTexts()).toEqual(['+6281211112222 on WhatsApp', '+6281233330000 not on WhatsApp']);
    expect(requestsFor('getProfileOnWhatsapp').map((r) => r.query)).toEqual([{ sessionId: 'sales', checkNumbers: '6281211112222,6281233330000' }]);
    await expectNotification('warest-menu:check-numbers:ok:');
  });

  it('with several servers, preselects the default one and lets the person pick another', async () => {
    server.addSession('bob', { id: 'home-phone', status: 'open', account: { pushName: 'Bob', phone: '6285551234567' } });
    const setup = await extension.openPage('options.html');
    const saved = await askFromPage(setup, 'profile.save', { name: 'Home', baseUrl: server.url, apiKey: 'other-key' });
    expect(saved.ok).toBe(true);
    const window = await useMenu({ menuItemId: 'warest-check-numbers', selectionText: '+62 812 1111 2222' });
    const serverChoice = window.getByLabel('Server');
    expect(await serverChoice.locator('option:checked').innerText()).toBe('Office');
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await serverChoice.selectOption({ label: 'Home' });
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('home-phone');
    expect(await window.getByLabel('Session').locator('option').allInnerTexts()).toEqual(['home-phone — Bob · +6285551234567']);
    await window.getByRole('button', { name: 'Check 1 number' }).click();
    await window.getByRole('status').filter({ hasText: 'Checked 1 number on WhatsApp' }).waitFor();
    const [check] = requestsFor('getProfileOnWhatsapp');
    expect(check?.query).toEqual({ sessionId: 'home-phone', checkNumbers: '6281211112222' });
    expect(check?.headers['x-warest-api-key']).toBe('other-key');
  });

  it('checks many numbers as a background job, and notifies when it is done', async () => {
    const numbers = Array.from({ length: 14 }, (_, i) => `+62 813 5555 ${String(1000 + i)}`);
    const window = await useMenu({ menuItemId: 'warest-check-numbers', selectionText: `Members: ${numbers.join('; ')}` });
    await window.getByRole('heading', { name: '14 phone numbers found' }).waitFor();
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    await window.getByRole('button', { name: 'Check 14 numbers' }).click();
    const progress = window.getByRole('progressbar', { name: 'Check numbers on WhatsApp: progress' });
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('14');
    await expectNotification('warest-menu:job:ok:');
    const checked = requestsFor('getProfileOnWhatsapp').flatMap((r) => r.query.checkNumbers!.split(','));
    expect(checked.sort()).toEqual(numbers.map((n) => n.replace(/\D/g, '')).sort());
  });

  it('says clearly when the selection holds no phone number', async () => {
    const window = await useMenu({ menuItemId: 'warest-check-numbers', selectionText: 'Opening hours: Monday to Friday, 9 to 17' });
    await window.getByRole('alert').filter({ hasText: 'No phone numbers found in the selected text.' }).waitFor();
    expect(await window.getByRole('button', { name: /^Check / }).count()).toBe(0);
  });
});

describe('on selected text: “Add to group…”', () => {
  it('offers only groups where the session may add people, and adds the numbers', async () => {
    const window = await useMenu({ menuItemId: 'warest-add-to-group', selectionText: 'New members: 0812-1111-2222 (Citra) and +62 811 1111 1111 (Budi)' });
    // No default country code is set: only the international number is found.
    await window.getByRole('heading', { name: '1 phone number found' }).waitFor();
    await window.close();

    await extension.background.evaluate(() => chrome.storage.local.set({ settings: { requestTimeoutSec: 20, defaultCountryCode: '62', pollIntervalSec: 30 } }));
    const again = await useMenu({ menuItemId: 'warest-add-to-group', selectionText: 'New members: 0812-1111-2222 (Citra) and +62 811 1111 1111 (Budi)' });
    await again.getByRole('heading', { name: '2 phone numbers found' }).waitFor();
    const group = again.getByLabel('Group');
    await group.waitFor({ timeout: 15_000 });
    // Only Team: main created it; in Club and Lounge it is a plain member, and only admins may add there.
    expect(await group.locator('option').allInnerTexts()).toEqual(['Team (2) · admin']);
    expect(await again.getByText(/2 groups where you are not an admin .* are not listed/).count()).toBe(1);
    await again.getByRole('button', { name: 'Add 2 numbers to the group' }).click();
    const status = again.getByRole('status').filter({ hasText: 'Added to “Team”' });
    await status.waitFor();
    expect(await status.innerText()).toContain('1 added, 1 already in the group');
    expect(team.participants.map((p) => p.phone).sort()).toEqual([ME, '6281111111111', '6281211112222'].sort());
    expect(requestsFor('postGroupParticipantsAdd').map((r) => r.body)).toEqual([{ sessionId: 'main', groupId: team.jid, participants: ['6281211112222', '6281111111111'] }]);
    await expectNotification('warest-menu:add-to-group:ok:');
  });

  it('reports the server’s refusal when the session lost its admin rights meanwhile', async () => {
    const window = await useMenu({ menuItemId: 'warest-add-to-group', selectionText: '+62 812 1111 2222' });
    await window.getByLabel('Group').waitFor({ timeout: 15_000 });
    team.participants.find((p) => p.phone === ME)!.role = 'member';
    team.participants.find((p) => p.phone === '6281111111111')!.role = 'superadmin';
    await window.getByRole('button', { name: 'Add 1 number to the group' }).click();
    const alert = window.getByRole('alert').filter({ hasText: 'Operation requires admin privileges' });
    await alert.waitFor();
    expect(team.participants.some((p) => p.phone === '6281211112222')).toBe(false);
    await expectNotification('warest-menu:add-to-group:failed:');
  });
});

describe('on selected text: “Send a message…”', () => {
  it('sends the typed message to each number after a confirmation', async () => {
    const window = await useMenu({ menuItemId: 'warest-send-message', selectionText: 'Call +62 812 1111 2222 or wa.me/6281233334444 for details' });
    await window.getByRole('heading', { name: '2 phone numbers found' }).waitFor();
    const send = window.getByRole('button', { name: 'Send to 2 numbers' });
    await expect.poll(() => window.getByLabel('Session').inputValue()).toBe('main');
    expect(await send.isDisabled()).toBe(true);
    await window.getByLabel('Message').fill('Hello from the shop!');
    await send.click();
    const dialog = window.getByRole('alertdialog', { name: 'Send this message to 2 numbers?' });
    await dialog.getByRole('button', { name: 'Send' }).click();
    await window.getByRole('status').filter({ hasText: 'Message sent to 2 of 2' }).waitFor();
    expect(requestsFor('postMessagesSendText').map((r) => r.body)).toEqual([
      { sessionId: 'main', to: '6281211112222', message: 'Hello from the shop!' },
      { sessionId: 'main', to: '6281233334444', message: 'Hello from the shop!' },
    ]);
    const chats = [...server.state.sessions.get('main')!.chats.values()].filter((c) => c.messages.some((m) => m.body === 'Hello from the shop!'));
    expect(chats.map((c) => c.jid).sort()).toEqual(['6281211112222@s.whatsapp.net', '6281233334444@s.whatsapp.net']);
    await expectNotification('warest-menu:send-message:ok:');
  });
});

describe('on an image: “Set as group picture…”', () => {
  it('previews the image and sets it as the picture of a group the session may change', async () => {
    team.restrict = true; // only admins may change Team's info now: main is its creator
    server.state.blobs.set('misc/test/team.png', { mimeType: 'image/png', bytes: placeholderPng('team'), createdAt: 0 });
    const src = `${server.url}/media/misc/test/team.png`;
    const window = await useMenu({ menuItemId: 'warest-group-picture', srcUrl: src, mediaType: 'image' });
    const image = window.getByRole('img', { name: 'The picture to set' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
    const group = window.getByLabel('Group');
    await group.waitFor({ timeout: 15_000 });
    // Team: locked, and main is an admin; Lounge: not locked, so any member may; Club: locked, main is no admin.
    expect(await group.locator('option').allInnerTexts()).toEqual(['Lounge (2)', 'Team (2) · admin']);
    await group.selectOption({ label: 'Team (2) · admin' });
    await window.getByRole('button', { name: 'Set as group picture' }).click();
    await window.getByRole('status').filter({ hasText: 'The picture of “Team” was changed.' }).waitFor();
    expect(team.picture?.url).toBe(src);
    expect(club.picture).toBeNull();
    expect(lounge.picture).toBeNull();
    expect(requestsFor('postGroupPicture').map((r) => r.body)).toEqual([{ sessionId: 'main', groupId: team.jid, picture: src }]);
    await expectNotification('warest-menu:group-picture:ok:');
  });
});
