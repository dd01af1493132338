/**
 * The fake server's chat routes answer as a stock server does where the popup's chats views
 * depend on it: mark-as-read's window and errors, the chat pin limit, and how a star and an
 * edit show in the message list. Over real HTTP, with the contract check on.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendMessage, seedChat } from './chat-store';
import { newMessageId } from './ids';
import { startFakeWarest, type FakeWarest, type SessionRecord } from './index';

const ALEX = '6281122334455@s.whatsapp.net';
let server: FakeWarest;
let main: SessionRecord;

const ago = (minutes: number) => Math.floor(Date.now() / 1000) - minutes * 60;

async function call(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}) {
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const response = await fetch(`${server.url}/api/v1${path}${query}`, {
    method,
    headers: { 'X-WAREST-API-KEY': 'user-key', ...(options.body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

beforeEach(async () => {
  server = await startFakeWarest();
  main = server.addSession('alice', { id: 'main', account: { phone: '6281234567890' } });
  const alex = seedChat(main, ALEX, 'Alex');
  appendMessage(main, alex, { id: 'OLD', messageType: 'conversation', body: 'two days ago', fromMe: false, timestamp: ago(2 * 24 * 60), read: false });
  appendMessage(main, alex, { id: 'MINE', messageType: 'extendedtextmessage', body: 'typo', timestamp: ago(5) });
  appendMessage(main, alex, { id: 'NEW', messageType: 'conversation', body: 'just now', fromMe: false, timestamp: ago(1), read: false });
});
afterEach(async () => {
  expect(server.violations()).toEqual([]);
  expect(server.errors).toEqual([]);
  await server.stop();
});

describe('mark a chat read', () => {
  test('by default acknowledges the inbound messages of the last day only', async () => {
    const answer = await call('POST', `/chats/${ALEX}/read`, { body: { sessionId: 'main' } });
    expect(answer.status).toBe(200);
    expect(answer.json.message).toBe('Marked inbound messages as read in the last 1 day(s)');
    expect(answer.json.result).toMatchObject({ totalMarked: 1, mode: 'by_days', parameters: { messages: 0, days: 1 }, marked: [{ id: 'NEW', fromMe: false }] });
    expect(main.chats.get(ALEX)?.unreadCount).toBe(1);
  });

  test('with `messages` acknowledges that many of the newest inbound messages', async () => {
    const answer = await call('POST', `/chats/${ALEX}/read`, { body: { sessionId: 'main', messages: 2 } });
    expect(answer.json.message).toBe('Marked last 2 inbound message(s) as read');
    expect(answer.json.result).toMatchObject({ totalMarked: 2, mode: 'by_messages' });
    expect(answer.json.result.marked.map((m: { id: string }) => m.id)).toEqual(['OLD', 'NEW']);
    expect(main.chats.get(ALEX)?.unreadCount).toBe(0);
  });

  test('answers code 2004 when there is nothing inbound to acknowledge', async () => {
    const bare = seedChat(main, '6289999999999@s.whatsapp.net', 'Bare');
    appendMessage(main, bare, { id: newMessageId(), messageType: 'conversation', body: 'only mine', timestamp: ago(1) });
    const answer = await call('POST', '/chats/6289999999999@s.whatsapp.net/read', { body: { sessionId: 'main', messages: 5 } });
    expect(answer.json).toMatchObject({ status: false, code: 2004, message: 'No inbound messages available to mark as read' });
  });
});

test('a fourth pinned chat is refused with code 4003, as the stock server answers any pin failure', async () => {
  for (const phone of ['6281000000001', '6281000000002', '6281000000003']) {
    seedChat(main, `${phone}@s.whatsapp.net`, phone).pinnedAt = ago(10);
  }
  const answer = await call('POST', `/chats/${ALEX}/pin`, { body: { sessionId: 'main', pin: true } });
  expect(answer.status).toBe(403);
  expect(answer.json).toMatchObject({ code: 4003, message: 'Pin/unpin not allowed' });
  expect(main.chats.get(ALEX)?.pinnedAt).toBeNull();
  const unpin = await call('POST', '/chats/6281000000001@s.whatsapp.net/pin', { body: { sessionId: 'main', pin: false } });
  expect(unpin.json).toMatchObject({ message: 'Chat unpinned', result: { pinned: false, message: 'Chat unpinned successfully' } });
});

test('a star and an edit show in the message list as messageTypeDetails.starredAt and .edit', async () => {
  const messages = async () => (await call('GET', `/chats/${ALEX}/messages`, { query: { sessionId: 'main' } })).json.result.data as Array<Record<string, any>>;
  await call('POST', '/messages/MINE/action/star', { body: { sessionId: 'main', to: ALEX } });
  await call('POST', '/messages/MINE/action/edit', { body: { sessionId: 'main', to: ALEX, message: 'fixed' } });
  const mine = (await messages()).find((m) => m.id === 'MINE');
  expect(mine).toMatchObject({ body: 'fixed', isEdited: true, messageTypeDetails: { starredAt: expect.any(Number), edit: { lastEditedAt: expect.any(Number), messageBeforeEdit: 'typo' } } });

  await call('POST', '/messages/MINE/action/unstar', { body: { sessionId: 'main', to: ALEX } });
  const after = (await messages()).find((m) => m.id === 'MINE');
  expect(after?.messageTypeDetails).not.toHaveProperty('starredAt');
  expect(after?.messageTypeDetails.edit).toBeDefined();
});
