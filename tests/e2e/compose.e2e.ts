import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWarest, type FakeWarest, type GroupRecord, type SessionRecord } from '../fake-server/index';
import { placeholderPng } from '../fake-server/png';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { openPopupFor, reopenWithBrowserLanguage, sessionRow } from './support/popup-page';

/**
 * The composer, as a person uses it: each of WARest's 12 send types from the popup (real file
 * uploads for the file types), the recipient as a number, a contact or a group, problems caught
 * before sending, the draft kept across a closed popup, and a server refusal shown in words.
 * Every send is checked in the fake server's chat store and in what the popup shows.
 */

const ME = '6281234567890';
const BUDI = '6281111111111';
const BUDI_JID = `${BUDI}@s.whatsapp.net`;

const extension = useExtension();
let server: FakeWarest;
let session: SessionRecord;
let team: GroupRecord;
let announcements: GroupRecord;
let popup: Page;

beforeEach(async () => {
  server = await startFakeWarest();
  session = server.addSession('alice', {
    id: 'main',
    status: 'open',
    account: { pushName: 'Alice Shop', phone: ME },
    contacts: [
      { phone: BUDI, name: 'Budi Santoso' },
      { phone: '6282222222222', name: 'Citra' },
    ],
  });
  team = server.addGroup('alice', 'main', { subject: 'Core Team', participants: [{ phone: BUDI }] });
  announcements = server.addGroup('alice', 'main', { subject: 'Announcements', myRole: 'member', announce: true, participants: [{ phone: '6287777777777', role: 'superadmin' }] });
  await resetExtension(extension);
  popup = await openPopupFor(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

const sends = () => server.requests.filter((entry) => entry.operationId?.startsWith('postMessagesSend'));
const messagesIn = (jid: string) => session.chats.get(jid)?.messages ?? [];
const stored = (jid: string, id: string) => messagesIn(jid).find((message) => message.id === id);

async function openComposer(): Promise<void> {
  await sessionRow(popup, 'main').getByRole('button', { name: 'Send', exact: true }).click();
  await popup.getByRole('form', { name: 'Send from main' }).waitFor();
}

async function toNumber(text: string): Promise<void> {
  await popup.getByLabel('Phone number or WhatsApp id').fill(text);
}

async function chooseType(label: string): Promise<void> {
  await popup.getByLabel('Message type').selectOption({ label });
}

/** Presses Send and returns the first message id the popup shows. */
async function sendAndReadId(button: RegExp | string): Promise<string> {
  await popup.getByRole('button', { name: button }).click();
  const sent = popup.getByRole('status', { name: 'Sent' });
  await sent.waitFor();
  const id = (await sent.locator('code').first().textContent())?.trim() ?? '';
  expect(id).toMatch(/^[A-Z0-9]{8,}$/);
  await sent.getByRole('button', { name: `Copy message id ${id}` }).waitFor();
  return id;
}

/** Waits until a stored composer draft satisfies `check` (drafts are saved shortly after a change). */
async function waitForDraft(check: (draft: { question?: string; pollOptions?: string[]; pickedNames?: string[] }) => boolean): Promise<void> {
  const saved = async () => {
    const drafts = (await extension.background.evaluate(async () => (await chrome.storage.local.get('composeDrafts')).composeDrafts ?? {})) as Record<string, never>;
    return Object.values(drafts).some(check);
  };
  await expect.poll(saved, { timeout: 20_000, message: 'the composer draft was not saved' }).toBe(true);
}

const png = () => ({ name: 'photo.png', mimeType: 'image/png', buffer: placeholderPng('compose') });

describe('the composer sends each of the 12 types', () => {
  it('text with a mention and a reply-to id', async () => {
    await openComposer();
    await toNumber('+62 811-1111-1111');
    await popup.getByLabel('Message', { exact: true }).fill('Hello from the popup');
    await popup.getByLabel('Mention (optional)').fill('+62 822 2222 2222');
    await popup.getByText('More options').click();
    await popup.getByLabel('Reply to message id (optional)').fill('3EB0ABCDEF1234');
    const id = await sendAndReadId('Send text');
    const message = stored(BUDI_JID, id);
    expect(message?.messageType).toBe('extendedtextmessage');
    expect(message?.body).toBe('Hello from the popup @6282222222222');
    expect(message?.mentionedJids).toEqual(['6282222222222@s.whatsapp.net']);
    expect(message?.quotedMessageId).toBe('3EB0ABCDEF1234');
    // The draft is gone after the send: the message field is empty for the next one.
    expect(await popup.getByLabel('Message', { exact: true }).inputValue()).toBe('');
  });

  it('several files from disk, uploaded as multipart', async () => {
    await openComposer();
    await toNumber(BUDI_JID);
    await chooseType('Files');
    await popup.getByLabel('Files to send').setInputFiles([
      { name: 'spec.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 spec') },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('some notes') },
    ]);
    await popup.getByLabel('Caption for all files (optional)').fill('Both files');
    await popup.getByRole('button', { name: 'Send files' }).click();
    const sent = popup.getByRole('status', { name: 'Sent' });
    await sent.waitFor();
    const ids = (await sent.locator('code').allTextContents()).map((text) => text.trim());
    expect(ids).toHaveLength(2);
    expect(ids.map((id) => stored(BUDI_JID, id)?.media?.fileName)).toEqual(['spec.pdf', 'notes.txt']);
    expect(stored(BUDI_JID, ids[0]!)?.body).toBe('Both files');
    expect(sends().at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data/);
  });

  it('an image from disk (view once) and a video from a link', async () => {
    await openComposer();
    await toNumber('+6281111111111');
    await chooseType('Image or video');
    await popup.getByLabel('Image or video file').setInputFiles(png());
    await popup.getByLabel('Caption (optional)').fill('Our shop');
    await popup.getByLabel('View once').check();
    const imageId = await sendAndReadId('Send image or video');
    const image = stored(BUDI_JID, imageId);
    expect(image?.messageType).toBe('imagemessage');
    expect(image?.media?.fileName).toBe('photo.png');
    expect(image?.details).toMatchObject({ viewOnce: true });

    await popup.getByRole('radio', { name: 'From a link' }).check();
    await popup.getByLabel('Image or video link').fill('https://example.com/clips/tour.mp4');
    const videoId = await sendAndReadId('Send image or video');
    expect(stored(BUDI_JID, videoId)?.messageType).toBe('videomessage');
    expect(stored(BUDI_JID, videoId)?.media?.url).toBe('https://example.com/clips/tour.mp4');
  });

  it('audio as a voice note, a document with its shown name, a sticker and a GIF', async () => {
    await openComposer();
    await toNumber('+6281111111111');
    await chooseType('Audio');
    await popup.getByLabel('Audio file').setInputFiles({ name: 'hello.ogg', mimeType: 'audio/ogg', buffer: Buffer.from('OggS voice') });
    await popup.getByLabel('Send as voice note').check();
    const audio = stored(BUDI_JID, await sendAndReadId('Send audio'));
    expect(audio?.messageType).toBe('audiomessage');
    expect(audio?.details).toMatchObject({ ptt: true });

    await chooseType('Document');
    await popup.getByLabel('Document file').setInputFiles({ name: 'r-2024.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 report') });
    await popup.getByLabel('File name shown (optional)').fill('Report.pdf');
    const document = stored(BUDI_JID, await sendAndReadId('Send document'));
    expect(document?.messageType).toBe('documentmessage');
    expect(document?.media?.fileName).toBe('Report.pdf');

    await chooseType('Sticker');
    await popup.getByLabel('Sticker image').setInputFiles({ name: 'smile.webp', mimeType: 'image/webp', buffer: Buffer.from('RIFF....WEBPVP8 ') });
    expect(stored(BUDI_JID, await sendAndReadId('Send sticker'))?.messageType).toBe('stickermessage');

    await chooseType('GIF');
    await popup.getByLabel('GIF or MP4 file').setInputFiles({ name: 'dance.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a....') });
    await popup.getByLabel('Caption (optional)').fill('Party');
    const gif = stored(BUDI_JID, await sendAndReadId('Send gif'));
    expect(gif?.mediaType).toBe('gif');
    expect(gif?.body).toBe('Party');
  });

  it('a contact card and a location', async () => {
    await openComposer();
    await toNumber('+6281111111111');
    await chooseType('Contact card');
    await popup.getByLabel('Contact name').fill('Dewi Lestari');
    await popup.getByLabel('Contact phone number').fill('+62 833 3333 3333');
    const card = stored(BUDI_JID, await sendAndReadId('Send contact card'));
    expect(card?.messageType).toBe('contactmessage');
    expect(card?.details).toMatchObject({ displayName: 'Dewi Lestari' });
    expect(String(card?.details?.vcard)).toContain('waid=6283333333333');

    await chooseType('Location');
    await popup.getByLabel('Latitude').fill('-6.1754');
    await popup.getByLabel('Longitude').fill('106,8272');
    await popup.getByLabel('Place name (optional)').fill('Monas');
    const pin = stored(BUDI_JID, await sendAndReadId('Send location'));
    expect(pin?.messageType).toBe('locationmessage');
    expect(pin?.details).toMatchObject({ degreesLatitude: -6.1754, degreesLongitude: 106.8272, name: 'Monas' });
  });

  it('a poll with multiple answers, buttons and a list', async () => {
    await openComposer();
    await toNumber('+6281111111111');
    await chooseType('Poll');
    await popup.getByLabel('Question').fill('Lunch?');
    await popup.getByLabel('Option 1', { exact: true }).fill('Rice');
    await popup.getByLabel('Option 2', { exact: true }).fill('Noodles');
    await popup.getByRole('button', { name: 'Add option' }).click();
    await popup.getByLabel('Option 3', { exact: true }).fill('Soup');
    await popup.getByLabel('Allow multiple answers').check();
    const poll = stored(BUDI_JID, await sendAndReadId('Send poll'));
    expect(poll?.messageType).toBe('pollcreationmessage');
    expect(poll?.poll).toEqual({ question: 'Lunch?', options: ['Rice', 'Noodles', 'Soup'], maxSelection: 3 });

    await chooseType('Buttons');
    await popup.getByLabel('Message text').fill('Need help?');
    await popup.getByLabel('Button 1 label').fill('Talk to us');
    await popup.getByRole('button', { name: 'Add button' }).click();
    await popup.getByLabel('Button 2 action').selectOption({ label: 'Open a link' });
    await popup.getByLabel('Button 2 label').fill('Website');
    await popup.getByLabel('Button 2 link').fill('https://example.com');
    const buttons = stored(BUDI_JID, await sendAndReadId('Send buttons'));
    expect(buttons?.messageType).toBe('buttonsmessage');
    expect(buttons?.details?.buttons).toEqual([
      { type: 'reply', displayText: 'Talk to us', id: 'btn-1' },
      { type: 'url', displayText: 'Website', url: 'https://example.com' },
    ]);

    await chooseType('List');
    await popup.getByLabel('Message text').fill('Pick a fruit');
    await popup.getByLabel('List button label').fill('Choose');
    await popup.getByLabel('Section 1 title').fill('Fruit');
    await popup.getByLabel('Section 1 row 1 title').fill('Apple');
    await popup.getByRole('button', { name: 'Add row to section 1' }).click();
    await popup.getByLabel('Section 1 row 2 title').fill('Pear');
    const list = stored(BUDI_JID, await sendAndReadId('Send list'));
    expect(list?.messageType).toBe('listmessage');
    expect(list?.details).toMatchObject({ buttonText: 'Choose', sections: [{ title: 'Fruit', rows: [{ id: 'row-1-1', title: 'Apple' }, { id: 'row-1-2', title: 'Pear' }] }] });
  });
});

describe('recipients, checks, drafts and errors', () => {
  it('keeps the Send button in the popup’s 600 px view however long the form (a list of many rows)', async () => {
    await popup.setViewportSize({ width: 400, height: 600 });
    await openComposer();
    await toNumber('+6281111111111');
    await chooseType('List');
    for (let row = 2; row <= 6; row += 1) await popup.getByRole('button', { name: 'Add row to section 1' }).click();
    await popup.getByLabel('Section 1 row 6 title').waitFor();
    // The form is taller than the popup: without the sticky row, Send would be below the fold.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600);
    const inView = async () => {
      const box = (await popup.getByRole('button', { name: 'Send list' }).boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 600;
    };
    await popup.evaluate(() => window.scrollTo(0, 0));
    expect(await inView()).toBe(true);
    await popup.getByLabel('Section 1 row 3 title').scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
    // The last field is not hidden under the Send row once scrolled to.
    await popup.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const send = (await popup.getByRole('button', { name: 'Send list' }).boundingBox())!;
    expect(await inView()).toBe(true);
    const lastRow = (await popup.getByLabel('Section 1 row 6 description (optional)').boundingBox())!;
    expect(lastRow.y + lastRow.height).toBeLessThanOrEqual(send.y);
  });

  it('reflows at 320 px wide: no sideways scrolling', async () => {
    await popup.setViewportSize({ width: 320, height: 600 });
    await popup.addStyleTag({ content: 'body { width: auto; }' });
    await openComposer();
    await chooseType('List');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  it('sends to a contact and to a group chosen from the lists', async () => {
    await openComposer();
    await popup.getByRole('radio', { name: 'Contact', exact: true }).check();
    await popup.getByLabel('Search contacts').fill('budi');
    await popup.getByRole('radio', { name: /Budi Santoso/ }).check();
    await popup.getByLabel('Message', { exact: true }).fill('Hi Budi');
    const toContact = await sendAndReadId('Send text');
    expect(stored(BUDI_JID, toContact)?.body).toBe('Hi Budi');

    await popup.getByRole('radio', { name: 'Group', exact: true }).check();
    await popup.getByRole('radio', { name: /Core Team/ }).check();
    await popup.getByLabel('Message', { exact: true }).fill('Hi team');
    const toGroup = await sendAndReadId('Send text');
    expect(stored(team.jid, toGroup)?.body).toBe('Hi team');
    expect(sends().at(-1)?.body).toMatchObject({ to: team.jid });
  });

  it('offers the country code for a number typed with a leading 0, saves it in one click, and then sends', async () => {
    // A browser whose language is Indonesian suggests +62; no default country code is set.
    popup = await reopenWithBrowserLanguage(extension, popup, 'id-ID');
    await openComposer();
    await toNumber('0811 1111 1111');
    await popup.getByLabel('Message', { exact: true }).fill('Halo');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('alert').filter({ hasText: /country code/ }).waitFor();
    expect(sends()).toEqual([]);
    await popup.getByRole('button', { name: 'Use +62 for them' }).click();
    await popup.getByRole('status').filter({ hasText: 'numbers that start with 0 now get +62' }).waitFor();
    const settings = async () => ((await extension.background.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as { defaultCountryCode?: string }).defaultCountryCode;
    expect(await settings()).toBe('62');
    const id = await sendAndReadId('Send text');
    expect(stored(BUDI_JID, id)?.body).toBe('Halo');
  });

  it('catches a bad number, a one-option poll and latitude 200 before sending', async () => {
    await openComposer();
    await toNumber('12345');
    await popup.getByLabel('Message', { exact: true }).fill('Hello');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('alert').filter({ hasText: /“12345”.*country code/ }).waitFor();
    expect(await popup.getByLabel('Phone number or WhatsApp id').getAttribute('aria-invalid')).toBe('true');

    await toNumber('+6281111111111');
    await chooseType('Poll');
    await popup.getByLabel('Question').fill('Yes?');
    await popup.getByLabel('Option 1', { exact: true }).fill('Yes');
    await popup.getByRole('button', { name: 'Send poll' }).click();
    await popup.getByText('A poll needs at least 2 options; fill in 1 more.').waitFor();

    await chooseType('Location');
    await popup.getByLabel('Latitude').fill('200');
    await popup.getByLabel('Longitude').fill('10');
    await popup.getByRole('button', { name: 'Send location' }).click();
    await popup.getByText('Latitude 200 is out of range: it must be between -90 and 90.').waitFor();
    expect(await popup.getByLabel('Latitude').getAttribute('aria-invalid')).toBe('true');
    await popup.getByRole('alert').filter({ hasText: 'Nothing was sent' }).waitFor();
    expect(sends()).toEqual([]);
    expect(messagesIn(BUDI_JID)).toEqual([]);
  });

  it('keeps the draft when the popup closes, asks to re-pick files, and forgets it once sent', async () => {
    await openComposer();
    await toNumber('+62 811 1111 1111');
    await chooseType('Poll');
    await popup.getByLabel('Question').fill('Meeting day?');
    await popup.getByLabel('Option 1', { exact: true }).fill('Monday');
    await popup.getByLabel('Option 2', { exact: true }).fill('Friday');
    await popup.getByText('Draft saved; it is kept if the popup closes.').waitFor();
    await waitForDraft((draft) => draft.question === 'Meeting day?' && draft.pollOptions?.[1] === 'Friday');
    await popup.close();

    popup = await extension.openPage('popup.html');
    await openComposer();
    expect(await popup.getByLabel('Message type').inputValue()).toBe('poll');
    expect(await popup.getByLabel('Phone number or WhatsApp id').inputValue()).toBe('+62 811 1111 1111');
    expect(await popup.getByLabel('Question').inputValue()).toBe('Meeting day?');
    expect(await popup.getByLabel('Option 2', { exact: true }).inputValue()).toBe('Friday');
    const id = await sendAndReadId('Send poll');
    expect(stored(BUDI_JID, id)?.poll?.options).toEqual(['Monday', 'Friday']);

    // A picked file is not kept: the reopened composer names it and asks for it again.
    await chooseType('Document');
    await popup.getByLabel('Document file').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan') });
    await waitForDraft((draft) => draft.pickedNames?.includes('plan.pdf') === true);
    await popup.close();
    popup = await extension.openPage('popup.html');
    await openComposer();
    expect(await popup.getByLabel('Question').count()).toBe(0);
    await popup.getByText(/You had picked plan\.pdf/).waitFor();
    await popup.getByRole('button', { name: 'Send document' }).click();
    await popup.getByText('Pick plan.pdf again: picked files are not kept when the popup closes.').waitFor();
    expect(sends()).toHaveLength(1);
  });

  it('keeps the last words typed when the person leaves the composer at once', async () => {
    await openComposer();
    await popup.getByLabel('Message', { exact: true }).fill('Typed just before going back');
    // No wait for the delayed save: leaving must write it.
    await popup.getByRole('button', { name: 'Back to sessions' }).click();
    await waitForDraft((draft) => (draft as { message?: string }).message === 'Typed just before going back');
    await openComposer();
    expect(await popup.getByLabel('Message', { exact: true }).inputValue()).toBe('Typed just before going back');
  });

  it('shows a server refusal in words and keeps what was typed', async () => {
    await openComposer();
    await popup.getByRole('radio', { name: 'Group', exact: true }).check();
    await popup.getByRole('radio', { name: /Announcements/ }).check();
    await popup.getByLabel('Message', { exact: true }).fill('Can I post here?');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('alert').filter({ hasText: /^Not sent\. .*admins/i }).waitFor();
    expect(await popup.getByRole('status', { name: 'Sent' }).count()).toBe(0);
    expect(await popup.getByLabel('Message', { exact: true }).inputValue()).toBe('Can I post here?');
    expect(messagesIn(announcements.jid)).toEqual([]);
    expect(sends()).toHaveLength(1);
  });
});
