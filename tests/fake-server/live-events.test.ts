/**
 * Live events over Socket.IO (README fact 5) on the fake server, driven by a real socket.io-client
 * over a WebSocket: the handshake's origin and key checks, welcome, joining a session's room, the
 * session events the phone and HTTP calls cause, and sockets going away with keys and the server.
 */
import { request } from 'node:http';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeWarest, type FakeWarest, type FakeWarestOptions, type JoinAnswer } from './index';

type Payload = Record<string, unknown>;
type ClientOptions = Partial<ManagerOptions & SocketOptions>;

let server: FakeWarest;
const clients: Socket[] = [];

async function start(options: FakeWarestOptions = {}): Promise<FakeWarest> {
  server = await startFakeWarest({ qrDuration: 0.2, ...options });
  return server;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.stop();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A client as the extension would open it; no automatic reconnection unless asked. */
function client(apiKey: string | null, options: ClientOptions = {}): Socket {
  const socket = io(server.url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(apiKey === null ? {} : { auth: { apiKey } }),
    ...options,
  });
  clients.push(socket);
  return socket;
}

/** The next `name` event's payload (bounded wait). */
function next<T = Payload>(socket: Socket, name: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, onEvent);
      reject(new Error(`no "${name}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEvent = (payload: T) => {
      clearTimeout(timer);
      socket.off(name, onEvent);
      resolve(payload);
    };
    socket.on(name, onEvent);
  });
}

/** Every event the socket receives, in order of arrival, as [name, payload]. */
function record(socket: Socket): Array<[string, unknown]> {
  const seen: Array<[string, unknown]> = [];
  socket.onAny((name: string, payload: unknown) => seen.push([name, payload]));
  return seen;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Connected and welcomed. */
async function connected(apiKey: string, options: ClientOptions = {}): Promise<{ socket: Socket; welcome: Payload }> {
  const socket = client(apiKey, options);
  const welcome = await next(socket, 'welcome');
  return { socket, welcome };
}

function join(socket: Socket, room: unknown): Promise<JoinAnswer> {
  return socket.timeout(10_000).emitWithAck('join', { room }) as Promise<JoinAnswer>;
}

async function api(path: string, query: Record<string, string>, key = 'user-key', method = 'GET'): Promise<{ status: number; json: Payload }> {
  const response = await fetch(`${server.url}/api/v1${path}?${new URLSearchParams(query)}`, { method, headers: { 'X-WAREST-API-KEY': key } });
  return { status: response.status, json: (await response.json()) as Payload };
}

function firstResult(answer: { json: Payload }): Payload {
  const first = (answer.json.results as Payload[] | null)?.[0];
  if (!first) throw new Error(`no results[0] in ${JSON.stringify(answer.json)}`);
  return first;
}

/** A raw WebSocket upgrade request, as a browser sends it: the status line and body it gets back. */
function rawUpgrade(origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/socket.io/?EIO=4&transport=websocket`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', Origin: origin },
    });
    req.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '' });
    });
    req.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('handshake', () => {
  test('a valid key gets welcome { role, isAdmin, version, registry }; liveSockets counts connected sockets', async () => {
    await start({ version: '0.3.44' });
    const user = await connected('user-key');
    expect(user.welcome).toEqual({ role: 'user', isAdmin: false, version: '0.3.44', registry: 'alice' });
    const admin = await connected('admin-key');
    expect(admin.welcome).toEqual({ role: 'admin', isAdmin: true, version: '0.3.44', registry: 'admin' });
    expect(server.liveSockets()).toBe(2);
    user.socket.close();
    await until(() => server.liveSockets() === 1, 'the closed socket to be gone');
  });

  test('the key is also accepted from the X-WAREST-API-KEY header and from ?apiKey=', async () => {
    await start();
    expect((await connected('', { auth: {}, extraHeaders: { 'X-WAREST-API-KEY': 'other-key' } })).welcome.registry).toBe('bob');
    expect((await connected('', { auth: {}, query: { apiKey: 'user-key' } })).welcome.registry).toBe('alice');
  });

  test("an unknown or missing key is refused: connect_error 'unauthorized' with data { code: 1400 }", async () => {
    await start();
    for (const key of ['wrong-key', null]) {
      const socket = client(key);
      const error = await next<Error & { data?: unknown }>(socket, 'connect_error');
      expect(error.message).toBe('unauthorized');
      expect(error.data).toEqual({ code: 1400, message: 'WebSocket unauthorized' });
      expect(socket.connected).toBe(false);
    }
    expect(server.stats.unauthorized).toBe(2);
    expect(server.liveSockets()).toBe(0);
  });

  test('a handshake carrying a chrome-extension:// Origin is refused on a stock server; allowing * lets it through', async () => {
    await start({ allowedOrigins: ['chrome-extension://abc', 'https://dashboard.example'] });
    const refused = client('user-key', { extraHeaders: { Origin: 'chrome-extension://abc' } });
    const error = await next<Error & { type?: string; description?: unknown }>(refused, 'connect_error');
    // engine.io's allowRequest refused the upgrade: the client only sees a failed transport.
    expect(error.message).toBe('websocket error');
    expect(error.type).toBe('TransportError');
    expect(String((error.description as Error | undefined)?.message)).toContain('400');
    expect(server.stats.originRejections).toBe(1);
    expect(server.stats.unauthorized).toBe(0); // refused before the key was looked at
    // What a browser WebSocket gets: the upgrade answered 400 with the CORS message, no 101.
    expect(await rawUpgrade('chrome-extension://abc')).toEqual({ status: 400, body: 'CORS not allowed: chrome-extension://abc' });
    expect(server.stats.originRejections).toBe(2);
    // An http(s) origin on the list passes, as on HTTP.
    expect((await connected('user-key', { extraHeaders: { Origin: 'https://dashboard.example' } })).welcome.registry).toBe('alice');

    server.setAllowedOrigins('*');
    const allowed = await connected('user-key', { extraHeaders: { Origin: 'chrome-extension://abc' } });
    expect(allowed.welcome.registry).toBe('alice');
    expect(server.liveSockets()).toBe(2);
    expect(server.stats.originRejections).toBe(2);
    // And back: the change applies to the next handshake.
    server.setAllowedOrigins([]);
    expect((await rawUpgrade('chrome-extension://abc')).status).toBe(400);
  });

  test('without an Origin header (Node, curl) the default configuration accepts the socket', async () => {
    await start();
    expect((await connected('user-key')).welcome.role).toBe('user');
    expect(server.stats.originRejections).toBe(0);
  });
});

describe('session rooms', () => {
  test('join, then create the session over HTTP: the room gets the QR the answer carries, then rotated ones', async () => {
    await start();
    const { socket } = await connected('user-key');
    expect(await join(socket, 'shop')).toEqual({ status: true, code: 1000, message: 'Joined', room: 'shop' });
    expect(await join(socket, 'shop')).toMatchObject({ status: true, code: 1403 });
    const changed = next(socket, 'sessions_changed');
    const firstQr = next(socket, 'qr');
    const created = firstResult(await api('/session/create', { sessionId: 'shop' }));
    const qr = await firstQr;
    expect(qr).toEqual({ id: 'shop', qr: created.qrString, qrDuration: 1, qrDataUrl: created.qr });
    expect(qr.qr).toMatch(/^2@/);
    expect(qr.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await changed).toBeUndefined(); // no payload
    const rotated = await next(socket, 'qr');
    expect(rotated.id).toBe('shop');
    expect(rotated.qr).not.toBe(qr.qr);
  });

  test('a join without an ack works too; a socket not in the room gets no session events', async () => {
    await start();
    const { socket: inRoom } = await connected('user-key');
    const { socket: outside } = await connected('user-key');
    const outsideSeen = record(outside);
    inRoom.emit('join', { room: 'plain' });
    // The join is handled before the next packet from the same socket: an acked join to another room orders them.
    await join(inRoom, 'other');
    await api('/session/create', { sessionId: 'plain' });
    expect((await next(inRoom, 'qr')).id).toBe('plain');
    await until(() => outsideSeen.length > 0, 'sessions_changed on the other socket');
    expect(outsideSeen).toEqual([['sessions_changed', undefined]]);
  });

  test('phone.scan: the room gets ready { id, me } and every socket of the owner gets sessions_changed', async () => {
    await start();
    const { socket } = await connected('user-key');
    const { socket: other } = await connected('user-key');
    await api('/session/create', { sessionId: 'main' });
    await join(socket, 'main');
    const seen = record(socket);
    const otherSeen = record(other);
    const me = server.phone.scan('main', { phone: '6281234500001', pushName: 'Shop' });
    const ready = await next(socket, 'ready');
    expect(ready).toEqual({ id: 'main', me: { id: '6281234500001@s.whatsapp.net', name: 'Shop', lid: me.lid } });
    await until(() => seen.some(([name]) => name === 'sessions_changed') && otherSeen.length > 0, 'sessions_changed');
    expect(seen.map(([name]) => name)).toEqual(['ready', 'sessions_changed']);
    expect(otherSeen).toEqual([['sessions_changed', undefined]]);
  });

  test('pair code over HTTP: the room gets pairing_code { id, code }, then ready once it is entered', async () => {
    await start();
    const { socket } = await connected('user-key');
    await join(socket, 'pairing');
    const event = next(socket, 'pairing_code');
    const answer = firstResult(await api('/session/create/pair-code', { sessionId: 'pairing', phone: '6281299988877' }));
    expect(await event).toEqual({ id: 'pairing', code: answer.pairCode });
    const ready = next(socket, 'ready');
    server.phone.pair('pairing');
    expect(await ready).toMatchObject({ id: 'pairing', me: { id: '6281299988877@s.whatsapp.net' } });
  });

  test('phone.logout: closed { id, reason: logged_out }, sessions_changed, then a new QR cycle (the QR HTTP shows)', async () => {
    await start({ qrDuration: 20 }); // one QR of the new cycle, so the HTTP answer cannot race a rotation
    server.addSession('alice', { id: 'main' });
    const { socket } = await connected('user-key');
    await join(socket, 'main');
    const seen = record(socket);
    server.phone.logout('main');
    await until(() => seen.length >= 3, 'closed, sessions_changed and qr');
    expect(seen.map(([name]) => name)).toEqual(['closed', 'sessions_changed', 'qr']);
    expect(seen[0]?.[1]).toEqual({ id: 'main', reason: 'logged_out' });
    const qr = seen[2]?.[1] as Payload;
    const created = await api('/session/create', { sessionId: 'main' });
    expect(created.json.code).toBe(1107);
    expect(qr).toEqual({ id: 'main', qr: firstResult(created).qrString, qrDuration: 20, qrDataUrl: firstResult(created).qr });
  });

  test('phone.drop is transient: no closed; restore brings ready again', async () => {
    await start();
    server.addSession('alice', { id: 'main' });
    const { socket } = await connected('user-key');
    await join(socket, 'main');
    const seen = record(socket);
    server.phone.drop('main');
    server.phone.restore('main');
    await until(() => seen.length >= 2, 'ready and sessions_changed after the restore');
    // One ordered stream: anything emitted for the drop would have arrived before the restore's events.
    expect(seen).toEqual([['ready', { id: 'main', me: server.state.sessions.get('main')?.me }], ['sessions_changed', undefined]]);
    expect(server.state.sessions.get('main')?.status).toBe('open');
  });

  test('HTTP logout and delete of an open session: closed with reason logged_out / deleted', async () => {
    await start();
    server.addSession('alice', { id: 'a' });
    server.addSession('alice', { id: 'b' });
    const { socket } = await connected('user-key');
    await join(socket, 'a');
    await join(socket, 'b');
    let closed = next(socket, 'closed');
    await api('/session/logout', { sessionId: 'a' });
    expect(await closed).toEqual({ id: 'a', reason: 'logged_out' });
    closed = next(socket, 'closed');
    await api('/session/delete', { sessionId: 'b' }, 'user-key', 'DELETE');
    expect(await closed).toEqual({ id: 'b', reason: 'deleted' });
  });

  test("joining another user's session is refused (error 2201) and nothing of it arrives; an invalid room gets 1402", async () => {
    await start();
    server.addSession('alice', { id: 'main', status: 'connecting' });
    const { socket: bob } = await connected('other-key');
    const { socket: alice } = await connected('user-key');
    await join(alice, 'main');
    const bobSeen = record(bob);
    const errorEvent = next(bob, 'error');
    expect(await join(bob, 'main')).toEqual({ status: false, code: 2201, message: 'Forbidden', room: 'main' });
    expect(await errorEvent).toEqual({ code: 2201, message: 'Forbidden', room: 'main' });
    expect(await join(bob, 'bad room!')).toMatchObject({ status: false, code: 1402, message: 'Room not found' });
    // A session ID nobody has yet may be joined; when another user creates it, its events stay with that user.
    expect(await join(bob, 'future')).toMatchObject({ status: true, code: 1000 });
    bobSeen.length = 0;

    const aliceReady = next(alice, 'ready');
    server.phone.scan('main');
    await aliceReady;
    await api('/session/create', { sessionId: 'future' }); // alice's now
    // Sentinel: bob's own change reaches bob after anything emitted to him before it.
    const sentinel = next(bob, 'sessions_changed');
    await api('/session/create', { sessionId: 'bobs' }, 'other-key');
    await sentinel;
    expect(bobSeen).toEqual([['sessions_changed', undefined]]);
  });
});

describe('sockets going away', () => {
  test("rotateKey disconnects the user's sockets that used the old key; the old key is then refused", async () => {
    await start();
    const { socket: alice } = await connected('user-key');
    const { socket: bob } = await connected('other-key');
    const reason = next<string>(alice, 'disconnect');
    const newKey = server.rotateKey('alice');
    expect(await reason).toBe('io server disconnect');
    await until(() => server.liveSockets() === 1, 'one socket left');
    expect(bob.connected).toBe(true);
    const stale = client('user-key');
    expect((await next<Error>(stale, 'connect_error')).message).toBe('unauthorized');
    expect((await connected(newKey)).welcome.registry).toBe('alice');
  });

  test('stop() closes the Socket.IO server: connected sockets are dropped', async () => {
    await start();
    const { socket } = await connected('user-key');
    const reason = next<string>(socket, 'disconnect');
    await server.stop();
    expect(await reason).toBe('transport close');
    expect(server.liveSockets()).toBe(0);
    expect(socket.connected).toBe(false);
  });

  test('stopListening drops sockets (the server is down); after startListening a reconnecting client is welcomed again', async () => {
    await start();
    const { socket } = await connected('user-key', { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 100 });
    const reason = next<string>(socket, 'disconnect');
    await server.stopListening();
    expect(await reason).toBe('transport close');
    expect(server.liveSockets()).toBe(0);
    await sleep(150); // reconnection attempts fail while the port is closed
    expect(socket.connected).toBe(false);
    const welcome = next(socket, 'welcome');
    await server.startListening();
    expect((await welcome).registry).toBe('alice');
    expect(server.liveSockets()).toBe(1);
    // A room must be joined again after a reconnection (a new server-side socket).
    expect(await join(socket, 'main')).toMatchObject({ status: true, code: 1000 });
  });
});
