import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOutcomeUnknown, type ApiError, type ApiResult } from '@/lib/warest/api-result';
import { createClient, clampTimeout, MAX_TIMEOUT_MS, type ServerCredentials } from '@/lib/warest/client';
import { isOutcomeUnknown as reexported } from '@/lib/warest/client';
import type { FilePayload } from '@/lib/warest/file-payload';
import { ManualClock, settleMicrotasks, SteppingClock } from '../helpers/clocks';

/**
 * What the client says when things go wrong on the way: whether a write may have gone through,
 * keys that can't be sent, timeouts a timer can't keep, bodies that aren't what they seem.
 */

const API_KEY = 'wk_live_Zq9SECRETkey4242';
const server: ServerCredentials = { baseUrl: 'http://192.168.1.10:4001', apiKey: API_KEY };
const HOST = '192.168.1.10:4001';
const sendText = ['postMessagesSendText', { sessionId: 's1', to: '6281', message: 'hi' }] as const;

function reply(status: number, body: string, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : body, { status, headers: { 'content-type': contentType } });
}

function hangingFetch() {
  return vi.fn<typeof fetch>(
    (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')), { once: true });
      }),
  );
}

function error(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error, got success');
  return result.error;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a write whose outcome is unknown is never called failed', () => {
  it('a send that times out after leaving may have gone through: check before trying again', async () => {
    const { call } = createClient({ fetch: hangingFetch(), clock: new SteppingClock() });
    const err = error(await call(server, ...sendText, { timeoutMs: 20 }));
    expect(err.kind).toBe('timeout');
    expect(err.outcomeUnknown).toBe(true);
    expect(isOutcomeUnknown(err)).toBe(true);
    expect(err.message).toContain(`${HOST} did not answer within 20 ms`);
    expect(err.message).toMatch(/may have gone through/);
    expect(err.message).toMatch(/check .*before trying again/);
    expect(err.message).not.toMatch(/not sent|wasn't sent|failed to send/i);
  });

  it('a send whose connection breaks after fetch started is outcome-unknown too', async () => {
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))), clock: new SteppingClock() });
    const err = error(await call(server, ...sendText));
    expect(err.kind).toBe('network');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.message).toMatch(/may have been carried out: check before trying again/);
  });

  it('a send the caller cancels while it is on its way is outcome-unknown, not "cancelled, nothing sent"', async () => {
    const fetchMock = hangingFetch();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const controller = new AbortController();
    const pending = call(server, 'deleteGroupDelete', { sessionId: 's1', groupId: 'g@g.us' }, { signal: controller.signal });
    await settleMicrotasks();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    controller.abort();
    const err = error(await pending);
    expect(err.kind).toBe('aborted');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.message).toMatch(/had already been sent/);
  });

  it('a write whose 2xx answer can’t be read, or a proxy’s 504, leaves the outcome open', async () => {
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(200, '{"status":true,"resu')), clock: new SteppingClock() });
    const cut = error(await call(server, ...sendText));
    expect(cut.kind).toBe('bad-response');
    expect(cut.outcomeUnknown).toBe(true);
    expect(cut.message).toMatch(/may have been carried out/);

    const proxy = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(504, '<html>504 Gateway Time-out</html>', 'text/html')), clock: new SteppingClock() });
    expect(error(await proxy.call(server, ...sendText)).outcomeUnknown).toBe(true);
  });

  it('what is known not to have been sent says so: invalid input, a wait cancelled before sending, a refusal', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => reply(400, '{"status":false,"message":"bad to"}'));
    const clock = new ManualClock();
    const { call, pacer } = createClient({ fetch: fetchMock, clock });
    expect(error(await call(server, 'postMessagesSendText', { sessionId: 's1' })).outcomeUnknown).toBeUndefined();
    expect(error(await call(server, ...sendText)).outcomeUnknown).toBeUndefined(); // the server said no

    pacer.settle(`${server.baseUrl}\u0000${server.apiKey}`, { limit: 1, remaining: 0, resetAt: clock.now() + 30_000 });
    const controller = new AbortController();
    const waiting = call(server, ...sendText, { signal: controller.signal });
    await settleMicrotasks();
    controller.abort();
    const err = error(await waiting);
    expect(err.kind).toBe('aborted');
    expect(err.outcomeUnknown).toBeUndefined();
    expect(err.message).toBe('Cancelled before anything was sent.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('an address fetch cannot parse is refused before anything leaves, not reported as "may have gone through"', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const err = error(await call({ ...server, baseUrl: 'http://exa mple:4001' }, ...sendText));
    expect(err.kind).toBe('invalid-input');
    expect(err.outcomeUnknown).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a read is never outcome-unknown', async () => {
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))), clock: new SteppingClock() });
    const err = error(await call(server, 'getSessionList'));
    expect(err.kind).toBe('network');
    expect(err.outcomeUnknown).toBeUndefined();
    expect(isOutcomeUnknown(err)).toBe(false);
    const slow = createClient({ fetch: hangingFetch(), clock: new SteppingClock() });
    expect(error(await slow.call(server, 'getSessionList', {}, { timeoutMs: 10 })).outcomeUnknown).toBeUndefined();
  });

  it('isOutcomeUnknown is exported by the client too, and takes anything error-like', () => {
    expect(reexported).toBe(isOutcomeUnknown);
    expect(isOutcomeUnknown(undefined)).toBe(false);
    expect(isOutcomeUnknown({ outcomeUnknown: true })).toBe(true);
  });
});

describe('keys that cannot be sent', () => {
  it.each([
    ['a zero-width space', `${API_KEY}\u200b`],
    ['curly quotes', `\u201c${API_KEY}\u201d`],
    ['a no-break space', `${API_KEY}\u00a0`],
    ['a line break', `${API_KEY}\n`],
  ])('refuses a key with %s before fetch, as a key problem (not "server not reachable")', async (_what, apiKey) => {
    const fetchMock = vi.fn<typeof fetch>();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const err = error(await call({ ...server, apiKey }, 'getSessionList'));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/characters an API key can't have \(an invisible space or curly quotes/);
    expect(err.message).toMatch(/enter it/);
    expect(err.message).not.toContain(API_KEY);
    expect(err.outcomeUnknown).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('timeouts a timer can keep', () => {
  it('clamps a timeout above 2^31-1 ms instead of timing out at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { call } = createClient({ fetch: hangingFetch(), clock: new SteppingClock() });
    const controller = new AbortController();
    let settled = false;
    const pending = call(server, 'getSessionList', {}, { timeoutMs: 2 ** 33, signal: controller.signal }).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    controller.abort();
    expect(error(await pending).kind).toBe('aborted');
  });

  it('keeps timeouts in 1 ms … 2^31-1 ms, and uses the default for nonsense', () => {
    expect(clampTimeout(2 ** 40)).toBe(MAX_TIMEOUT_MS);
    expect(clampTimeout(0)).toBe(20_000);
    expect(clampTimeout(Number.NaN)).toBe(20_000);
    expect(clampTimeout(-5)).toBe(20_000);
    expect(clampTimeout(0.2)).toBe(1);
    expect(clampTimeout(1500)).toBe(1500);
  });
});

describe('inputs that used to become "internal error"', () => {
  it('answers invalid-input for a file that is not base64, a lone surrogate in a path, and a huge text', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const broken: FilePayload = { kind: 'file', name: 'a.jpg', type: 'image/jpeg', base64: '%%%' };
    expect(error(await call(server, 'postMessagesSendMedia', { sessionId: 's1', to: '1', media: broken })).kind).toBe('invalid-input');
    expect(error(await call(server, 'postMessagesMessageIdActionStar', { messageId: '\udc00', sessionId: 's1', to: '1' })).kind).toBe('invalid-input');
    expect(error(await call(server, 'postMessagesSendText', { sessionId: 's1', to: '1', message: 'x'.repeat(16 * 1024 * 1024) })).kind).toBe('invalid-input');
    expect(error(await call(server, 'getGroups', { sessionId: 'my session/1' })).kind).toBe('invalid-input');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('answers that are not what they seem', () => {
  it('an empty 200 to the session list is a bad response, not "0 sessions"', async () => {
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(200, '')), clock: new SteppingClock() });
    const err = error(await call(server, 'getSessionList'));
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/empty body/);
    expect(err.outcomeUnknown).toBeUndefined();
  });

  it('valid JSON labelled text/html is read as JSON', async () => {
    const body = JSON.stringify({ status: true, code: 1000, results: [{ sessions: [] }] });
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(200, body, 'text/html')), clock: new SteppingClock() });
    expect((await call(server, 'getSessionList')).ok).toBe(true);
  });

  it('403 "Admin only" on an admin-only route says an admin key is needed', async () => {
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(403, '{"error":"Admin only"}')), clock: new SteppingClock() });
    const err = error(await call(server, 'getServerHealthz'));
    expect(err.kind).toBe('forbidden');
    expect(err.message).toMatch(/^This needs an admin key: the saved API key is a user key/);
  });

  it('a 2xx text body quoting the key past character 290 leaves no part of the key', async () => {
    const body = `${'x'.repeat(290)}${API_KEY} trailing words`;
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(200, body, 'text/plain')), clock: new SteppingClock() });
    const text = JSON.stringify(await call(server, 'getSessionList'));
    for (let i = 0; i + 5 <= API_KEY.length; i += 1) expect(text).not.toContain(API_KEY.slice(i, i + 5));
  });

  it('a successful answer carrying the key hands it to no page', async () => {
    const body = JSON.stringify({ status: true, results: [{ apiKey: API_KEY }] });
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => reply(200, body)), clock: new SteppingClock() });
    const result = await call(server, 'getSessionList');
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });
});

describe('ping', () => {
  it('is not paced: it needs no key and counts against no window', async () => {
    const clock = new ManualClock();
    const fetchMock = vi.fn<typeof fetch>(async () => reply(200, '{"status":true,"results":[{"ping":"pong"}]}'));
    const { call, pacer } = createClient({ fetch: fetchMock, clock });
    pacer.settle(`${server.baseUrl}\u0000${server.apiKey}`, { limit: 120, remaining: 0, resetAt: clock.now() + 30_000 });
    const ping = call(server, 'getServerPing');
    await settleMicrotasks();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await ping).ok).toBe(true);
  });
});

describe('an answer far larger than any WARest answer', () => {
  it('is not read whole, and is said to be no WARest answer', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1_000_000).fill(120);
    // 50 MB on the way, with no length given: the client stops pulling once past its cap.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })), clock: new SteppingClock() });
    const result = await call(server, 'getSessionList');
    expect(error(result).kind).toBe('bad-response');
    expect(error(result).message).toMatch(/larger than 32 MB/);
    expect(pulled).toBeLessThan(40);
  });

  it('is refused from its declared length, and a write that got one may have been carried out', async () => {
    const big = () => new Response('x', { status: 200, headers: { 'content-length': String(50_000_000) } });
    const { call } = createClient({ fetch: vi.fn<typeof fetch>(async () => big()), clock: new SteppingClock() });
    const sent = error(await call(server, ...sendText));
    expect(sent).toMatchObject({ kind: 'bad-response', outcomeUnknown: true });
  });
});
