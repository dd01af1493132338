import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiResult } from '@/lib/warest/api-result';
import { createClient, type ServerCredentials } from '@/lib/warest/client';
import type { FilePayload } from '@/lib/warest/file-payload';
import { settleMicrotasks, SteppingClock } from '../helpers/clocks';

const API_KEY = 'wk_live_Zq9SECRETkey4242';
const server: ServerCredentials = { baseUrl: 'http://192.168.1.10:4001', apiKey: API_KEY };
const HOST = '192.168.1.10:4001';

type FetchArgs = Parameters<typeof fetch>;

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

const OK = { status: true, code: 1000, message: 'OK', results: [{ pong: true }] };

/** A fetch that answers from a list, one answer per call, and records what it was given. */
function scriptedFetch(...answers: Array<Response | Error | (() => Response)>) {
  return vi.fn<typeof fetch>(async () => {
    const next = answers.shift();
    if (!next) throw new Error('scriptedFetch: no more answers');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next;
  });
}

/** A fetch that never answers but, like the real one, rejects when its signal aborts. */
function hangingFetch() {
  return vi.fn<typeof fetch>(
    (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')), { once: true });
      }),
  );
}

function sent(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, call = 0): { url: string; init: RequestInit; headers: Record<string, string> } {
  const args = fetchMock.mock.calls[call] as FetchArgs | undefined;
  if (!args) throw new Error(`fetch was not called ${call + 1} time(s)`);
  const init = args[1] ?? {};
  return { url: String(args[0]), init, headers: (init.headers ?? {}) as Record<string, string> };
}

function error(result: ApiResult): ApiError {
  if (result.ok) throw new Error('expected an error, got success');
  return result.error;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createClient().call: what is sent', () => {
  it('sends the API key header, Accept, no Content-Type on a GET, and no cookies', async () => {
    const fetchMock = scriptedFetch(reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const result = await call(server, 'getServerPing');

    expect(result.ok).toBe(true);
    const { url, init, headers } = sent(fetchMock);
    expect(url).toBe('http://192.168.1.10:4001/api/v1/server/ping');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.credentials).toBe('omit');
    expect(headers['X-WAREST-API-KEY']).toBe(API_KEY);
    expect(headers.Accept).toBe('application/json');
    expect(headers).not.toHaveProperty('Content-Type');
  });

  it('sends Content-Type: application/json with a JSON body', async () => {
    const fetchMock = scriptedFetch(reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    await call(server, 'postMessagesSendText', { sessionId: 's1', to: '6281', message: 'hi' });

    const { init, headers } = sent(fetchMock);
    expect(init.method).toBe('POST');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ sessionId: 's1', to: '6281', message: 'hi' });
  });

  it('sends no Content-Type of its own with multipart form data (fetch adds the boundary)', async () => {
    const fetchMock = scriptedFetch(reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const file: FilePayload = { kind: 'file', name: 'a.jpg', type: 'image/jpeg', base64: 'AAEC' };
    await call(server, 'postMessagesSendMedia', { sessionId: 's1', to: '6281', media: file });

    const { init, headers } = sent(fetchMock);
    expect(init.body).toBeInstanceOf(FormData);
    expect(headers).not.toHaveProperty('Content-Type');
    expect(headers['X-WAREST-API-KEY']).toBe(API_KEY);
  });

  it('returns the envelope and the latency measured on its clock', async () => {
    const clock = new SteppingClock();
    const fetchMock = vi.fn<typeof fetch>(async () => {
      clock.time += 37;
      return reply(200, OK);
    });
    const { call } = createClient({ fetch: fetchMock, clock });
    const result = await call(server, 'getServerPing');
    expect(result).toMatchObject({ ok: true, status: 200, code: 1000, results: [{ pong: true }], latencyMs: 37 });
  });

  it('refuses an unknown operation id without sending anything', async () => {
    const fetchMock = scriptedFetch();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const err = error(await call(server, 'getEverything'));
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toContain('getEverything');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses invalid inputs without sending anything', async () => {
    const fetchMock = scriptedFetch();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    expect(error(await call(server, 'getSessionCreate', {})).kind).toBe('invalid-input');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names the session of the call when the server says it is not logged in', async () => {
    const fetchMock = scriptedFetch(reply(409, { status: false, code: 1106, message: 'Login required (scan QR or pairing)' }));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const err = error(await call(server, 'getGroups', { sessionId: 'shop.main' }));
    expect(err.kind).toBe('not-logged-in');
    expect(err.message).toContain('shop.main');
  });
});

describe('createClient().call: failures on the way', () => {
  it('turns a rejected fetch (TypeError) into a network error naming the host', async () => {
    const { call } = createClient({ fetch: scriptedFetch(new TypeError('Failed to fetch')), clock: new SteppingClock() });
    const err = error(await call(server, 'getServerPing'));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(HOST);
    expect(err.message).toMatch(/Can't reach/);
  });

  it('times out a fetch that never answers, saying how many seconds it waited', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetchMock = hangingFetch();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const pending = call(server, 'getServerPing', {}, { timeoutMs: 3_000 });
    await vi.advanceTimersByTimeAsync(2_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await settleMicrotasks();
    expect(settled).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    const err = error(await pending);
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain(`${HOST} did not answer within 3 s`);
  });

  it('times out for real with a small timeout', async () => {
    const { call } = createClient({ fetch: hangingFetch(), clock: new SteppingClock() });
    const err = error(await call(server, 'getServerPing', {}, { timeoutMs: 20 }));
    expect(err.kind).toBe('timeout');
    // Under a second, the message gives milliseconds rather than a misleading "0 s".
    expect(err.message).toContain('did not answer within 20 ms');
  });

  it('reports a call the caller aborts as aborted, not as a network error', async () => {
    const fetchMock = hangingFetch();
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const controller = new AbortController();
    const pending = call(server, 'getServerPing', {}, { signal: controller.signal, timeoutMs: 60_000 });
    await settleMicrotasks();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    controller.abort();
    const err = error(await pending);
    expect(err.kind).toBe('aborted');
  });

  it('sends nothing when the caller has already cancelled', async () => {
    const fetchMock = scriptedFetch(reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const controller = new AbortController();
    controller.abort();
    const err = error(await call(server, 'postMessagesSendText', { sessionId: 's1', to: '1', message: 'hi' }, { signal: controller.signal }));
    expect(err.kind).toBe('aborted');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('createClient().call: rate limits', () => {
  function limited(clock: SteppingClock, waitS: number) {
    return reply(429, { status: false, message: 'Too many requests' }, {
      'X-RateLimit-Limit': '120',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.floor(clock.now() / 1000) + waitS),
    });
  }

  it('retries a rate-limited GET once, after the reset, and returns its success', async () => {
    const clock = new SteppingClock();
    const start = clock.now();
    const fetchMock = scriptedFetch(limited(clock, 3), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });

    const result = await call(server, 'getSessionList');
    expect(result.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
    expect(clock.now() - start).toBeLessThan(5_000);
  });

  it('retries a GET only once: a second 429 is returned', async () => {
    const clock = new SteppingClock();
    const fetchMock = scriptedFetch(limited(clock, 2), () => limited(clock, 2), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });
    expect(error(await call(server, 'getSessionList')).kind).toBe('rate-limited');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('never retries a rate-limited POST (it could send a message twice)', async () => {
    const clock = new SteppingClock();
    const fetchMock = scriptedFetch(limited(clock, 1), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });
    const err = error(await call(server, 'postMessagesSendText', { sessionId: 's1', to: '1', message: 'hi' }));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBeGreaterThan(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not retry when the caller says not to', async () => {
    const clock = new SteppingClock();
    const fetchMock = scriptedFetch(limited(clock, 1), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });
    expect(error(await call(server, 'getSessionList', {}, { retryRateLimited: false })).kind).toBe('rate-limited');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not retry a GET when the wait would be longer than a minute or so', async () => {
    const clock = new SteppingClock();
    const fetchMock = scriptedFetch(reply(429, { status: false }, { 'Retry-After': '600' }), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });
    expect(error(await call(server, 'getSessionList')).kind).toBe('rate-limited');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('holds the next call until the window resets once the server says none are left', async () => {
    const clock = new SteppingClock();
    const start = clock.now();
    const headers = { 'X-RateLimit-Limit': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(start / 1000) + 10) };
    const fetchMock = scriptedFetch(reply(200, OK, headers), reply(200, OK));
    const { call } = createClient({ fetch: fetchMock, clock });

    await call(server, 'getSessionList');
    expect(clock.now()).toBe(start);
    await call(server, 'getSessionList');
    // The reset second is stated rounded down: the window lasts until its end.
    expect(clock.now() - start).toBeGreaterThanOrEqual(11_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('createClient().call: the API key never leaks into errors', () => {
  it.each([
    [400, { status: false, message: `Bad key format: ${API_KEY}` }],
    [401, { status: false, message: `Invalid API key ${API_KEY}` }],
    [403, { status: false, message: `Key ${API_KEY} is not an admin key` }],
    [404, { status: false, code: 1201, message: `No route for key=${API_KEY}` }],
    [409, { status: false, message: `Conflict for ${API_KEY}` }],
    [500, { error: `Unhandled: header x-warest-api-key=${API_KEY}` }],
    [503, `Service down (key ${API_KEY})`],
  ])('HTTP %i echoing the key', async (status, body) => {
    const fetchMock = scriptedFetch(reply(status, body, typeof body === 'string' ? { 'content-type': 'text/plain' } : {}));
    const { call } = createClient({ fetch: fetchMock, clock: new SteppingClock() });
    const result = await call(server, 'postServerRestart');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    const err = error(result);
    expect(err.message).not.toContain(API_KEY);
    expect(err.serverMessage).toBeDefined();
    expect(err.serverMessage).not.toContain(API_KEY);
    expect(err.serverMessage).toContain('[API key]');
  });

  it('leaves no part of the key when a long server message is cut right through it', async () => {
    const body = { status: false, message: `${'x'.repeat(290)}${API_KEY} and more` };
    const { call } = createClient({ fetch: scriptedFetch(reply(400, body)), clock: new SteppingClock() });
    const text = JSON.stringify(await call(server, 'postServerRestart'));
    expect(text).not.toContain(API_KEY.slice(0, 8));
  });

  it('keeps the key out of network and timeout errors too', async () => {
    const { call } = createClient({ fetch: scriptedFetch(new TypeError(`fetch failed for ${API_KEY}`)), clock: new SteppingClock() });
    expect(JSON.stringify(await call(server, 'getServerPing'))).not.toContain(API_KEY);
  });
});
