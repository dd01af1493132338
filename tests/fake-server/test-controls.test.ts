/**
 * The fake server's controls for deterministic tests: hold() keeps matching requests until the
 * test releases, fails or drops them (so no test races a clock), failNext can send the client to
 * a proxy's HTML login page with a redirect, and failNext serves large bodies in full.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { LOGIN_PATH, startFakeWarest, type FakeWarest } from './index';

const ALEX = '6281122334455';
let server: FakeWarest;

afterEach(async () => {
  expect(server.errors).toEqual([]);
  await server?.stop();
});

function call(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'X-WAREST-API-KEY': 'user-key', ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...init,
  });
}

/** Settles to 'pending' when the promise has not settled by the time the server answered a later request. */
async function settledYet(promise: Promise<unknown>): Promise<'settled' | 'pending'> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  // A full round trip to the server: anything it was going to answer first is answered by now.
  await call('GET', '/server/ping');
  return settled ? 'settled' : 'pending';
}

describe('hold', () => {
  test('holds a matching request until release; meanwhile others are served; released ones are served as if just arrived', async () => {
    server = await startFakeWarest();
    server.addSession('alice', { id: 'main' });
    const hold = server.hold({ operationId: 'postMessagesSendText' });
    const sending = call('POST', '/messages/send/text', { sessionId: 'main', to: ALEX, message: 'held' });
    const entry = await hold.arrived;
    expect(entry).toMatchObject({ method: 'POST', path: '/api/v1/messages/send/text', operationId: 'postMessagesSendText', body: { message: 'held' } });
    expect(entry.status).toBeUndefined();
    expect(hold.count()).toBe(1);
    expect((await call('GET', '/session/list')).status).toBe(200);
    expect(await settledYet(sending)).toBe('pending');
    expect(server.state.sessions.get('main')?.chats.size).toBe(0); // nothing happened yet

    hold.release();
    const answer = await sending;
    expect(answer.status).toBe(200);
    expect(entry.status).toBe(200);
    // The hold is over: the next matching request goes straight through.
    expect((await call('POST', '/messages/send/text', { sessionId: 'main', to: '6281233344455', message: 'free' })).status).toBe(200);
    expect(hold.count()).toBe(1);
  });

  test('a released request meets the server as it is at release (here: its key rotated meanwhile)', async () => {
    server = await startFakeWarest();
    const hold = server.hold({ path: '/session/list' });
    const listing = call('GET', '/session/list');
    await hold.arrived;
    server.rotateKey('alice');
    hold.release();
    const answer = await listing;
    expect(answer.status).toBe(401);
  });

  test('count limits how many are held; path (with or without /api/v1, or a RegExp) and method narrow the match', async () => {
    server = await startFakeWarest();
    const one = server.hold({ path: /\/session\/list$/, method: 'get', count: 1 });
    const first = call('GET', '/session/list');
    await one.arrived;
    expect((await call('GET', '/session/list')).status).toBe(200); // the second is not held
    expect(one.count()).toBe(1);
    expect(await settledYet(first)).toBe('pending');

    const posts = server.hold({ path: '/api/v1/session/list', method: 'POST' });
    expect((await call('GET', '/session/list')).status).toBe(200); // neither hold takes it now
    expect(posts.count()).toBe(0);
    one.release();
    expect((await first).status).toBe(200);
  });

  test('fail answers the held requests with the given failure instead', async () => {
    server = await startFakeWarest();
    const hold = server.hold({ operationId: 'getSessionList' });
    const both = [call('GET', '/session/list'), call('GET', '/session/list')];
    await hold.arrived;
    while (hold.count() < 2) await settledYet(Promise.resolve());
    hold.fail({ status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' });
    for (const answer of await Promise.all(both)) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('text/html');
      expect(await answer.text()).toContain('Service Unavailable');
    }
    expect(server.stats.injectedFailures).toBe(2);
    expect(server.requests.filter((entry) => entry.operationId === 'getSessionList').map((entry) => entry.status)).toEqual([503, 503]);
  });

  test('drop destroys the held connections without an answer', async () => {
    server = await startFakeWarest();
    const hold = server.hold({ operationId: 'getSessionList' });
    const listing = call('GET', '/session/list');
    const entry = await hold.arrived;
    hold.drop();
    await expect(listing).rejects.toThrow();
    expect(entry.status).toBeUndefined();
    expect((await call('GET', '/session/list')).status).toBe(200);
  });

  test('stop drops held requests, so nothing hangs', async () => {
    server = await startFakeWarest();
    const hold = server.hold({ path: '/session/list' });
    const listing = call('GET', '/session/list');
    await hold.arrived;
    await server.stop();
    await expect(listing).rejects.toThrow();
  });
});

describe('a proxy in front: redirect to a login page', () => {
  test('failNext({ redirectTo }) answers 302 with Location; following it lands on an HTML login page', async () => {
    server = await startFakeWarest();
    server.failNext({ redirectTo: LOGIN_PATH });
    const manual = await call('GET', '/session/list', undefined, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/login');

    server.failNext({ redirectTo: LOGIN_PATH });
    const followed = await call('POST', '/messages/send/text', { sessionId: 'main', to: ALEX, message: 'hi' });
    expect(followed.redirected).toBe(true);
    expect(followed.url).toBe(`${server.url}/login`);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await followed.text()).toMatch(/<form[^>]*>/);
    expect(server.requests.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', '/api/v1/session/list', 302],
      ['POST', '/api/v1/messages/send/text', 302],
      ['GET', '/login', 200],
    ]);
    expect(server.stats.injectedFailures).toBe(2);
  });

  test('the login page is served on its own, without a key, whatever the Origin; other statuses are possible', async () => {
    server = await startFakeWarest();
    const page = await fetch(`${server.url}/login`, { headers: { Origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in');
    server.failNext({ redirectTo: 'https://auth.example.com/login?rd=warest', status: 307 });
    const temporary = await call('GET', '/session/list', undefined, { redirect: 'manual' });
    expect([temporary.status, temporary.headers.get('location')]).toEqual([307, 'https://auth.example.com/login?rd=warest']);
  });
});

describe('large bodies', () => {
  test('failNext serves a 50 MB body in full, and a client that stops reading early leaves the server fine', async () => {
    server = await startFakeWarest();
    const size = 50 * 1024 * 1024;
    const bytes = new Uint8Array(size).fill(0x61);
    server.failNext({ status: 200, body: bytes, contentType: 'application/json' });
    const whole = await call('GET', '/session/list');
    expect(whole.headers.get('content-length')).toBe(String(size));
    expect((await whole.arrayBuffer()).byteLength).toBe(size);

    server.failNext({ status: 200, body: bytes, contentType: 'application/json' });
    const partial = await call('GET', '/session/list');
    const reader = partial.body?.getReader();
    const chunk = await reader?.read();
    expect(chunk?.value?.length).toBeGreaterThan(0);
    await reader?.cancel();
    expect((await call('GET', '/session/list')).status).toBe(200);
  }, 30_000);
});
