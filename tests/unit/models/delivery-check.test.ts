import { describe, expect, it, vi } from 'vitest';
import { chatIdFor, checkDelivery, expectationFor, findSent, READ_PATIENCE_MS, type ReadMessages } from '@/lib/delivery-check';
import type { ChatMessage } from '@/lib/answers/chats';

const SINCE = Date.UTC(2026, 11, 1, 10, 0, 0);
const at = (secondsAfter: number) => Math.floor(SINCE / 1000) + secondsAfter;
const message = (patch: Partial<ChatMessage>): ChatMessage => ({ id: 'M1', fromMe: true, edited: false, deleted: false, reactions: [], time: at(1), text: 'Hello', ...patch });

function page(rows: unknown[]): Awaited<ReturnType<ReadMessages>> {
  return { ok: true, data: { status: 200, results: [], result: { data: rows }, latencyMs: 1 } };
}

describe('looking for a send whose answer never came', () => {
  it('files a number under its person JID and keeps a JID as it is', () => {
    expect(chatIdFor('6281234567890')).toBe('6281234567890@s.whatsapp.net');
    expect(chatIdFor('120363000000000001@g.us')).toBe('120363000000000001@g.us');
  });

  it('finds our own message with the same words, sent since (with slack for clocks)', () => {
    expect(findSent([message({ id: 'A', text: 'Other' }), message({ id: 'B' })], { text: 'Hello', since: SINCE })?.id).toBe('B');
    expect(findSent([message({ time: at(-10) })], { text: 'Hello', since: SINCE })?.id).toBe('M1');
    expect(findSent([message({ time: at(-3600) })], { text: 'Hello', since: SINCE })).toBeUndefined();
    expect(findSent([message({ fromMe: false })], { text: 'Hello', since: SINCE })).toBeUndefined();
    expect(findSent([message({ deleted: true })], { text: 'Hello', since: SINCE })).toBeUndefined();
  });

  it('takes any new message of ours for a send without words (a location, a contact card)', () => {
    expect(findSent([message({ text: undefined })], { since: SINCE })?.id).toBe('M1');
    expect(findSent([message({ text: undefined, time: undefined })], { since: SINCE })).toBeUndefined();
  });

  it('reads the chat once and says sent, not found, or why it could not tell', async () => {
    const expected = expectationFor({ sessionId: 'main', to: '6281234567890', message: 'Hello' }, SINCE)!;
    expect(expected).toEqual({ sessionId: 'main', to: '6281234567890', text: 'Hello', since: SINCE });

    const read = vi.fn<ReadMessages>(async () => page([{ id: 'X1', fromMe: true, body: 'Hello', timestamp: at(2) }]));
    expect(await checkDelivery(read, expected)).toEqual({ state: 'sent', messageId: 'X1' });
    expect(read).toHaveBeenCalledWith({ sessionId: 'main', chatId: '6281234567890@s.whatsapp.net', limit: 20, isFromMe: true });

    expect(await checkDelivery(async () => page([]), expected)).toEqual({ state: 'not-found' });
    expect(await checkDelivery(async () => ({ ok: false, error: { message: 'Server down.' } }), expected)).toEqual({ state: 'unknown', reason: 'Server down.' });
    expect(await checkDelivery(async () => { throw new Error('boom'); }, expected)).toMatchObject({ state: 'unknown' });
  });

  it('asks again (up to twice) when the answer to its read was lost (a read is safe to repeat)', async () => {
    const expected = expectationFor({ sessionId: 'main', to: '6281234567890', message: 'Hello' }, SINCE)!;
    const read = vi.fn<ReadMessages>()
      .mockResolvedValueOnce({ ok: false, error: { message: 'The background stopped.', outcomeUnknown: true } })
      .mockResolvedValueOnce(page([{ id: 'X2', fromMe: true, body: 'Hello', timestamp: at(1) }]));
    expect(await checkDelivery(read, expected)).toEqual({ state: 'sent', messageId: 'X2' });
    expect(read).toHaveBeenCalledTimes(2);
    const failing = vi.fn<ReadMessages>(async () => ({ ok: false, error: { message: 'Down.' } }));
    await checkDelivery(failing, expected);
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('counts a read that never answers as lost, and asks again', async () => {
    vi.useFakeTimers();
    try {
      const expected = expectationFor({ sessionId: 'main', to: '6281234567890', message: 'Hello' }, SINCE)!;
      const read = vi.fn<ReadMessages>()
        .mockReturnValueOnce(new Promise(() => undefined))
        .mockResolvedValueOnce(page([]));
      const checking = checkDelivery(read, expected);
      await vi.advanceTimersByTimeAsync(READ_PATIENCE_MS);
      expect(await checking).toEqual({ state: 'not-found' });
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('has nothing to look for without a session or a recipient', () => {
    expect(expectationFor({ to: '628' }, SINCE)).toBeUndefined();
    expect(expectationFor({ sessionId: 'main' }, SINCE)).toBeUndefined();
    expect(expectationFor({ sessionId: 'main', to: '628', caption: 'Look' }, SINCE)?.text).toBe('Look');
  });
});
