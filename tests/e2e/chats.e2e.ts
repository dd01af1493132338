import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appendMessage, seedChat } from '../fake-server/chat-store';
import { startFakeWarest, type FakeWarest, type SessionRecord } from '../fake-server/index';
import { newMessageId } from '../fake-server/ids';
import { endServer, resetExtension, useExtension } from './support/fixture';
import { openPopupFor, sessionRow, chooseFromRowMenu } from './support/popup-page';

/**
 * A session's chats from the popup, as a person uses them: the list (search, unread counts,
 * paging), one chat's messages (paging back in time), every chat action and every message
 * action, each checked in what the popup shows AND in the fake server's state; confirmations
 * that cancel and confirm; the server's refusals in words.
 */

const ME = '6281234567890';
const ALEX = '6281122334455@s.whatsapp.net';
const BUDI = '6281233344455@s.whatsapp.net';
const KOPI = '6282100011122@s.whatsapp.net';
const DEWI = '6281477788899@s.whatsapp.net';
const CORE = '120363000000000001@g.us';
const FILLERS = 17;

const extension = useExtension();
let server: FakeWarest;
let popup: Page;
let main: SessionRecord;
const ids: Record<string, string> = {};

const minutesAgo = (minutes: number) => Math.floor(Date.now() / 1000) - minutes * 60;

function say(jid: string, minutes: number, body: string, options: { mine?: boolean; read?: boolean; key?: string; type?: string; media?: { fileName: string; mimeType: string }; sender?: string } = {}) {
  const chat = main.chats.get(jid)!;
  const message = appendMessage(main, chat, {
    id: newMessageId(),
    messageType: options.type ?? (options.mine ? 'extendedtextmessage' : 'conversation'),
    body,
    fromMe: options.mine ?? false,
    timestamp: minutesAgo(minutes),
    read: options.read ?? true,
    ...(options.sender && { senderJid: options.sender }),
    ...(options.media && { mediaType: 'image', media: { url: null, fileSize: 1200, ...options.media } }),
  });
  if (options.key) ids[options.key] = message.id;
}

beforeEach(async () => {
  server = await startFakeWarest();
  main = server.addSession('alice', { id: 'main', status: 'open', account: { pushName: 'Alice Shop', phone: ME } });
  server.addSession('alice', { id: 'sales', status: 'logged_out' });

  seedChat(main, ALEX, 'Alex Marker');
  // 25 messages: a page of 20 and 5 older ones.
  for (let i = 1; i <= 21; i += 1) say(ALEX, 600 - i, `Old note ${i}`, { mine: i % 2 === 0 });
  say(ALEX, 60, 'New office view', { type: 'imagemessage', media: { fileName: 'office.png', mimeType: 'image/png' }, key: 'photo' });
  say(ALEX, 10, 'typo here', { mine: true, key: 'own' });
  say(ALEX, 5, 'Ping?', { read: false, key: 'ping' });
  say(ALEX, 4, 'Can you check the webhook logs?', { read: false, key: 'logs' });

  seedChat(main, BUDI, 'Budi Santoso');
  say(BUDI, 120, 'Sent you the report yesterday', { mine: true, key: 'budiOld' });
  seedChat(main, CORE, 'Core Team');
  say(CORE, 90, 'Standup in 5', { sender: DEWI });
  // Two chats already pinned: WhatsApp allows three.
  seedChat(main, KOPI, 'Toko Kopi').pinnedAt = minutesAgo(3000);
  say(KOPI, 3000, 'Your order has shipped');
  seedChat(main, DEWI, 'Dewi Anggraini').pinnedAt = minutesAgo(3000);
  say(DEWI, 2900, 'See you Saturday');
  for (let i = 1; i <= FILLERS; i += 1) {
    const jid = `62899000000${String(i).padStart(2, '0')}@s.whatsapp.net`;
    seedChat(main, jid, `Customer ${String(i).padStart(2, '0')}`);
    say(jid, 5000 + i, `Order ${i}`);
  }
  await resetExtension(extension);
  popup = await openPopupFor(extension, { url: server.url });
});
afterEach(async () => {
  await endServer(extension, server);
});

const chat = (jid: string) => main.chats.get(jid)!;
const message = (jid: string, key: string) => chat(jid).messages.find((m) => m.id === ids[key]);
const notice = (text: string | RegExp) => popup.getByRole('status').filter({ hasText: text }).waitFor();
const alert = (text: string | RegExp) => popup.getByRole('alert').filter({ hasText: text }).waitFor();
const lastRequest = (operationId: string) => server.requests.filter((r) => r.operationId === operationId).at(-1);

async function openChats(): Promise<void> {
  await chooseFromRowMenu(popup, 'main', 'Chats');
  await popup.getByRole('list', { name: /^Chats \(\d+\)$/ }).waitFor();
}

async function openChat(name: string): Promise<void> {
  await openChats();
  await popup.getByRole('button', { name: `Open ${name}` }).click();
  await popup.getByRole('heading', { name }).waitFor();
  await popup.getByRole('list', { name: /^Messages \(\d+\)$/ }).waitFor();
}

/** The message whose text is `text`, with its actions opened. */
async function messageWithActions(text: string): Promise<Locator> {
  const item = popup.getByRole('listitem').filter({ hasText: text });
  await item.getByRole('button', { name: 'Message actions' }).click();
  return item;
}

describe('the chat list', () => {
  it('is offered for open sessions only, lists names, last messages, unread counts and times, and pages', async () => {
    await sessionRow(popup, 'main').waitFor();
    // A logged-out session's menu has no Chats (an open one's has).
    await sessionRow(popup, 'sales').getByRole('button', { name: 'More for sales' }).click();
    const salesMenu = popup.getByRole('menu', { name: 'More for sales' });
    await salesMenu.getByRole('menuitem').first().waitFor();
    expect(await salesMenu.getByRole('menuitem', { name: 'Chats', exact: true }).count()).toBe(0);
    await popup.keyboard.press('Escape');
    await openChats();
    const list = popup.getByRole('list', { name: 'Chats (20)' });
    await list.waitFor();
    await popup.getByText('20 of 22 chats').waitFor();
    // Newest first: Alex wrote 4 minutes ago.
    expect(await list.getByRole('listitem').first().getAttribute('aria-label')).toBe('Alex Marker');
    const alex = list.getByRole('listitem', { name: 'Alex Marker' });
    // Today's time, or the date just after midnight (the seeded messages are minutes old).
    expect(await alex.innerText()).toMatch(/Alex Marker\s+(\d\d:\d\d|\d{1,2} [A-Z][a-z]{2})[\s\S]*Can you check the webhook logs\?[\s\S]*2 unread/);
    expect(await list.getByRole('listitem', { name: 'Core Team' }).innerText()).toMatch(/Standup in 5[\s\S]*group/);
    expect(await list.getByRole('listitem', { name: 'Budi Santoso' }).innerText()).not.toMatch(/unread/);

    await popup.getByRole('button', { name: 'Load more chats' }).click();
    await popup.getByRole('list', { name: 'Chats (22)' }).waitFor();
    expect(lastRequest('getChats')?.query).toMatchObject({ sessionId: 'main', limit: '20', offset: '20' });
    expect(await popup.getByRole('button', { name: 'Load more chats' }).count()).toBe(0);
  });

  it('searches on the server by name or number', async () => {
    await openChats();
    await popup.getByLabel('Search chats').fill('core');
    await popup.getByRole('list', { name: 'Chats (1)' }).waitFor();
    expect(await popup.getByRole('listitem', { name: 'Core Team' }).count()).toBe(1);
    expect(lastRequest('getChats')?.query.search).toBe('core');
    await popup.getByText('1 chat found').waitFor();

    await popup.getByLabel('Search chats').fill('62812333');
    await popup.getByRole('listitem', { name: 'Budi Santoso' }).waitFor();
    expect(await popup.getByRole('list', { name: 'Chats (1)' }).count()).toBe(1);

    await popup.getByLabel('Search chats').fill('nobody at all');
    await popup.getByText('No chat matches “nobody at all”.').waitFor();
  });
});

describe('a chat', () => {
  it('shows its messages newest first with sender, time, media and marks, pages older ones, and hands over to the composer', async () => {
    await openChat('Alex Marker');
    const list = popup.getByRole('list', { name: 'Messages (20)' });
    const items = list.getByRole('listitem');
    // A message of today shows its time, an older one its date: the seeded messages are minutes old, which just after midnight is yesterday.
    const when = String.raw`(\d\d:\d\d|\d{1,2} [A-Z][a-z]{2})`;
    expect(await items.first().innerText()).toMatch(new RegExp(String.raw`^Alex Marker\s*·\s*${when}\s+Can you check the webhook logs\?`));
    expect(await list.getByRole('listitem').filter({ hasText: 'typo here' }).innerText()).toMatch(new RegExp(String.raw`^You\s*·\s*${when}`));
    expect(await list.getByRole('listitem').filter({ hasText: 'New office view' }).innerText()).toMatch(/Photo office\.png\s+New office view/);
    await popup.getByText('Newest first · 20 of 25 messages').waitFor();
    expect(await popup.getByText('Old note 1', { exact: true }).count()).toBe(0);

    await popup.getByRole('button', { name: 'Load older messages' }).click();
    await popup.getByRole('list', { name: 'Messages (25)' }).waitFor();
    expect(await popup.getByRole('list', { name: 'Messages (25)' }).getByRole('listitem').last().innerText()).toMatch(/Old note 1\b/);
    expect(lastRequest('getChatsChatIdMessages')?.query).toMatchObject({ limit: '20', offset: '20' });
    expect(await popup.getByRole('button', { name: 'Load older messages' }).count()).toBe(0);

    await popup.getByRole('button', { name: 'Send message' }).click();
    await popup.getByRole('heading', { name: 'Send from “main”' }).waitFor();
    // The composer comes with this chat as the recipient: a reply goes to Alex without typing a number.
    await popup.getByLabel('Message', { exact: true }).fill('Checking the webhook logs now');
    await popup.getByRole('button', { name: 'Send text' }).click();
    await popup.getByRole('status', { name: 'Sent' }).waitFor();
    const sent = server.requests.find((r) => r.operationId === 'postMessagesSendText');
    expect((sent?.body as { to?: string } | undefined)?.to).toBe(ALEX);
  });

  it('marks the chat read, pins and unpins, mutes and unmutes, archives and unarchives', async () => {
    await openChat('Alex Marker');
    await popup.getByText('+6281122334455 · 2 unread').waitFor();

    await popup.getByRole('button', { name: 'Mark chat read' }).click();
    await notice(/^Marked “Alex Marker” as read \(2 messages acknowledged\)\. The server said: “Marked last 2 inbound message\(s\) as read”\./);
    expect(chat(ALEX).unreadCount).toBe(0);
    expect(message(ALEX, 'logs')?.read).toBe(true);
    await expect.poll(() => popup.getByText('+6281122334455', { exact: true }).count()).toBe(1);

    await popup.getByRole('button', { name: 'Pin chat', exact: true }).click();
    await notice('Pinned “Alex Marker” to the top of the chat list. The server said: “Chat pinned”.');
    expect(chat(ALEX).pinnedAt).not.toBeNull();
    await popup.getByText('pinned', { exact: true }).waitFor();
    expect(await popup.getByRole('button', { name: 'Pin chat', exact: true }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Unpin chat' }).click();
    await notice('Unpinned “Alex Marker”.');
    expect(chat(ALEX).pinnedAt).toBeNull();
    expect(await popup.getByText('pinned', { exact: true }).count()).toBe(0);

    await popup.getByLabel('Mute for').selectOption({ label: '1 week' });
    await popup.getByRole('button', { name: 'Mute chat', exact: true }).click();
    await notice('Muted “Alex Marker” for 1 week. The server said: “Chat muted”.');
    expect(lastRequest('postMessagesActionMute')?.body).toMatchObject({ sessionId: 'main', to: ALEX, duration: 10080 });
    expect(Math.abs(chat(ALEX).mutedUntil! - minutesAgo(-10080))).toBeLessThanOrEqual(5);
    await popup.getByText(/^muted until /).waitFor();
    await popup.getByRole('button', { name: 'Unmute chat' }).click();
    await notice('Unmuted “Alex Marker”: its notifications are back on.');
    expect(chat(ALEX).mutedUntil).toBeNull();
    expect(await popup.getByText(/^muted until /).count()).toBe(0);

    await popup.getByRole('button', { name: 'Archive chat', exact: true }).click();
    await notice('Archived “Alex Marker”. The server said: “Chat archived”.');
    expect(chat(ALEX).archived).toBe(true);
    await popup.getByText('archived', { exact: true }).waitFor();
    await popup.getByRole('button', { name: 'Unarchive chat' }).click();
    await notice('Moved “Alex Marker” out of the archive.');
    expect(chat(ALEX).archived).toBe(false);

    // Back in the list, what this popup did shows there too.
    await popup.getByRole('button', { name: 'Pin chat', exact: true }).click();
    await notice('Pinned “Alex Marker”');
    await popup.getByRole('button', { name: 'Back to chats' }).click();
    await expect.poll(() => popup.getByRole('listitem', { name: 'Alex Marker' }).innerText()).toMatch(/pinned/);
    expect(await popup.getByRole('listitem', { name: 'Alex Marker' }).innerText()).not.toMatch(/unread/);
  });

  it('clears the chat only after confirmation', async () => {
    await openChat('Alex Marker');
    await popup.getByRole('button', { name: 'Clear chat' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Clear all messages of “Alex Marker”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(chat(ALEX).messages).toHaveLength(25);
    expect(server.requests.some((r) => r.operationId === 'deleteMessagesActionClearAll')).toBe(false);

    await popup.getByRole('button', { name: 'Clear chat' }).click();
    await dialog.getByRole('button', { name: 'Clear chat' }).click();
    await notice('Cleared the messages of “Alex Marker” on this account. Starred messages are kept. The server said: “Chat cleared”.');
    expect(chat(ALEX).messages).toHaveLength(0);
    await popup.getByText('No messages in this chat on the server.').waitFor();
  });
});

describe('message actions', () => {
  it('stars and unstars, reacts and removes the reaction, pins and unpins, marks read', async () => {
    await openChat('Alex Marker');
    const ping = await messageWithActions('Ping?');

    await ping.getByRole('button', { name: 'Star', exact: true }).click();
    await notice('Starred the message. The server said: “Message starred”.');
    expect(message(ALEX, 'ping')?.starred).toBe(true);
    await ping.getByText('starred', { exact: true }).waitFor();
    await ping.getByRole('button', { name: 'Unstar' }).click();
    await notice('Removed the star from the message.');
    expect(message(ALEX, 'ping')?.starred).toBe(false);
    await expect.poll(() => ping.getByText('starred', { exact: true }).count()).toBe(0);

    await ping.getByRole('button', { name: 'React with 👍' }).click();
    await notice('Reacted with 👍.');
    expect(message(ALEX, 'ping')?.reactions).toEqual([expect.objectContaining({ from: `${ME}@s.whatsapp.net`, emoji: '👍' })]);
    await ping.getByLabel('Reactions').getByText('👍 you').waitFor();
    expect(await ping.getByRole('button', { name: 'React with 👍' }).getAttribute('aria-pressed')).toBe('true');
    await ping.getByRole('button', { name: 'Remove my reaction' }).click();
    await notice('Removed your reaction.');
    expect(message(ALEX, 'ping')?.reactions).toEqual([]);
    await expect.poll(() => ping.getByLabel('Reactions').count()).toBe(0);

    await ping.getByRole('button', { name: 'Pin message', exact: true }).click();
    await notice('Pinned the message in the chat. The server said: “Message pinned”.');
    expect(message(ALEX, 'ping')?.pinned).toBe(true);
    await ping.getByText('pinned', { exact: true }).waitFor();
    await ping.getByRole('button', { name: 'Unpin message' }).click();
    await notice('Unpinned the message.');
    expect(message(ALEX, 'ping')?.pinned).toBe(false);
    await expect.poll(() => ping.getByText('pinned', { exact: true }).count()).toBe(0);

    expect(message(ALEX, 'ping')?.read).toBe(false);
    await ping.getByRole('button', { name: 'Mark as read' }).click();
    await notice('Marked the message as read. The server said: “Message marked as read”.');
    expect(message(ALEX, 'ping')?.read).toBe(true);
    expect(chat(ALEX).unreadCount).toBe(1);
    await popup.getByText('+6281122334455 · 1 unread').waitFor();
    expect(lastRequest('postMessagesMessageIdActionMarkAsRead')?.body).toEqual({ sessionId: 'main', to: ALEX });
  });

  it('edits an own text message, refusing an empty text before sending', async () => {
    await openChat('Alex Marker');
    // Someone else's message in a direct chat: neither editable nor revocable from here.
    const ping = await messageWithActions('Ping?');
    expect(await ping.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await ping.getByRole('button', { name: 'Delete for everyone' }).count()).toBe(0);
    const own = await messageWithActions('typo here');
    await own.getByRole('button', { name: 'Edit' }).click();
    const form = own.getByRole('form', { name: 'Edit message' });
    await form.getByLabel('New text').fill('   ');
    await form.getByRole('button', { name: 'Save edit' }).click();
    await form.getByRole('alert').filter({ hasText: 'Type the new text of the message (it cannot be empty).' }).waitFor();
    expect(server.requests.some((r) => r.operationId === 'postMessagesMessageIdActionEdit')).toBe(false);

    await form.getByLabel('New text').fill('no typo here');
    await form.getByRole('button', { name: 'Save edit' }).click();
    await notice('Edited the message. WhatsApp shows it as edited to everyone. The server said: “Message edited”.');
    expect(message(ALEX, 'own')).toMatchObject({ body: 'no typo here', isEdited: true });
    const edited = popup.getByRole('listitem').filter({ hasText: 'no typo here' });
    await edited.getByText('edited', { exact: true }).waitFor();
    expect(await popup.getByRole('form', { name: 'Edit message' }).count()).toBe(0);
  });

  it('deletes for everyone (optionally for me too) and for me, each only after confirmation', async () => {
    await openChat('Alex Marker');
    const own = await messageWithActions('typo here');
    await own.getByRole('button', { name: 'Delete for everyone' }).click();
    const revoke = popup.getByRole('alertdialog', { name: 'Delete this message for everyone?' });
    await revoke.getByRole('button', { name: 'Cancel' }).click();
    expect(message(ALEX, 'own')?.isDeleted).toBe(false);

    await own.getByRole('button', { name: 'Delete for everyone' }).click();
    await revoke.getByRole('button', { name: 'Delete for everyone' }).click();
    await notice('Deleted the message for everyone. The server said: “Message revoked”.');
    expect(message(ALEX, 'own')).toMatchObject({ isDeleted: true, body: null });
    expect(lastRequest('postMessagesMessageIdActionRevoke')?.body).toEqual({ sessionId: 'main', to: ALEX, deleteForMe: false });
    const revoked = popup.getByRole('listitem', { name: /^You at / }).filter({ hasText: 'This message was deleted.' });
    await revoked.waitFor();

    // A message already deleted for everyone can still be removed from this account.
    await revoked.getByRole('button', { name: 'Delete for me' }).click();
    const remove = popup.getByRole('alertdialog', { name: 'Delete this message for you?' });
    await remove.getByRole('checkbox', { name: 'Also delete its media file' }).uncheck();
    await remove.getByRole('button', { name: 'Delete for me' }).click();
    await notice('Deleted the message for this account. The other side keeps it. The server said: “Message deleted for me”.');
    expect(message(ALEX, 'own')).toBeUndefined();
    expect(lastRequest('deleteMessagesMessageIdActionDelete')?.body).toEqual({ sessionId: 'main', to: ALEX, withMedia: false });
    await expect.poll(() => popup.getByText('This message was deleted.').count()).toBe(0);

    // The same words will announce the next deletion: clear the banner so it cannot be mistaken.
    await popup.getByRole('button', { name: 'Dismiss message' }).click();
    const photo = await messageWithActions('New office view');
    await photo.getByRole('button', { name: 'Delete for me' }).click();
    await remove.getByRole('button', { name: 'Cancel' }).click();
    expect(message(ALEX, 'photo')).toBeDefined();
    await photo.getByRole('button', { name: 'Delete for me' }).click();
    expect(await remove.getByRole('checkbox', { name: 'Also delete its media file' }).isChecked()).toBe(true);
    await remove.getByRole('button', { name: 'Delete for me' }).click();
    await notice('Deleted the message for this account.');
    expect(message(ALEX, 'photo')).toBeUndefined();
    expect(lastRequest('deleteMessagesMessageIdActionDelete')?.body).toMatchObject({ withMedia: true });
    await expect.poll(() => popup.getByText('New office view').count()).toBe(0);
  });

  it('revokes for everyone and for me at once', async () => {
    await openChat('Budi Santoso');
    const item = await messageWithActions('Sent you the report yesterday');
    await item.getByRole('button', { name: 'Delete for everyone' }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Delete this message for everyone?' });
    await dialog.getByRole('checkbox', { name: 'Also remove it from this account' }).check();
    await dialog.getByRole('button', { name: 'Delete for everyone' }).click();
    await notice('Deleted the message for everyone, and removed it from this account.');
    expect(message(BUDI, 'budiOld')).toBeUndefined();
    await popup.getByText('No messages in this chat on the server.').waitFor();
  });
});

describe('refusals', () => {
  it('shows the server’s refusals in words: a fourth pinned chat, an edit after 15 minutes', async () => {
    await openChat('Alex Marker');
    await popup.getByRole('button', { name: 'Pin chat', exact: true }).click();
    await notice('Pinned “Alex Marker”');
    await popup.getByRole('button', { name: 'Back to chats' }).click();
    await popup.getByRole('button', { name: 'Open Budi Santoso' }).click();
    await popup.getByRole('heading', { name: 'Budi Santoso' }).waitFor();
    await popup.getByRole('button', { name: 'Pin chat', exact: true }).click();
    await alert('WhatsApp did not allow this pin change. At most 3 chats can be pinned: unpin another chat first, then try again. The server said: “Pin/unpin not allowed”.');
    expect(chat(BUDI).pinnedAt).toBeNull();
    expect(await popup.getByRole('button', { name: 'Pin chat', exact: true }).count()).toBe(1);

    const old = await messageWithActions('Sent you the report yesterday');
    await old.getByRole('button', { name: 'Edit' }).click();
    await old.getByLabel('New text').fill('Sent you the report on Monday');
    await old.getByRole('button', { name: 'Save edit' }).click();
    await alert('WhatsApp does not allow editing this message: only your own text messages can be edited, within 15 minutes of sending. The server said: “Messages can only be edited within 15 minutes of sending”.');
    expect(message(BUDI, 'budiOld')).toMatchObject({ body: 'Sent you the report yesterday', isEdited: false });
    // The editor stays open with the text, to copy or change.
    expect(await old.getByLabel('New text').inputValue()).toBe('Sent you the report on Monday');
  });

  it('says why the list could not be read, and reads it again on request', async () => {
    await openChats();
    // The phone logged the session out meanwhile: a stock server answers chat routes 404/1101
    // "Session not found"; the popup knows the session, so it says what that means.
    main.status = 'logged_out';
    await popup.getByRole('button', { name: 'Refresh chats' }).click();
    await alert('Session “main” is not logged in to WhatsApp (its status is logged out). Logged out from the phone or the server. Log in again with a QR code or pairing code.');
    main.status = 'open';
    await popup.getByRole('button', { name: 'Refresh chats' }).click();
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
    await popup.getByRole('list', { name: 'Chats (20)' }).waitFor();
  });
});
