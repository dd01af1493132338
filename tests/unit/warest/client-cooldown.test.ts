import { describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiResult } from '@/lib/warest/api-result';
import { createClient, recipientKeys, type ServerCredentials } from '@/lib/warest/client';
import { ManualClock, settleMicrotasks, SteppingClock } from '../helpers/clocks';

/**
 * WARest's anti-spam guard allows one message per key and recipient every 3 s; a second send
 * within 3 s gets 429 `Retry-After: 3` `{"error":"Recipient cooldown","retryAfter":3}` while the
 * key's window still has requests left. And X-RateLimit-Reset is whole seconds rounded down.
 */

const server: ServerCredentials = { baseUrl: 'http://warest.local:4001', apiKey: 'wk_cooldown_key_123' };
const OK = { status: true, code: 1000, message: 'sent', results: [{ messageId: '3EB0' }] };

function windowHeaders(clock: { now(): number }, remaining: number, resetInS = 59) {
  return {
    'content-type': 'application/json',
    'X-RateLimit-Limit': '120',
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': String(Math.floor(clock.now() / 1000) + resetInS),
  };
}

function reply(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers });
}

const cooldown = (clock: { now(): number }) =>
  reply(429, { error: 'Recipient cooldown', retryAfter: 3 }, { ...windowHeaders(clock, 107), 'Retry-After': '3' });

function error(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const send = (to: string, message = 'hi') => ['postMessagesSendText', { sessionId: 'main', to, message }] as const;

describe('the client and the recipient cooldown', () => {
  it('retries a send refused by the cooldown once, after Retry-After, and returns its success', async () => {
    const clock = new SteppingClock();
    const start = clock.now();
    const times: number[] = [];
    const answers = [() => cooldown(clock), () => reply(200, OK, windowHeaders(clock, 105))];
    const fetchMock = vi.fn<typeof fetch>(async () => {
      times.push(clock.now());
      return answers.shift()!();
    });
    const { call } = createClient({ fetch: fetchMock, clock });

    const result = await call(server, ...send('6281'));
    expect(result.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(times[1]! - start).toBeGreaterThanOrEqual(3_000);
    expect(times[1]! - start).toBeLessThan(4_000); // not the window's 59 s
  });

  it('returns the second refusal in plain words: one message per recipient every 3 s, nothing sent', async () => {
    const clock = new SteppingClock();
    const fetchMock = vi.fn<typeof fetch>(async () => cooldown(clock));
    const { call } = createClient({ fetch: fetchMock, clock });

    const err = error(await call(server, ...send('6281')));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(err.kind).toBe('rate-limited');
    expect(err.scope).toBe('recipient');
    expect(err.retryAt).toBe(clock.now() + 3_000);
    expect(err.message).toContain("WARest's anti-spam guard allows one message to the same recipient every 3 s");
    expect(err.message).toContain('nothing was sent');
    expect(err.message).toContain('Try again in 3 s');
    expect(err.message).not.toMatch(/requests per window|59 s/);
    expect(err.outcomeUnknown).toBeUndefined();
  });

  it('does not retry when the caller says not to', async () => {
    const clock = new SteppingClock();
    const fetchMock = vi.fn<typeof fetch>(async () => cooldown(clock));
    const { call } = createClient({ fetch: fetchMock, clock });
    expect(error(await call(server, ...send('6281'), { retryRateLimited: false })).scope).toBe('recipient');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('keeps the window’s remainder after a cooldown 429: the next unrelated call is not held', async () => {
    const clock = new ManualClock();
    const urls: string[] = [];
    const answers = [() => cooldown(clock), () => reply(200, { status: true, results: [] }, windowHeaders(clock, 106))];
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      urls.push(String(input));
      return answers.shift()!();
    });
    const { call } = createClient({ fetch: fetchMock, clock });

    const pendingSend = call(server, ...send('6281'), { retryRateLimited: false });
    await clock.advance(0);
    expect(error(await pendingSend).scope).toBe('recipient');

    const list = call(server, 'getSessionList');
    await clock.advance(0);
    expect((await list).ok).toBe(true); // at once: before, it waited for the window's 59 s
    expect(urls.at(-1)).toContain('/session/list');
  });

  it('spaces its own sends to one recipient by 3 s, holding no other call', async () => {
    const clock = new ManualClock();
    const sent: Array<{ at: number; what: string }> = [];
    const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { to?: string; message?: string }) : {};
      sent.push({ at: clock.now(), what: body.to ? `${body.to}:${body.message}` : new URL(String(input)).pathname });
      return reply(200, OK, windowHeaders(clock, 100));
    });
    const { call } = createClient({ fetch: fetchMock, clock });
    const start = clock.now();

    const first = call(server, ...send('6281', 'one'));
    await clock.advance(0);
    await first;
    const second = call(server, ...send('+62 81', 'two')); // the same number, written another way
    const other = call(server, ...send('6282', 'three'));
    const read = call(server, 'getSessionList');
    await clock.advance(0);
    expect(sent.map((s) => s.what)).toEqual(['6281:one', '6282:three', '/api/v1/session/list']);

    await clock.advance(3_000);
    expect(sent).toHaveLength(3); // still within the cooldown (and its slack)
    await clock.advance(300);
    await Promise.all([second, other, read]);
    expect(sent.at(-1)).toEqual({ at: expect.any(Number), what: '+62 81:two' });
    expect(sent.at(-1)!.at - start).toBeGreaterThanOrEqual(3_000);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('tells recipients apart as the server does', () => {
    expect(recipientKeys('+62 812-3456, 628123456@s.whatsapp.net;628123456:12@s.whatsapp.net')).toEqual(['628123456']);
    expect(recipientKeys(['120363@g.us', '120363@G.US', '5511@lid'])).toEqual(['120363@g.us', '5511@lid']);
    expect(recipientKeys(undefined)).toEqual([]);
  });
});

describe('the client and X-RateLimit-Reset rounded down', () => {
  it('retries a rate-limited read only after the stated second has ended, so the retry is not refused again', async () => {
    // Mid-second: the server's window really ends up to a second after the second it states.
    const clock = new SteppingClock(1_750_000_000_600);
    const resetS = Math.floor(clock.now() / 1000) + 2;
    const windowEnds = (resetS + 1) * 1000;
    const times: number[] = [];
    const fetchMock = vi.fn<typeof fetch>(async () => {
      times.push(clock.now());
      if (clock.now() < windowEnds) {
        return reply(429, { error: 'Too many requests' }, { 'content-type': 'application/json', 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetS) });
      }
      return reply(200, { status: true, results: [] }, windowHeaders(clock, 119, 60));
    });
    const { call } = createClient({ fetch: fetchMock, clock });

    const result = await call(server, 'getSessionList');
    expect(result.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(times[1]).toBeGreaterThanOrEqual(windowEnds);
  });

  it('holds calls after a spent window until the end of the reset second, plus slack', async () => {
    const clock = new ManualClock(1_750_000_000_900);
    const resetS = Math.floor(clock.now() / 1000) + 1;
    const times: number[] = [];
    const fetchMock = vi.fn<typeof fetch>(async () => {
      times.push(clock.now());
      return reply(200, { status: true, results: [] }, { 'content-type': 'application/json', 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetS) });
    });
    const { call } = createClient({ fetch: fetchMock, clock });
    const first = call(server, 'getSessionList');
    await clock.advance(0);
    await first;
    const second = call(server, 'getSessionList');
    await clock.advance((resetS + 1) * 1000 - clock.now() - 1);
    await settleMicrotasks();
    expect(times).toHaveLength(1);
    await clock.advance(1_000);
    await second;
    expect(times[1]).toBeGreaterThanOrEqual((resetS + 1) * 1000);
  });
});
