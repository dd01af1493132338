/**
 * The fake server reproduces what a running stock WARest v0.3.44 does where the published
 * description says otherwise or nothing (../shared/warest/README.md, "Facts about a stock
 * server"): the recipient cooldown and the send quota, the rounded-down window reset, routes that
 * count twice, 404/1101 for a not-open session on Messages and Chats routes, admin-only server
 * routes, a keyless ping, the HH:MM restart schedule, plain {error} middleware answers, and the
 * Origin check on GET. Over real HTTP; time is a stepped clock, never a sleep.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeWarest, type FakeWarest, type FakeWarestOptions } from './index';

const ALEX = '6281122334455';
const BUDI = '6281233344455';
const CITRA = '6281355566677';
/** An arbitrary instant 400 ms into a second: the stepped clock starts here. */
const T0 = 1_700_000_000_400;

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

let server: FakeWarest;
let now = T0;

async function start(options: FakeWarestOptions = {}): Promise<FakeWarest> {
  now = T0;
  server = await startFakeWarest({ clock: () => now, ...options });
  return server;
}

afterEach(async () => {
  expect(server.errors).toEqual([]);
  await server?.stop();
});

async function api(method: string, path: string, call: { key?: string | null; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...call.headers };
  const key = call.key === undefined ? 'user-key' : call.key;
  if (key) headers['X-WAREST-API-KEY'] = key;
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
  const response = await fetch(`${server.url}/api/v1${path}${query}`, { method, headers, body });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const sendText = (to: string | string[], key = 'user-key', sessionId = 'main') => api('POST', '/messages/send/text', { key, body: { sessionId, to, message: 'hi' } });
const remaining = (answer: Answer) => Number(answer.headers.get('x-ratelimit-remaining'));

describe('recipient cooldown (fact 3): one send per key and recipient every 3 s', () => {
  test('a second send to the same recipient within 3 s is 429 Recipient cooldown with Retry-After, and the window is not spent', async () => {
    await start(); // no recipientCooldownMs: the stock 3000 ms
    server.addSession('alice', { id: 'main' });
    const first = await sendText(ALEX);
    expect(first.status).toBe(200);
    expect(remaining(first)).toBe(118); // a Messages route counts twice

    const again = await sendText(ALEX);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('3');
    expect(again.json).toEqual({ error: 'Recipient cooldown', retryAfter: 3 });
    expect(again.headers.get('x-ratelimit-limit')).toBe('120');
    expect(remaining(again)).toBe(116); // the true remainder: plenty left

    // Seconds left, rounded up, at least 1.
    now = T0 + 1500;
    const later = await sendText(`${ALEX}@s.whatsapp.net`); // the same recipient, written as a JID
    expect([later.status, later.headers.get('retry-after'), later.json.retryAfter]).toEqual([429, '2', 2]);
    now = T0 + 2999;
    const last = await sendText(`+${ALEX}`);
    expect([last.status, last.headers.get('retry-after'), last.json.retryAfter]).toEqual([429, '1', 1]);
    now = T0 + 3000;
    expect((await sendText(ALEX)).status).toBe(200);
    expect(server.state.sessions.get('main')?.chats.get(`${ALEX}@s.whatsapp.net`)?.messages).toHaveLength(2);
    expect(server.stats.recipientCooldowns).toBe(3);
    expect(server.stats.rateLimited).toBe(0);
  });

  test('another recipient, or the same recipient with another key, is not held; other routes are not held', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    server.addSession('bob', { id: 'bobs' });
    expect((await sendText(ALEX)).status).toBe(200);
    expect((await sendText(BUDI)).status).toBe(200);
    expect((await sendText(ALEX, 'other-key', 'bobs')).status).toBe(200);
    // A list of recipients is held when any of them is cooling down, and passes when none is.
    expect((await sendText([CITRA, ALEX])).status).toBe(429);
    expect((await sendText([CITRA])).status).toBe(200);
    // Not a send: actions on the chat with Alex go through.
    expect((await api('POST', '/messages/action/archive', { body: { sessionId: 'main', to: ALEX } })).status).toBe(200);
    expect((await api('GET', '/session/list')).status).toBe(200);
  });

  test('multipart sends are guarded too', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const photo = () => {
      const form = new FormData();
      form.set('sessionId', 'main');
      form.set('to', ALEX);
      form.set('media', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }));
      return form;
    };
    expect((await api('POST', '/messages/send/media', { body: photo() })).status).toBe(200);
    const again = await api('POST', '/messages/send/media', { body: photo() });
    expect(again.status).toBe(429);
    expect(again.json).toEqual({ error: 'Recipient cooldown', retryAfter: 3 });
  });

  test('recipientCooldownMs shortens it (still rounded up to at least 1 s), 0 turns it off, setRecipientCooldown changes it', async () => {
    await start({ recipientCooldownMs: 500 });
    server.addSession('alice', { id: 'main' });
    expect((await sendText(ALEX)).status).toBe(200);
    now = T0 + 100;
    const held = await sendText(ALEX);
    expect([held.status, held.headers.get('retry-after'), held.json.retryAfter]).toEqual([429, '1', 1]);
    now = T0 + 500;
    expect((await sendText(ALEX)).status).toBe(200);
    server.setRecipientCooldown(0);
    expect((await sendText(ALEX)).status).toBe(200);
    expect((await sendText(ALEX)).status).toBe(200);
  });

  test('the per-key send quota: 500 sends per 60 s by default, then 429 {"error":"Too many requests"} with the window headers', async () => {
    await start({ rateLimit: { limit: 5000, windowMs: 60_000 } });
    server.addSession('alice', { id: 'main' });
    // 500 distinct recipients, so the cooldown never holds one.
    const recipients = Array.from({ length: 501 }, (_, index) => `62812${String(index).padStart(8, '0')}`);
    for (let start = 0; start < 500; start += 50) {
      const answers = await Promise.all(recipients.slice(start, start + 50).map((to) => sendText(to)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    }
    const over = await sendText(recipients[500] ?? '');
    expect(over.status).toBe(429);
    expect(over.json).toEqual({ error: 'Too many requests' });
    expect(over.headers.get('retry-after')).toBeNull();
    expect(remaining(over)).toBe(5000 - 2 * 501);
    // Other routes still work; the quota is per key and per window.
    expect((await api('GET', '/session/list')).status).toBe(200);
    now = T0 + 60_000;
    expect((await sendText(recipients[500] ?? '')).status).toBe(200);
  }, 30_000);

  test('sendQuota shortens the quota for tests', async () => {
    await start({ sendQuota: { limit: 2, windowMs: 60_000 } });
    server.addSession('alice', { id: 'main' });
    expect((await sendText(ALEX)).status).toBe(200);
    expect((await sendText(BUDI)).status).toBe(200);
    const over = await sendText(CITRA);
    expect([over.status, over.json]).toEqual([429, { error: 'Too many requests' }]);
    expect(server.stats.rateLimited).toBe(1);
    // A quota-refused send did not start Citra's cooldown.
    now = T0 + 60_000;
    expect((await sendText(CITRA)).status).toBe(200);
  });
});

describe('the window (fact 3)', () => {
  test('X-RateLimit-Reset is the window end rounded DOWN: at the stated second the key can still get 429', async () => {
    await start({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const first = await api('GET', '/session/list');
    expect(first.status).toBe(200);
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBe(Math.floor((T0 + 60_000) / 1000));

    now = reset * 1000; // the stated second: the window really ends 400 ms later
    const early = await api('GET', '/session/list');
    expect(early.status).toBe(429);
    expect(early.json).toEqual({ error: 'Too many requests' });
    expect(early.headers.get('retry-after')).toBeNull();
    expect(early.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(early.headers.get('x-ratelimit-reset')).toBe(String(reset));

    now = T0 + 60_000;
    const fresh = await api('GET', '/session/list');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('x-ratelimit-reset')).toBe(String(Math.floor((T0 + 120_000) / 1000)));
  });

  test('Misc, Messages and Chats routes count twice; the headers tell the true remainder', async () => {
    await start({ rateLimit: { limit: 11, windowMs: 60_000 } });
    server.addSession('alice', { id: 'main' });
    const seen: Array<[string, number, number]> = [];
    const note = async (label: string, answer: Promise<Answer>) => {
      const done = await answer;
      seen.push([label, done.status, remaining(done)]);
    };
    await note('session', api('GET', '/session/list'));
    await note('chats', api('GET', '/chats', { query: { sessionId: 'main' } }));
    await note('misc', api('POST', '/misc/uuid/generate', { body: { count: 1 } }));
    await note('send', sendText(ALEX));
    await note('action', api('POST', '/messages/action/archive', { body: { sessionId: 'main', to: ALEX } }));
    await note('groups', api('GET', '/groups', { query: { sessionId: 'main' } }));
    // One left: a double-counted route's second run goes over the limit.
    await note('chats', api('GET', '/chats', { query: { sessionId: 'main' } }));
    expect(seen).toEqual([
      ['session', 200, 10],
      ['chats', 200, 8],
      ['misc', 200, 6],
      ['send', 200, 4],
      ['action', 200, 2],
      ['groups', 200, 1],
      ['chats', 429, 0],
    ]);
  });
});

describe('not-open sessions (fact 7)', () => {
  const NOT_OPEN = ['starting', 'connecting', 'reconnecting', 'logged_out', 'stopped', 'replaced'] as const;

  test.each(NOT_OPEN)('a listed %s session: Messages and Chats routes answer 404/1101, groups and profile 409/1106', async (status) => {
    await start();
    server.addSession('alice', { id: 'idle', status });
    const listed = await api('GET', '/session/list');
    expect(JSON.stringify(listed.json)).toContain('"idle"');

    const notFound = { status: false, code: 1101, message: 'Session not found' };
    const send = await sendText(ALEX, 'user-key', 'idle');
    expect([send.status, send.json]).toEqual([404, { ...notFound, results: null }]);
    const star = await api('POST', '/messages/ABC/action/star', { body: { sessionId: 'idle', to: ALEX } });
    expect([star.status, star.json]).toEqual([404, { ...notFound, results: null }]);
    const chats = await api('GET', '/chats', { query: { sessionId: 'idle' } });
    expect([chats.status, chats.json]).toEqual([404, { ...notFound, result: null }]);
    const history = await api('GET', `/chats/${ALEX}/messages`, { query: { sessionId: 'idle' } });
    expect([history.status, history.json]).toEqual([404, { ...notFound, result: null }]);

    for (const [path, query] of [['/groups', { sessionId: 'idle' }], ['/profile/info', { sessionId: 'idle' }]] as const) {
      const answer = await api('GET', path, { query });
      expect(answer.status, path).toBe(409);
      expect(answer.json.code, path).toBe(1106);
    }
  });
});

describe('server routes (facts 8, 9)', () => {
  const ADMIN_ONLY: Array<[string, string, unknown?]> = [
    ['GET', '/server/info'],
    ['GET', '/server/healthz'],
    ['GET', '/server/ready'],
    ['GET', '/server/cpu-history'],
    ['POST', '/server/restart'],
    ['POST', '/server/restart/scheduled', { schedule: '02:30' }],
  ];

  test('every /server/* route but ping answers a user key 403 {"error":"Admin only"}, and an admin key normally', async () => {
    await start();
    for (const [method, path, body] of ADMIN_ONLY) {
      const refused = await api(method, path, { body });
      expect(refused.status, path).toBe(403);
      expect(refused.json, path).toEqual({ error: 'Admin only' });
    }
    expect(server.state.server.restartPending).toBeNull();
    expect(server.state.server.scheduledRestart).toBeNull();
    for (const [method, path, body] of ADMIN_ONLY) {
      const allowed = await api(method, path, { key: 'admin-key', body });
      expect(allowed.status, path).toBe(200);
      expect(allowed.json.status, path).toBe(true);
    }
  });

  test('ping needs no key (missing or wrong is fine), sends no X-RateLimit headers and does not count', async () => {
    await start({ rateLimit: { limit: 1, windowMs: 60_000 } });
    for (const key of [null, 'wrong-key', 'user-key', 'user-key']) {
      const ping = await api('GET', '/server/ping', { key });
      expect(ping.status, String(key)).toBe(200);
      expect(ping.json).toMatchObject({ status: true, code: 1000 });
      expect([...ping.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
    }
    expect(server.stats.unauthorized).toBe(0);
    const list = await api('GET', '/session/list');
    expect(list.status).toBe(200);
    expect(list.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  test('a restart schedule is HH:MM (00:00–23:59) with a time zone, or "0" to cancel; anything else is 400', async () => {
    await start();
    const schedule = (body: Record<string, unknown>) => api('POST', '/server/restart/scheduled', { key: 'admin-key', body });
    for (const bad of ['30 2 * * *', '24:00', '2:30', '02:60', '0230', 'tomorrow', '']) {
      const refused = await schedule({ schedule: bad, timezone: 'Asia/Jakarta' });
      expect(refused.status, bad).toBe(400);
      expect(refused.json, bad).toEqual({ status: false, code: 2002, message: 'Schedule must use HH:MM 24-hour format (e.g., 02:30)', results: null });
    }
    expect(server.state.server.scheduledRestart).toBeNull();
    for (const good of ['00:00', '23:59']) expect((await schedule({ schedule: good, timezone: 'Europe/Berlin' })).status, good).toBe(200);
    expect(server.state.server.scheduledRestart).toEqual({ time: '23:59', timezone: 'Europe/Berlin' });
    expect((await schedule({ schedule: '0' })).status).toBe(200);
    expect(server.state.server.scheduledRestart).toBeNull();
  });
});

describe('key refusals and Origin (facts 1, 10)', () => {
  test('401 is a plain {"error"} body from the middleware; another key’s session is the route’s 403 envelope', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    for (const call of [{ key: null }, { key: 'wrong-key' }, { key: null, headers: { Authorization: 'Bearer wrong-key' } }]) {
      const refused = await api('GET', '/session/list', call);
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ error: 'Invalid API key' });
      expect(refused.headers.get('x-ratelimit-limit')).toBeNull();
    }
    expect(server.stats.unauthorized).toBe(3);
    const foreign = await api('GET', '/chats', { key: 'other-key', query: { sessionId: 'main' } });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ status: false, code: 2201 });
  });

  test('a foreign Origin is refused on GET as well: 500 {"error":"CORS not allowed: …"}, before the key is looked at', async () => {
    await start();
    for (const key of ['user-key', null]) {
      const refused = await api('GET', '/session/list', { key, headers: { Origin: 'https://evil.example' } });
      expect(refused.status).toBe(500);
      expect(refused.json).toEqual({ error: 'CORS not allowed: https://evil.example' });
    }
    expect(server.stats.originRejections).toBe(2);
    expect(server.stats.unauthorized).toBe(0);
    // Nothing was counted against the key's window.
    expect((await api('GET', '/session/list')).headers.get('x-ratelimit-remaining')).toBe('119');
  });
});
