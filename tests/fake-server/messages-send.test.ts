/**
 * The fake's send routes keep what was sent: each message lands in the chat with its type, text
 * mentions ("@<digits>") are recorded, and malformed buttons, polls and locations are refused
 * the way a strict server refuses them.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFakeWarest, type FakeWarest, type SessionRecord } from './index';

const ALEX = '6281122334455';
const ALEX_JID = `${ALEX}@s.whatsapp.net`;
let server: FakeWarest;
let session: SessionRecord;

beforeEach(async () => {
  // Many sends to one recipient in a row: the stock 3 s recipient cooldown is off here (stock-behaviour.test.ts covers it).
  server = await startFakeWarest({ recipientCooldownMs: 0 });
  session = server.addSession('alice', { id: 'main', status: 'open', account: { phone: '6281234567890' } });
});
afterEach(async () => {
  await server.stop();
});

async function send(route: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/v1/messages/send/${route}`, {
    method: 'POST',
    headers: { 'X-WAREST-API-KEY': 'user-key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ sessionId: 'main', to: ALEX, ...body }),
  });
  const json = (await response.json()) as { code: number; message: string; results?: Array<{ messageId: string; advancedInfo: Record<string, unknown> }> };
  return { ...json, status: response.status };
}

const inChat = (id: string | undefined) => session.chats.get(ALEX_JID)?.messages.find((message) => message.id === id);

describe('send routes store what they send', () => {
  test('a text records the people it mentions as @digits, once each', async () => {
    const answer = await send('text', { message: 'Hi @6282222222222 and @6283333333333, @6282222222222', replyMessageId: 'ABCDEF123456' });
    expect(answer.status).toBe(200);
    const message = inChat(answer.results?.[0]?.messageId);
    expect(message).toMatchObject({ messageType: 'extendedtextmessage', quotedMessageId: 'ABCDEF123456' });
    expect(message?.mentionedJids).toEqual(['6282222222222@s.whatsapp.net', '6283333333333@s.whatsapp.net']);
    expect(answer.results?.[0]?.advancedInfo.mentionedJids).toEqual(message?.mentionedJids);
  });

  test('buttons are stored with their type and checked: label, link, number, at most three', async () => {
    const good = await send('button', { text: 'Help?', buttons: [{ type: 'reply', displayText: 'Agent', id: 'a' }, { type: 'call', displayText: 'Call', phoneNumber: '+6281234567890' }] });
    expect(good.status).toBe(200);
    expect(inChat(good.results?.[0]?.messageId)?.messageType).toBe('buttonsmessage');
    const refused = [
      await send('button', { text: 'Help?', buttons: [{ type: 'reply', id: 'a' }] }),
      await send('button', { text: 'Help?', buttons: [{ type: 'url', displayText: 'Site', url: 'example.com' }] }),
      await send('button', { text: 'Help?', buttons: [{ type: 'call', displayText: 'Call', phoneNumber: 'call me' }] }),
      await send('button', { text: 'Help?', buttons: Array.from({ length: 4 }, (_, i) => ({ type: 'reply', displayText: `B${i}`, id: `b${i}` })) }),
      await send('button', { text: ' ', buttons: [{ type: 'reply', displayText: 'Agent', id: 'a' }] }),
    ];
    expect(refused.map((answer) => [answer.status, answer.code])).toEqual([[400, 2002], [400, 2002], [400, 2002], [400, 2002], [400, 2001]]);
    expect(session.chats.get(ALEX_JID)?.messages).toHaveLength(1);
  });

  test('a one-option poll and a latitude of 200 are refused and store nothing', async () => {
    expect((await send('poll', { question: 'Q', options: ['only'] })).code).toBe(3012);
    expect((await send('location', { location: { latitude: 200, longitude: 10 } })).code).toBe(2002);
    expect(session.chats.get(ALEX_JID)?.messages ?? []).toEqual([]);
  });
});

describe('sentMessages: what each recipient received, with its time', () => {
  test('records one entry per delivered message and recipient, in order; refused sends are not there', async () => {
    const before = Date.now();
    const first = await send('text', { message: 'Hello Alex', presence: true });
    await send('text', { message: 'Hello both', to: `${ALEX},6289988776655` });
    // Refused by validation: nothing delivered, nothing recorded.
    expect((await send('text', { message: '' })).status).toBe(400);
    const all = server.sentMessages();
    expect(all.map((record) => [record.to, record.body])).toEqual([
      [ALEX_JID, 'Hello Alex'],
      [ALEX_JID, 'Hello both'],
      ['6289988776655@s.whatsapp.net', 'Hello both'],
    ]);
    expect(all[0]).toMatchObject({ sessionId: 'main', messageId: first.results?.[0]?.messageId, presence: true });
    expect(all[1]!.presence).toBe(false);
    expect(all.every((record) => record.at >= before && record.at <= Date.now())).toBe(true);
    expect(server.sentMessages(ALEX).map((record) => record.body)).toEqual(['Hello Alex', 'Hello both']);
    expect(server.sentMessages(`+62 899-8877-6655`)).toHaveLength(1);
  });
});
