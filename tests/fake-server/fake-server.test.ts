/**
 * The fake WARest server behaves like a stock server (README facts 1–7) over real HTTP:
 * origin check, auth, rate limit, validation, session lifecycle with the simulated phone,
 * login-required and ownership errors, group admin rules, message actions, test controls, demo.
 * The finer stock facts (cooldown, double counting, admin-only, ping…) are in stock-behaviour.test.ts.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeWarest, type FakeWarest, type FakeWarestOptions, type LiveEvent } from './index';

const HERE = dirname(fileURLToPath(import.meta.url));
const ALEX = '6281122334455';

interface ApiCall {
  key?: string | null;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

let server: FakeWarest;

async function start(options: FakeWarestOptions = {}): Promise<FakeWarest> {
  server = await startFakeWarest(options);
  return server;
}

afterEach(async () => {
  await server?.stop();
});

async function api(method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  const key = call.key === undefined ? 'user-key' : call.key;
  if (key) headers['X-WAREST-API-KEY'] = key;
  let body: BodyInit | undefined;
  if (call.body instanceof FormData || typeof call.body === 'string' || call.body instanceof Uint8Array) body = call.body as BodyInit;
  else if (call.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(call.body);
  }
  const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
  const response = await fetch(`${server.url}/api/v1${path}${query}`, { method, headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (injected failures): tests read `text`
  }
  return { status: response.status, headers: response.headers, text, json };
}

function firstResult(answer: ApiAnswer): Record<string, unknown> {
  const results = answer.json.results as Array<Record<string, unknown>> | null;
  const first = results?.[0];
  if (!first) throw new Error(`no results[0] in ${answer.text}`);
  return first;
}

function sessionItems(answer: ApiAnswer): Array<Record<string, unknown>> {
  return firstResult(answer).items as Array<Record<string, unknown>>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('origin check (before auth)', () => {
  test('a request carrying an Origin header is refused with 500 and a plain JSON error on a stock server', async () => {
    await start();
    const answer = await api('POST', '/messages/send/text', { headers: { Origin: 'chrome-extension://abcdefghijklmnop' }, body: { sessionId: 'x', to: ALEX, message: 'hi' } });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ error: 'CORS not allowed: chrome-extension://abcdefghijklmnop' });
    expect(server.stats.originRejections).toBe(1);
    // Before auth: even a request without a key gets the CORS error, not 401.
    const keyless = await api('GET', '/server/ping', { key: null, headers: { Origin: 'https://evil.example' } });
    expect(keyless.status).toBe(500);
    expect(server.stats.originRejections).toBe(2);
  });

  test('the same request without Origin passes', async () => {
    await start();
    const answer = await api('GET', '/server/ping');
    expect(answer.status).toBe(200);
    expect(server.stats.originRejections).toBe(0);
  });

  test("allowing '*' lets extension origins through; listing a chrome-extension:// origin does not", async () => {
    await start({ allowedOrigins: ['chrome-extension://abcdefghijklmnop', 'https://dashboard.example'] });
    expect((await api('GET', '/server/ping', { headers: { Origin: 'chrome-extension://abcdefghijklmnop' } })).status).toBe(500);
    const listed = await api('GET', '/server/ping', { headers: { Origin: 'https://dashboard.example' } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    server.setAllowedOrigins('*');
    const wildcard = await api('GET', '/server/ping', { headers: { Origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(wildcard.status).toBe(200);
    expect(wildcard.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('auth', () => {
  test('a missing or unknown key gets 401 with a plain {error} body (middleware, no envelope); X-WAREST-API-KEY and Bearer both work', async () => {
    await start();
    for (const key of [null, 'wrong-key']) {
      const answer = await api('GET', '/session/list', { key });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: 'Invalid API key' });
      expect(server.requests.at(-1)).toMatchObject({ operationId: 'getSessionList', status: 401, violations: [] });
    }
    expect((await api('GET', '/session/list', { key: null, headers: { Authorization: 'Bearer user-key' } })).status).toBe(200);
    expect((await api('GET', '/session/list')).status).toBe(200);
  });

  test('rotateKey makes the old key invalid and the new one work, sessions still belonging to the user', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const fresh = server.rotateKey('alice');
    expect(fresh).not.toBe('user-key');
    expect((await api('GET', '/session/list')).status).toBe(401);
    const list = await api('GET', '/session/list', { key: fresh });
    expect(sessionItems(list).map((item) => item.id)).toEqual(['main']);
  });

  test('admin-only routes answer 403 {"error":"Admin only"} (not an envelope) to user keys', async () => {
    await start();
    for (const [method, path, body] of [['GET', '/server/info'], ['POST', '/server/restart'], ['POST', '/server/restart/scheduled', { schedule: '02:30' }]] as const) {
      const answer = await api(method, path, { body });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({ error: 'Admin only' });
    }
    expect((await api('GET', '/server/info', { key: 'admin-key' })).status).toBe(200);
  });
});

describe('rate limit', () => {
  test('every answer carries the X-RateLimit headers; past the limit the key gets 429 {"error":"Too many requests"}', async () => {
    await start({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const before = Math.floor(Date.now() / 1000);
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await api('GET', '/session/list');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
      remaining.push(answer.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api('GET', '/session/list');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ error: 'Too many requests' });
    expect(limited.headers.get('retry-after')).toBeNull();
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(before + 59);
    expect(reset).toBeLessThanOrEqual(before + 61);
    // Errors count and carry the headers too; another key has its own window.
    expect((await api('GET', '/nope')).headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await api('GET', '/session/list', { key: 'other-key' })).status).toBe(200);
    expect(server.stats.rateLimited).toBe(2);
  });

  test('the window resets after windowMs', async () => {
    await start();
    server.setRateLimit({ limit: 1, windowMs: 200 });
    expect((await api('GET', '/session/list')).status).toBe(200);
    expect((await api('GET', '/session/list')).status).toBe(429);
    await sleep(250);
    expect((await api('GET', '/session/list')).status).toBe(200);
  });
});

describe('validation against openapi.yaml', () => {
  test('a body missing a required field gets 400 code 2001 naming it, and is logged as a violation', async () => {
    await start();
    const answer = await api('POST', '/messages/send/text', { body: { sessionId: 'main', to: ALEX } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: false, code: 2001, message: 'message is required' });
    expect(server.violations()).toEqual(['postMessagesSendText: message is required']);
  });

  test('a wrong type gets 400 code 2002 naming the field', async () => {
    await start();
    const wrongTo = await api('POST', '/messages/send/text', { body: { sessionId: 'main', to: 628123, message: 'hi' } });
    expect(wrongTo.json).toMatchObject({ code: 2002, message: 'to must be string or array' });
    const wrongPin = await api('POST', `/chats/${ALEX}/pin`, { body: { sessionId: 'main', pin: 'yes' } });
    expect(wrongPin.status).toBe(400);
    expect(wrongPin.json).toMatchObject({ code: 2002, message: 'pin must be boolean' });
    const wrongLimit = await api('GET', '/chats', { query: { sessionId: 'main', limit: 'ten' } });
    expect(wrongLimit.json).toMatchObject({ code: 2002, message: 'limit must be an integer' });
    const wrongEnum = await api('GET', '/chats', { query: { sessionId: 'main', sortBy: 'date' } });
    expect(wrongEnum.json).toMatchObject({ code: 2002, message: 'sortBy must be one of: lastMessage, unreadCount, name' });
    expect(server.violations()).toHaveLength(4);
  });

  test('required query parameters, session ID rules, bodies, content types and JSON syntax are enforced', async () => {
    await start();
    expect((await api('GET', '/session/create')).json).toMatchObject({ code: 1100, message: 'sessionId is required' });
    expect((await api('GET', '/session/create', { query: { sessionId: 'bad id!' } })).json).toMatchObject({ code: 2002 });
    expect((await api('GET', '/session/create', { query: { sessionId: 'x'.repeat(65) } })).json).toMatchObject({ code: 2002 });
    expect((await api('GET', '/session/create/pair-code', { query: { sessionId: 'p' } })).json).toMatchObject({ code: 2001, message: 'phone is required' });
    expect((await api('POST', '/group/create')).json).toMatchObject({ code: 2001, message: 'request body is required' });
    const wrongType = await api('POST', '/group/create', { body: 'groupName=x', headers: { 'Content-Type': 'text/plain' } });
    expect(wrongType.json).toMatchObject({ code: 2002, message: 'Content-Type must be one of: application/json' });
    const broken = await api('POST', '/group/create', { body: '{"sessionId": "main",', headers: { 'Content-Type': 'application/json' } });
    expect(broken.json).toMatchObject({ code: 2008 });
    // `location` carries `required: true` inside the property in the spec: a strict server requires it.
    const noLocation = await api('POST', '/messages/send/location', { body: { sessionId: 'main', to: ALEX, latitude: -6.2, longitude: 106.8 } });
    expect(noLocation.json).toMatchObject({ code: 2001, message: 'location is required' });
    expect(server.violations().length).toBe(8);
  });

  test('unknown routes and wrong methods answer 404 JSON and count as violations', async () => {
    await start();
    const unknown = await api('GET', '/session/everything');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ status: false, code: 2600 });
    expect((await api('DELETE', '/session/list')).status).toBe(404);
    expect(server.violations()).toEqual(['GET /api/v1/session/everything: no such operation', 'DELETE /api/v1/session/list: no such operation (wrong method)']);
  });

  test('valid requests leave no violation and are logged with their operationId', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    await api('GET', '/session/list');
    await api('POST', '/messages/send/text', { body: { sessionId: 'main', to: [ALEX], message: 'hi' } });
    // The spec documents `id` and `session` as aliases of the sessionId query parameter.
    expect((await api('GET', '/session/devices', { query: { session: 'main' } })).status).toBe(200);
    expect(server.violations()).toEqual([]);
    expect(server.requests.map((entry) => entry.operationId)).toEqual(['getSessionList', 'postMessagesSendText', 'getSessionDevices']);
    expect(server.requests[1]?.body).toEqual({ sessionId: 'main', to: [ALEX], message: 'hi' });
  });

  test('multipart/form-data uploads are parsed, typed by the schema and validated', async () => {
    await start();
    const session = server.addSession('alice', { id: 'main' });
    const form = new FormData();
    form.set('sessionId', 'main');
    form.set('to', ALEX);
    form.set('caption', 'a photo');
    form.set('viewOnce', 'true');
    form.set('media', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }));
    const sent = await api('POST', '/messages/send/media', { body: form });
    expect(sent.status).toBe(200);
    expect(firstResult(sent)).toMatchObject({ status: 'image success', advancedInfo: { mediaKind: 'image', viewOnce: true } });
    const stored = session.chats.get(`${ALEX}@s.whatsapp.net`)?.messages.at(-1);
    expect(stored?.media).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png', fileSize: 4 });
    const withoutFile = new FormData();
    withoutFile.set('sessionId', 'main');
    withoutFile.set('to', ALEX);
    expect((await api('POST', '/messages/send/media', { body: withoutFile })).json).toMatchObject({ code: 2001, message: 'media is required' });
  });

  test('raw application/octet-stream uploads take their addressing from the query string', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const answer = await fetch(`${server.url}/api/v1/messages/send/document?sessionId=main&to=${ALEX}&filename=report.pdf`, {
      method: 'POST',
      headers: { 'X-WAREST-API-KEY': 'user-key', 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    const json = (await answer.json()) as { results: Array<{ advancedInfo: unknown }> };
    expect(answer.status).toBe(200);
    expect(json.results[0]?.advancedInfo).toMatchObject({ fileName: 'report.pdf', mimetype: 'application/pdf' });
  });
});

describe('session lifecycle with the simulated phone', () => {
  test('create → QR (202/1107) → rotation → scan → open (1104) → chats work', async () => {
    await start({ qrDuration: 0.2 });
    const events: LiveEvent[] = [];
    server.onLiveEvent((_owner, event) => events.push(event));

    const created = await api('GET', '/session/create', { query: { sessionId: 'shop.main_1' } });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ status: true, code: 1107 });
    const qr = firstResult(created);
    expect(qr).toMatchObject({ sessionId: 'shop.main_1', registryUser: 'alice', qrDuration: 1, status: 'connecting' });
    expect(qr.qrString).toMatch(/^2@/);
    const png = Buffer.from(String(qr.qr).replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // Not logged in yet: the chat routes answer as if the session did not exist (404 code 1101), groups 409 code 1106.
    const early = await api('GET', '/chats', { query: { sessionId: 'shop.main_1' } });
    expect(early.status).toBe(404);
    expect(early.json).toEqual({ status: false, code: 1101, message: 'Session not found', result: null });
    const groups = await api('GET', '/groups', { query: { sessionId: 'shop.main_1' } });
    expect(groups.status).toBe(409);
    expect(groups.json).toEqual({ status: false, code: 1106, message: 'Login required (scan QR or pairing)', results: null });

    const again = await api('GET', '/session/create', { query: { sessionId: 'shop.main_1' } });
    expect(again.status).toBe(202);
    expect(firstResult(again).qrString).toBe(qr.qrString);
    // The QR rotates every qrDuration (0.2 s here): poll rather than trust one sleep on a busy machine.
    let rotatedQr = qr.qrString;
    const deadline = Date.now() + 5000;
    while (rotatedQr === qr.qrString && Date.now() < deadline) {
      await sleep(50);
      rotatedQr = firstResult(await api('GET', '/session/create', { query: { sessionId: 'shop.main_1' } })).qrString;
    }
    expect(rotatedQr).toMatch(/^2@/);
    expect(rotatedQr).not.toBe(qr.qrString);

    const me = server.phone.scan('shop.main_1', { phone: '6281234500001', pushName: 'Shop' });
    expect(me).toMatchObject({ id: '6281234500001@s.whatsapp.net', name: 'Shop' });
    const open = await api('GET', '/session/create', { query: { sessionId: 'shop.main_1' } });
    expect(open.status).toBe(200);
    expect(open.json.code).toBe(1104);
    const [item] = sessionItems(await api('GET', '/session/list'));
    expect(item).toMatchObject({ id: 'shop.main_1', status: 'open', pushName: 'Shop', me: { id: '6281234500001@s.whatsapp.net' } });

    const sent = await api('POST', '/messages/send/text', { body: { sessionId: 'shop.main_1', to: ALEX, message: 'Hello from the shop' } });
    expect(firstResult(sent)).toMatchObject({ phone: '6281234500001', to: ALEX, toJid: `${ALEX}@s.whatsapp.net`, status: 'text success' });
    const chats = await api('GET', '/chats', { query: { sessionId: 'shop.main_1' } });
    const result = chats.json.result as { data: Array<Record<string, unknown>> };
    expect(result.data[0]).toMatchObject({ jid: `${ALEX}@s.whatsapp.net`, lastMessage: 'Hello from the shop' });

    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'qr').length).toBeGreaterThanOrEqual(2);
    expect(types).toContain('ready');
    expect(types).toContain('sessions_changed');
    expect(server.violations()).toEqual([]);
  });

  test('pair code: phone digits are checked, the code looks like WhatsApp’s, entering it opens the session', async () => {
    await start();
    expect((await api('GET', '/session/create/pair-code', { query: { sessionId: 'pairing', phone: '+62 812' } })).json).toMatchObject({ code: 2002 });
    const answer = await api('GET', '/session/create/pair-code', { query: { sessionId: 'pairing', phone: '6281299988877' } });
    expect(answer.status).toBe(200);
    expect(firstResult(answer).pairCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(server.phone.pair('pairing').id).toBe('6281299988877@s.whatsapp.net');
    expect((await api('GET', '/session/create/pair-code', { query: { sessionId: 'pairing', phone: '6281299988877' } })).json.code).toBe(1104);
  });

  test('logout keeps the session as logged_out without credentials; login-only routes then answer 404/1101 (messages, chats) or 409/1106', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const logout = await api('GET', '/session/logout', { query: { sessionId: 'main' } });
    expect(firstResult(logout)).toEqual({ sessionId: 'main', steps: { runtime: true, creds: true } });
    expect(sessionItems(await api('GET', '/session/list'))[0]).toMatchObject({ id: 'main', status: 'logged_out', me: null, pushName: null });
    const notFound: Array<[string, string, ApiCall]> = [
      ['GET', '/chats', { query: { sessionId: 'main' } }],
      ['GET', `/chats/${ALEX}/messages`, { query: { sessionId: 'main' } }],
      ['POST', '/messages/send/text', { body: { sessionId: 'main', to: ALEX, message: 'hi' } }],
      ['POST', '/messages/ABC/action/star', { body: { sessionId: 'main', to: ALEX } }],
    ];
    for (const [method, path, call] of notFound) {
      const answer = await api(method, path, call);
      expect(answer.status, path).toBe(404);
      expect(answer.json.code, path).toBe(1101);
    }
    const loginOnly: Array<[string, string, ApiCall]> = [
      ['GET', '/groups', { query: { sessionId: 'main' } }],
      ['POST', '/group/create', { body: { sessionId: 'main', groupName: 'x' } }],
      ['GET', '/profile/info', { query: { sessionId: 'main' } }],
      ['GET', '/profile/on-whatsapp', { query: { sessionId: 'main', checkNumbers: ALEX } }],
    ];
    for (const [method, path, call] of loginOnly) {
      const answer = await api(method, path, call);
      expect(answer.status, path).toBe(409);
      expect(answer.json.code, path).toBe(1106);
    }
    // Creating it again starts a new QR cycle.
    expect((await api('GET', '/session/create', { query: { sessionId: 'main' } })).json.code).toBe(1107);
  });

  test('logout from the phone wipes credentials and starts a new QR cycle; a drop is transient', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const closed: LiveEvent[] = [];
    server.onLiveEvent((_owner, event) => event.type === 'closed' && closed.push(event));

    server.phone.drop('main');
    expect(sessionItems(await api('GET', '/session/list'))[0]?.status).toBe('reconnecting');
    expect((await api('GET', '/groups', { query: { sessionId: 'main' } })).status).toBe(409);
    expect((await api('GET', '/session/reconnect', { query: { sessionId: 'main' } })).json).toMatchObject({ status: true, code: 1109 });
    expect(server.state.sessions.get('main')?.status).toBe('reconnecting');
    server.phone.restore('main');
    expect(sessionItems(await api('GET', '/session/list'))[0]?.status).toBe('open');
    expect(closed).toEqual([]); // a transient drop emits no `closed`

    server.phone.logout('main');
    expect(closed).toEqual([{ type: 'closed', id: 'main', reason: 'logged_out' }]);
    const created = await api('GET', '/session/create', { query: { sessionId: 'main' } });
    expect(created.json.code).toBe(1107);
    expect(firstResult(created)).toMatchObject({ status: 'logged_out' });
    expect(typeof firstResult(created).qr).toBe('string');
  });

  test("another user's session answers 403 code 2201; an unknown one 404 code 1101; delete removes it", async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    for (const [method, path, call] of [
      ['GET', '/session/create', { query: { sessionId: 'main' } }],
      ['GET', '/session/logout', { query: { sessionId: 'main' } }],
      ['GET', '/chats', { query: { sessionId: 'main' } }],
      ['POST', '/messages/send/text', { body: { sessionId: 'main', to: ALEX, message: 'hi' } }],
    ] as Array<[string, string, ApiCall]>) {
      const answer = await api(method, path, { ...call, key: 'other-key' });
      expect(answer.status, path).toBe(403);
      expect(answer.json.code, path).toBe(2201);
    }
    expect(sessionItems(await api('GET', '/session/list', { key: 'other-key' }))).toEqual([]);
    const unknown = await api('GET', '/chats', { query: { sessionId: 'ghost' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe(1101);
    expect((await api('DELETE', '/session/delete', { query: { sessionId: 'main' } })).status).toBe(200);
    expect(sessionItems(await api('GET', '/session/list'))).toEqual([]);
  });

  test('webhook config validates the URL and stores it', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const bad = await api('POST', '/session/main/config', { body: { webhookUrl: 'not a url', webhookSecret: 's' } });
    expect(bad.json).toMatchObject({ code: 2002, message: 'webhookUrl must be a valid uri' });
    const failedPreflight = await api('POST', '/session/main/config', { body: { webhookUrl: 'https://down.invalid/hook', webhookSecret: 's', preflight: true } });
    expect(failedPreflight.json).toMatchObject({ status: false, code: 2000 });
    const saved = await api('POST', '/session/main/config', { body: { webhookUrl: 'https://hooks.example.com/w', webhookSecret: 's3', preflight: true } });
    expect(firstResult(saved)).toMatchObject({ sessionId: 'main', webhookUrl: 'https://hooks.example.com/w', webhookSecret: 's3' });
    expect(server.state.sessions.get('main')?.webhookUrl).toBe('https://hooks.example.com/w');
  });
});

describe('groups, chats and messages behave like WhatsApp', () => {
  test('plain members cannot change settings or manage participants (403 code 5008); admins can', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const club = server.addGroup('alice', 'main', { subject: 'Club', myRole: 'member', participants: [{ phone: '6281233344455', role: 'superadmin' }, { phone: ALEX }] });
    for (const [method, path, body] of [
      ['POST', '/group/locked', { locked: true }],
      ['POST', '/group/announcement', { announcement: true }],
      ['DELETE', '/group/participants/remove', { participants: [ALEX] }],
      ['POST', '/group/participants/promote', { participants: [ALEX] }],
    ] as const) {
      const answer = await api(method, path, { body: { sessionId: 'main', groupId: club.jid, ...body } });
      expect(answer.status, path).toBe(403);
      expect(answer.json.code, path).toBe(5008);
    }
    // Unlocked group: any member may rename it.
    expect((await api('POST', '/group/name', { body: { sessionId: 'main', groupId: club.jid, groupName: 'Club 2' } })).status).toBe(200);

    const own = await api('POST', '/group/create', { body: { sessionId: 'main', groupName: 'Mine', participants: [ALEX] } });
    const groupId = String(firstResult(own).groupId);
    expect(groupId).toMatch(/^120363\d{12}@g\.us$/);
    const promoted = await api('POST', '/group/participants/promote', { body: { sessionId: 'main', groupId, participants: [ALEX] } });
    expect(firstResult(promoted).participants).toEqual([{ phone: ALEX, status: 'promoted' }]);
    const roster = await api('GET', '/group/participants', { query: { sessionId: 'main', groupId } });
    expect(firstResult(roster).participants).toEqual(expect.arrayContaining([expect.objectContaining({ jid: `${ALEX}@s.whatsapp.net`, isAdmin: true, isSuperAdmin: false })]));
  });

  test('join requests are listed and approved; the group info counts participants', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const team = server.addGroup('alice', 'main', { subject: 'Team', joinApprovalMode: true, joinRequests: [{ phone: '6281599911122', name: 'Eko' }] });
    const requests = await api('GET', '/group/participants/requests', { query: { sessionId: 'main', groupId: team.jid } });
    expect(firstResult(requests).joinRequests).toEqual([expect.objectContaining({ phone: '6281599911122', requestMethod: 'invite_link' })]);
    const approved = await api('POST', '/group/participants/request/approve', { body: { sessionId: 'main', groupId: team.jid, participants: ['6281599911122', '6281000011111'] } });
    expect(firstResult(approved)).toMatchObject({ approvedParticipants: ['6281599911122'], status: 'partial' });
    const info = await api('GET', '/group/info', { query: { sessionId: 'main', groupId: team.jid.replace('@g.us', '') } });
    expect((firstResult(info).data as Record<string, unknown>).participantsCount).toBe(2);
  });

  test('message actions: edit only your own text, revoke, react; history pages newest first', async () => {
    await start({ recipientCooldownMs: 0 }); // three sends to Alex in a row
    server.addSession('alice', { id: 'main' });
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      ids.push(String(firstResult(await api('POST', '/messages/send/text', { body: { sessionId: 'main', to: ALEX, message: text } })).messageId));
    }
    const page = await api('GET', `/chats/${ALEX}/messages`, { query: { sessionId: 'main', limit: '2', offset: '1' } });
    const pageResult = page.json.result as { data: Array<{ body: string }>; pagination: unknown };
    expect(pageResult.pagination).toEqual({ limit: 2, offset: 1, total: 3 });
    expect(pageResult.data.map((message) => message.body)).toEqual(['two', 'one']);

    const edited = await api('POST', `/messages/${ids[0]}/action/edit`, { body: { sessionId: 'main', to: ALEX, message: 'uno' } });
    expect(firstResult(edited)).toMatchObject({ messageId: ids[0], status: 'message edited success' });
    await api('POST', `/messages/${ids[1]}/action/reaction`, { body: { sessionId: 'main', to: ALEX, emoji: '🎉' } });
    await api('POST', `/messages/${ids[2]}/action/revoke`, { body: { sessionId: 'main', to: ALEX } });
    const history = await api('GET', `/chats/${ALEX}/messages`, { query: { sessionId: 'main' } });
    const messages = (history.json.result as { data: Array<Record<string, unknown>> }).data;
    expect(messages[2]).toMatchObject({ body: 'uno', isEdited: true });
    const myJid = `${server.state.sessions.get('main')?.account.phone}@s.whatsapp.net`;
    expect(messages[1]?.reactions).toEqual([expect.objectContaining({ emoji: '🎉', from: myJid })]);
    expect(messages[0]).toMatchObject({ isDeleted: true, body: null });

    // Someone else's message cannot be edited; an unknown one is 404 code 2601.
    const chat = server.state.sessions.get('main')?.chats.get(`${ALEX}@s.whatsapp.net`);
    const template = chat?.messages[0];
    if (!chat || !template) throw new Error('chat with Alex missing');
    chat.messages.push({ ...template, id: 'THEIRS', fromMe: false, isDeleted: false, body: 'their text' });
    expect((await api('POST', '/messages/THEIRS/action/edit', { body: { sessionId: 'main', to: ALEX, message: 'x' } })).json).toMatchObject({ code: 4001 });
    expect((await api('POST', '/messages/NOPE/action/star', { body: { sessionId: 'main', to: ALEX } })).json).toMatchObject({ code: 2601 });
  });

  test('mute, archive and pin change the chat state', async () => {
    await start();
    const session = server.addSession('alice', { id: 'main' });
    await api('POST', '/messages/send/text', { body: { sessionId: 'main', to: ALEX, message: 'hi' } });
    await api('POST', '/messages/action/mute', { body: { sessionId: 'main', to: ALEX, duration: 120 } });
    await api('POST', '/messages/action/archive', { body: { sessionId: 'main', to: ALEX } });
    const pinned = await api('POST', `/chats/${ALEX}/pin`, { body: { sessionId: 'main', pin: true } });
    expect(pinned.json.result).toMatchObject({ pinned: true, chatId: `${ALEX}@s.whatsapp.net` });
    const chat = session.chats.get(`${ALEX}@s.whatsapp.net`);
    expect(chat?.archived).toBe(true);
    expect(chat?.pinnedAt).not.toBeNull();
    expect((chat?.mutedUntil ?? 0) - Math.floor(Date.now() / 1000)).toBeGreaterThan(7000);
    expect((await api('POST', '/messages/action/mute', { body: { sessionId: 'main', to: '6289999999999', duration: 5 } })).json.code).toBe(2603);
  });
});

describe('server routes', () => {
  test('healthz reports the configured version; ping reports the time', async () => {
    await start({ version: '9.9.9' });
    expect(firstResult(await api('GET', '/server/healthz', { key: 'admin-key' }))).toMatchObject({ status: 'healthy', serviceVersion: '9.9.9' });
    const ping = firstResult(await api('GET', '/server/ping'));
    expect(ping.ping).toBe('pong');
    expect(Math.abs(Number(ping.timestamp) - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('test controls', () => {
  test('failNext answers the next API request with exactly the given status and body, once', async () => {
    await start();
    server.failNext({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' });
    server.failNext({ status: 200, body: '{"status":true,"code":1000,"res', contentType: 'application/json' });
    const html = await api('GET', '/server/ping');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(html.text).toContain('502 Bad Gateway');
    const truncated = await api('GET', '/server/ping');
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.text)).toThrow();
    expect((await api('GET', '/server/ping')).json.code).toBe(1000);
  });

  test('stopListening takes the server down on its port; startListening brings it back with its state', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const { port } = server;
    await server.stopListening();
    await expect(fetch(`${server.url}/api/v1/server/ping`)).rejects.toThrow();
    await server.startListening();
    expect(server.port).toBe(port);
    expect(sessionItems(await api('GET', '/session/list')).map((item) => item.id)).toEqual(['main']);
  });

  test('setLatency delays answers', async () => {
    await start();
    server.setLatency(150);
    const started = Date.now();
    await api('GET', '/server/ping');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('stop clears every timer: QR rotation ends', async () => {
    await start({ qrDuration: 0.05 });
    const session = server.addSession('alice', { id: 'waiting', status: 'connecting' });
    const login = session.login;
    expect(login?.kind).toBe('qr');
    await server.stop();
    await sleep(150);
    expect(session.login).toBe(login);
  });
});

describe('demo', () => {
  test('demo mode seeds sessions in each situation, groups with admins and join requests, and chats', async () => {
    await start({ demo: true });
    const items = sessionItems(await api('GET', '/session/list'));
    expect(items.map((item) => [item.id, item.status])).toEqual([['main', 'open'], ['sales', 'logged_out'], ['support', 'connecting']]);
    expect(firstResult(await api('GET', '/session/create', { query: { sessionId: 'support' } })).qr).toMatch(/^data:image\/png;base64,/);
    const groups = firstResult(await api('GET', '/groups', { query: { sessionId: 'main' } })).data as Array<Record<string, unknown>>;
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const core = groups.find((group) => group.subject === 'Core Team');
    const requests = await api('GET', '/group/participants/requests', { query: { sessionId: 'main', groupId: String(core?.id) } });
    expect((firstResult(requests).joinRequests as unknown[]).length).toBeGreaterThan(0);
    const chats = (await api('GET', '/chats', { query: { sessionId: 'main', limit: '50' } })).json.result as { data: Array<Record<string, unknown>> };
    expect(chats.data.length).toBeGreaterThanOrEqual(4);
    expect(chats.data.some((chat) => Number(chat.unreadCount) > 0)).toBe(true);
    expect(server.violations()).toEqual([]);
  });

  test('demo.ts starts a server with the demo key, prints how to use it, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [resolve(HERE, '../../node_modules/tsx/dist/cli.mjs'), resolve(HERE, 'demo.ts')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 20_000;
    while (!output.includes('options page') && Date.now() < deadline) await sleep(50);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    expect(output).toContain('demo-key');
    const list = await fetch(`${url}/api/v1/session/list`, { headers: { 'X-WAREST-API-KEY': 'demo-key' } });
    expect(((await list.json()) as { results: Array<{ items: unknown[] }> }).results[0]?.items).toHaveLength(3);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
