import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { placeholderPng } from '../fake-server/png';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { openPopupFor, sessionRow, chooseFromRowMenu } from './support/popup-page';

/**
 * The Profile view of a session and the Server view, from the popup, as a person uses them: the
 * account, picture, privacy, contacts, checking numbers, business profiles; ping, health,
 * readiness, details, CPU chart and restarts (refused in words for a non-admin key). Every check
 * is on what the person sees and on the fake server's state or requests.
 */

const ME = '6281234567890';
const BAKERY = '6281298765432';
const extension = useExtension();
let server: FakeWarest;
let popup: Page;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', {
    id: 'main',
    status: 'open',
    account: { pushName: 'Alice Shop', phone: ME, about: 'Open 9 to 5' },
    contacts: [
      { phone: '6281111111111', name: 'Budi Santoso' },
      { phone: '6282222222222', name: 'Citra Lestari' },
      { phone: '6283333333333', name: 'Dewi' },
    ],
  });
  server.addSession('bob', {
    id: 'bakery',
    status: 'open',
    account: { pushName: 'Roti Enak', phone: BAKERY },
    business: { description: 'Fresh bread every morning', email: 'hello@roti.example', address: 'Jl. Merdeka 1', categories: ['Bakery'], websites: ['https://roti.example'], businessHoursTimezone: 'Asia/Jakarta' },
  });
  await resetExtension(extension);
});
afterEach(async () => {
  await endServer(extension, server);
});

const notice = (text: string | RegExp) => popup.getByRole('status').filter({ hasText: text }).first().waitFor();
const alert = (text: string | RegExp) => popup.getByRole('alert').filter({ hasText: text }).first().waitFor();
const session = () => server.state.sessions.get('main')!;
const calls = (operationId: string) => server.requests.filter((r) => r.operationId === operationId);
/** The value next to a term in a definition list. */
const valueOf = (list: string, term: string) =>
  popup
    .getByLabel(list, { exact: true })
    .locator('div')
    .filter({ has: popup.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
    .getByRole('definition');

async function openProfile(): Promise<void> {
  popup = await openPopupFor(extension, { url: server.url });
  await chooseFromRowMenu(popup, 'main', 'Profile');
  await popup.getByRole('heading', { name: 'Profile of “main”' }).waitFor();
}

async function openServer(key = 'user-key'): Promise<void> {
  popup = await openPopupFor(extension, { url: server.url, key });
  await popup.getByRole('button', { name: 'Server details' }).click();
  await popup.getByRole('heading', { name: 'Server “Office”' }).waitFor();
}

describe('the profile view', () => {
  it('shows the account and its privacy settings in plain words', async () => {
    session().privacy.lastSeen = 'none';
    await openProfile();
    await expect.poll(() => valueOf('Account details', 'Name').innerText()).toBe('Alice Shop');
    expect(await valueOf('Account details', 'Number').innerText()).toBe(`+${ME}`);
    expect(await valueOf('Account details', 'About').innerText()).toBe('Open 9 to 5');
    await expect.poll(() => valueOf('Privacy settings', 'Who sees my last seen').innerText()).toBe('Nobody');
    expect(await valueOf('Privacy settings', 'Who sees my profile photo').innerText()).toBe('My contacts');
    expect(await valueOf('Privacy settings', 'Read receipts').innerText()).toBe('On');
    expect(await popup.getByText('contact_blacklist').count()).toBe(0);
  });

  it('sets the picture from a file, refuses a bad link next to the field, and removes it only after confirmation', async () => {
    await openProfile();
    await popup.getByText('No profile picture.').waitFor();

    await popup.getByLabel('Picture URL').fill('ftp://example.com/me.jpg');
    await popup.getByRole('button', { name: 'Set from URL' }).click();
    await alert('Use an http:// or https:// address of an image.');
    expect(calls('postProfilePicture')).toHaveLength(0);

    await popup.getByLabel('Picture file (JPEG or PNG)').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: placeholderPng('me') });
    await popup.getByRole('button', { name: 'Set from file' }).click();
    await notice('New profile picture set for “main” from “me.png”.');
    const hosted = session().picture?.url ?? '';
    expect(hosted).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    const picture = popup.getByRole('img', { name: 'Profile picture of main' });
    await expect.poll(() => picture.getAttribute('src')).toBe(hosted);

    await popup.getByRole('button', { name: 'Remove picture' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Remove the profile picture of “main”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(session().picture?.url).toBe(hosted);
    expect(calls('deleteProfilePicture')).toHaveLength(0);

    await popup.getByRole('button', { name: 'Remove picture' }).click();
    await dialog.getByRole('button', { name: 'Remove picture' }).click();
    await notice('Removed the profile picture of “main”.');
    expect(session().picture).toBeNull();
    await popup.getByText('No profile picture.').waitFor();
    expect(await picture.count()).toBe(0);
  });

  it('lists the contacts with a count and finds them by name or number', async () => {
    await openProfile();
    const list = popup.getByRole('list', { name: 'Contacts (3)' });
    await list.waitFor();
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual(['Budi Santoso\n+6281111111111', 'Citra Lestari\n+6282222222222', 'Dewi\n+6283333333333']);
    await popup.getByText('3 contacts', { exact: true }).waitFor();

    await popup.getByLabel('Search contacts').fill('citra');
    await popup.getByRole('list', { name: 'Contacts (1)' }).getByRole('listitem', { name: 'Citra Lestari' }).waitFor();
    await popup.getByText('1 of 3 contacts match').waitFor();
    await popup.getByLabel('Search contacts').fill('+62 833');
    await popup.getByRole('list', { name: 'Contacts (1)' }).getByRole('listitem', { name: 'Dewi' }).waitFor();
    await popup.getByLabel('Search contacts').fill('nobody here');
    await popup.getByText('No contact matches “nobody here”.').waitFor();
    expect(calls('getProfileListContacts')).toHaveLength(1);
  });

  it('checks pasted numbers as a job: unusable ones left out before sending, a result per number', async () => {
    await openProfile();
    await popup.getByLabel('Numbers to check').fill('+62 812-1111-2222\n+62 812-3333-0000\nnot a number');
    await popup.getByText('2 valid numbers.').waitFor();
    const unusable = popup.getByRole('list', { name: 'Numbers that are not usable' });
    expect(await unusable.innerText()).toMatch(/“not a number”/);

    await popup.getByRole('button', { name: 'Check 2 numbers' }).click();
    const results = popup.getByRole('list', { name: 'Results' });
    await results.getByRole('listitem', { name: '+62 812-1111-2222: On WhatsApp. Has a WhatsApp account.' }).waitFor();
    await results.getByRole('listitem', { name: '+62 812-3333-0000: Not on WhatsApp. This number has no WhatsApp account.' }).waitFor();
    const checked = calls('getProfileOnWhatsapp').map((r) => r.query.checkNumbers);
    expect(checked).toEqual(['6281211112222,6281233330000']);
    expect(calls('getProfileOnWhatsapp')[0]?.query.sessionId).toBe('main');
  });

  it('refuses to check when no number is usable, without asking the server', async () => {
    await openProfile();
    await popup.getByLabel('Numbers to check').fill('12\nhello');
    await popup.getByText('No usable numbers yet.').waitFor();
    await popup.getByRole('button', { name: 'Check numbers' }).click();
    await alert('None of these numbers is usable: fix the ones listed above.');
    expect(calls('getProfileOnWhatsapp')).toHaveLength(0);
  });

  it('looks up a business profile and says when a number has none', async () => {
    await openProfile();
    const lookup = popup.getByLabel('Number to look up');
    await lookup.fill('12');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await alert(/“12”/);
    expect(calls('getProfileBusinessProfile')).toHaveLength(0);

    await lookup.fill(`+${BAKERY}`);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('status', { name: `Business profile of +${BAKERY}` }).waitFor();
    expect(await valueOf(`Business details of +${BAKERY}`, 'Description').innerText()).toBe('Fresh bread every morning');
    expect(await valueOf(`Business details of +${BAKERY}`, 'Category').innerText()).toBe('Bakery');
    expect(await valueOf(`Business details of +${BAKERY}`, 'Email').innerText()).toBe('hello@roti.example');
    expect(calls('getProfileBusinessProfile').map((r) => r.query.checkNumbers)).toEqual([BAKERY]);

    await lookup.fill('+62 812-1111-2222');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await notice('+6281211112222 has no WhatsApp Business profile.');
  });
});

describe('the server view', () => {
  it('shows ping, health and readiness in words, and the CPU chart for each period asked (an admin key)', async () => {
    await openServer('admin-key');
    await expect.poll(() => valueOf('Server status', 'Ping').innerText()).toMatch(/^Answers in \d+ ms; server time \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Asia\/Jakarta\)$/);
    await expect.poll(() => valueOf('Server status', 'Health').innerText()).toBe('Healthy: every service works');
    await expect.poll(() => valueOf('Server status', 'Readiness').innerText()).toBe('Ready: accepting requests (not available: redis)');

    const chart = popup.getByRole('img', { name: /^CPU usage over/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^CPU usage over 12 samples: lowest \d+(\.\d)?%, average \d+(\.\d)?%, highest \d+(\.\d)?%$/);
    expect(await chart.locator('polyline').getAttribute('points')).toMatch(/^(\d+(\.\d)?,\d+(\.\d)? ){11}\d+(\.\d)?,\d+(\.\d)?$/);
    await popup.getByLabel('Period').selectOption('24h');
    await popup.getByLabel('Interval').selectOption('1h');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^CPU usage over 24 samples/);
    expect(calls('getServerCpuHistory').at(-1)?.query).toMatchObject({ period: '24h', interval: '1h' });
    expect(await popup.getByLabel('Period').locator('option').allInnerTexts()).toEqual(['1h', '6h', '12h', '24h', '7d', '30d']);
  });

  it('tells a non-admin key in words that details and restarts need an admin key, and nothing restarts', async () => {
    await openServer('user-key');
    await alert('The server “Office” refused to show its details: the API key saved for it is not an admin key.');
    // Ping needs no key; health, readiness and the CPU history are admin-only on a stock server.
    await expect.poll(() => valueOf('Server status', 'Ping').innerText()).toMatch(/^Answers in \d+ ms/);
    await expect.poll(() => valueOf('Server status', 'Health').innerText()).toMatch(/^The server “Office” refused to show its health: the API key saved for it is not an admin key\./);
    await expect.poll(() => valueOf('Server status', 'Readiness').innerText()).toMatch(/refused to show its readiness: the API key saved for it is not an admin key/);
    await alert('The server “Office” refused to show its CPU history: the API key saved for it is not an admin key.');

    await popup.getByRole('button', { name: 'Restart now' }).click();
    await popup.getByRole('alertdialog', { name: 'Restart the server “Office” now?' }).getByRole('button', { name: 'Restart now' }).click();
    await alert('The server “Office” refused to restart: the API key saved for it is not an admin key. Use the server’s admin key (in the extension’s options) to do this.');
    expect(calls('postServerRestart').map((r) => r.status)).toEqual([403]);
    expect(server.state.server.restartPending).toBeNull();
    expect(server.state.server.restartCount).toBe(0);

    await popup.getByLabel('Daily restart time (24-hour, HH:MM)').fill('03:15');
    await popup.getByRole('button', { name: 'Schedule daily restart' }).click();
    await popup.getByRole('alertdialog', { name: 'Restart “Office” every day at 03:15?' }).getByRole('button', { name: 'Schedule restart' }).click();
    await alert('The server “Office” refused to change its restart schedule: the API key saved for it is not an admin key.');
    expect(server.state.server.scheduledRestart).toBeNull();
  });

  it('with an admin key shows the details, and restarts only after confirmation; the uptime starts again', async () => {
    server.state.server.startedAt = Date.now() - (3 * 86400 + 4 * 3600 + 60) * 1000;
    await openServer('admin-key');
    await expect.poll(() => valueOf('Server details', 'Up for').innerText()).toBe('3 d 4 h');
    expect(await valueOf('Server details', 'Version').innerText()).toBe('0.3.44');
    expect(await valueOf('Server details', 'Memory').innerText()).toMatch(/^\d+ MB of \d+ MB \(\d+(\.\d)?%\)$/);

    await popup.getByRole('button', { name: 'Restart now' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Restart the server “Office” now?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(calls('postServerRestart')).toHaveLength(0);

    await popup.getByRole('button', { name: 'Restart now' }).click();
    await dialog.getByRole('button', { name: 'Restart now' }).click();
    await notice('The server is restarting: it will be back in a few seconds.');
    expect(server.state.server.restartPending).not.toBeNull();
    // The view reads the server again a few seconds later: the fresh uptime shows.
    await expect.poll(() => valueOf('Server details', 'Up for').innerText(), { timeout: 15_000 }).toMatch(/^\d+ s$/);
    expect(server.state.server.restartCount).toBe(1);
  });

  it('schedules a daily restart with a time zone after checking the input, and stops it again', async () => {
    await openServer('admin-key');
    const time = popup.getByLabel('Daily restart time (24-hour, HH:MM)');
    const zone = popup.getByLabel('Time zone (empty: the server’s own)');
    await time.fill('25:00');
    await popup.getByRole('button', { name: 'Schedule daily restart' }).click();
    await alert('Use 24-hour time with two digits each, like 02:30 or 23:05.');
    await time.fill('02:30');
    await zone.fill('Mars/Olympus');
    await popup.getByRole('button', { name: 'Schedule daily restart' }).click();
    await alert('“Mars/Olympus” is not a time zone name.');
    expect(calls('postServerRestartScheduled')).toHaveLength(0);

    await zone.fill('Europe/Berlin');
    await popup.getByRole('button', { name: 'Schedule daily restart' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Restart “Office” every day at 02:30?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(server.state.server.scheduledRestart).toBeNull();
    await popup.getByRole('button', { name: 'Schedule daily restart' }).click();
    await dialog.getByRole('button', { name: 'Schedule restart' }).click();
    await notice(/^The server restarts daily at 02:30 \(Europe\/Berlin\)\. Next restart: \d{4}-/);
    expect(server.state.server.scheduledRestart).toEqual({ time: '02:30', timezone: 'Europe/Berlin' });

    await popup.getByRole('button', { name: 'Stop daily restart' }).click();
    await popup.getByRole('alertdialog', { name: 'Stop the daily restart of “Office”?' }).getByRole('button', { name: 'Stop daily restart' }).click();
    await notice('No daily restart is scheduled any more.');
    expect(server.state.server.scheduledRestart).toBeNull();
  });
});
