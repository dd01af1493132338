import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toLocalInputs } from '../../lib/scheduled';
import { startFakeWarest, type FakeWarest } from '../fake-server/index';
import { E2E_BUILD_DIR, loadExtension, type LoadedExtension } from './support/extension';
import { saveProfile } from './support/fixture';
import { sessionRow } from './support/popup-page';

/**
 * Scheduled messages across a browser restart, in Chromium: the browser is closed and launched
 * again with the same profile directory (storage kept, the worker started afresh, alarms as
 * Chromium keeps them or not). Nothing here bets on timing: the send time is chosen so that it
 * passes while the browser is closed (the test waits for the clock to pass it, then relaunches),
 * or the send is held at the server until the browser is gone.
 */

const ME = '6281234567890';
const BUDI = '6281111111111';
const BUDI_JID = `${BUDI}@s.whatsapp.net`;

let server: FakeWarest;
let profileDir: string;
let extension: LoadedExtension | undefined;

beforeEach(async () => {
  server = await startFakeWarest();
  server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warest-restart-'));
  extension = await loadExtension(E2E_BUILD_DIR, profileDir);
  await saveProfile(extension, { url: server.url });
});
afterEach(async () => {
  await extension?.close();
  extension = undefined;
  expect(server.violations()).toEqual([]);
  expect(server.errors).toEqual([]);
  await server.stop();
  fs.rmSync(profileDir, { recursive: true, force: true });
});

const sendRequests = () => server.requests.filter((entry) => entry.operationId === 'postMessagesSendText');
const messagesToBudi = () => server.state.sessions.get('main')!.chats.get(BUDI_JID)?.messages ?? [];

async function storedScheduled(ext: LoadedExtension): Promise<Array<{ id: string; state: string; dueAt: number; messageId?: string; confirmedFromChat?: boolean }>> {
  return ext.background.evaluate(async () => ((await chrome.storage.local.get('scheduledMessages')).scheduledMessages as { messages: never[] } | undefined)?.messages ?? []);
}

/** Schedules `text` to Budi from the composer, for `dueAt` (whole seconds, local time); answers the stored id. */
async function scheduleFromComposer(ext: LoadedExtension, text: string, dueAt: number): Promise<string> {
  const popup = await ext.openPage('popup.html');
  await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
  const form = popup.getByRole('form', { name: 'Send from main' });
  await form.waitFor();
  await popup.getByLabel('Phone number or WhatsApp id').fill(`+${BUDI}`);
  await popup.getByLabel('Message', { exact: true }).fill(text);
  await popup.getByText('Send later', { exact: true }).click();
  const zone = await popup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(await form.innerText()).toContain(`Time zone: ${zone}`);
  expect(await form.innerText()).toContain('The browser must be running for a scheduled message to be sent.');
  const { date, time } = toLocalInputs(dueAt);
  await popup.getByLabel('Day').fill(date);
  await popup.getByLabel('Time').fill(time);
  await popup.getByRole('button', { name: 'Schedule', exact: true }).click();
  await popup.getByRole('status', { name: 'Scheduled' }).waitFor();
  const [stored] = await storedScheduled(ext);
  expect(stored).toMatchObject({ state: 'scheduled', dueAt });
  expect(sendRequests()).toHaveLength(0);
  await popup.close();
  return stored!.id;
}

/** The popup's list of scheduled messages, once it shows one in `state` words. */
async function listedAs(popup: Page, words: string): Promise<string> {
  const item = popup.getByRole('region', { name: 'Scheduled messages' }).getByRole('listitem', { name: new RegExp(`: ${words}$`) });
  await item.waitFor({ timeout: 20_000 });
  return item.innerText();
}

describe('a scheduled message across a browser restart', () => {
  it('missed while the browser was closed, it is sent once when the browser starts again (the "send missed on start" setting)', async () => {
    const ext = extension!;
    const options = await ext.openPage('options.html');
    await options.getByRole('radio', { name: 'Send it when the browser starts again' }).check();
    await expect.poll(async () => (await ext.background.evaluate(async () => ((await chrome.storage.local.get('scheduledMessages')).scheduledMessages as { onMissed?: string } | undefined)?.onMissed))).toBe('send');
    await options.close();

    // Far enough ahead that the browser is closed before it comes due (checked below).
    const dueAt = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
    await scheduleFromComposer(ext, 'Reminder: our meeting is at 10.', dueAt);
    await ext.close();
    extension = undefined;
    expect(Date.now(), 'the browser closed before the message came due').toBeLessThan(dueAt);
    expect(sendRequests()).toHaveLength(0);

    // The browser stays closed until the send time has passed (a condition on the clock, not a guess).
    await expect.poll(() => Date.now() > dueAt + 1000, { timeout: 40_000, interval: 250 }).toBe(true);
    extension = await loadExtension(E2E_BUILD_DIR, profileDir);
    expect(extension.extensionId).toBe(ext.extensionId);

    await expect.poll(() => messagesToBudi().map((m) => m.body), { timeout: 30_000 }).toEqual(['Reminder: our meeting is at 10.']);
    await expect.poll(async () => (await storedScheduled(extension!))[0]?.state, { timeout: 20_000 }).toBe('sent');
    const [sent] = await storedScheduled(extension);
    expect(sent!.messageId).toBe(messagesToBudi()[0]!.id);
    expect(sendRequests()).toHaveLength(1);

    const popup = await extension.openPage('popup.html');
    expect(await listedAs(popup, 'Sent')).toContain(`Message ID ${sent!.messageId}`);
    // Nothing more goes out once the worker has settled: still one request, one message.
    expect(sendRequests()).toHaveLength(1);
    expect(messagesToBudi()).toHaveLength(1);
  }, 120_000);

  it('a send on its way when the browser closed is looked for in the chat after the restart, not sent again', async () => {
    const ext = extension!;
    const held = server.hold({ operationId: 'postMessagesSendText' });
    const dueAt = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
    const id = await scheduleFromComposer(ext, 'Your parcel leaves today.', dueAt);
    // The alarm fires and the send reaches the server, which holds it: marked before it went out.
    await held.arrived;
    expect(await storedScheduled(ext)).toMatchObject([{ id, state: 'sending' }]);
    await ext.close();
    extension = undefined;
    // The server carries it out after all, with nobody left to hear the answer.
    held.release();
    await expect.poll(() => messagesToBudi().map((m) => m.body)).toEqual(['Your parcel leaves today.']);

    extension = await loadExtension(E2E_BUILD_DIR, profileDir);
    await expect.poll(async () => (await storedScheduled(extension!))[0], { timeout: 30_000 }).toMatchObject({ id, state: 'sent', messageId: messagesToBudi()[0]!.id, confirmedFromChat: true });
    const popup = await extension.openPage('popup.html');
    expect(await listedAs(popup, 'Sent')).toContain('found in the chat');
    expect(sendRequests()).toHaveLength(1);
    expect(messagesToBudi()).toHaveLength(1);
  }, 120_000);

  it('the popup lists it with its time and zone; Edit re-arms it at the new time, Cancel message asks first and removes it', async () => {
    const ext = extension!;
    const dueAt = Math.ceil((Date.now() + 3600_000) / 1000) * 1000;
    const id = await scheduleFromComposer(ext, 'See you tomorrow.', dueAt);
    const alarmAt = () => ext.background.evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime ?? null, `scheduled:${id}`);
    expect(await alarmAt()).toBe(dueAt);

    const popup = await ext.openPage('popup.html');
    const section = popup.getByRole('region', { name: 'Scheduled messages' });
    const item = section.getByRole('listitem', { name: /: Scheduled$/ });
    await item.waitFor();
    expect(await section.innerText()).toContain('They are sent only while the browser is running.');
    expect(await item.innerText()).toContain('See you tomorrow.');
    const zone = await popup.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await item.innerText()).toMatch(new RegExp(`Due .+ \\(${zone.replace('/', '\\/')}, UTC[+-]\\d\\d:\\d\\d\\) · from “main”`));

    await item.getByRole('button', { name: 'Edit' }).click();
    const edit = item.getByRole('form', { name: /^Edit the message to / });
    await edit.getByLabel('Message').fill('See you on Friday.');
    const later = dueAt + 24 * 3600_000;
    const { date, time } = toLocalInputs(later);
    await edit.getByLabel('Day').fill(date);
    await edit.getByLabel('Time').fill(time);
    await edit.getByRole('button', { name: 'Save' }).click();
    await item.getByRole('status').filter({ hasText: 'Now scheduled for' }).waitFor();
    expect(await storedScheduled(ext)).toMatchObject([{ id, state: 'scheduled', dueAt: later }]);
    await expect.poll(alarmAt).toBe(later);
    expect(await item.innerText()).toContain('See you on Friday.');

    await item.getByRole('button', { name: 'Cancel message' }).click();
    const question = popup.getByRole('alertdialog', { name: /^Cancel the message to / });
    await question.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await storedScheduled(ext)).toHaveLength(1);
    await item.getByRole('button', { name: 'Cancel message' }).click();
    await question.getByRole('button', { name: 'Cancel message' }).click();
    await expect.poll(() => storedScheduled(ext)).toEqual([]);
    await expect.poll(alarmAt).toBeNull();
    await section.waitFor({ state: 'detached' });
    expect(sendRequests()).toHaveLength(0);
  });
});
