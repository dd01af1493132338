import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isLive,
  liveBackoff,
  setLiveSocketFactory,
  stopLiveUpdates,
  type LiveSocket,
  type LiveSocketOptions,
} from '@/entrypoints/background/live-connections';
import { registerLiveUpdates } from '@/entrypoints/background/live-updates';
import { registerLogin } from '@/entrypoints/background/login';
import { notificationId, registerNotifications } from '@/entrypoints/background/notifications';
import { POLL_ALARM, registerPolling } from '@/entrypoints/background/polling';
import { registerSessionsSync } from '@/entrypoints/background/sessions-sync';
import { liveFailureReason, liveReason, socketEndpoint } from '@/lib/live-events';
import { apiKeysItem, loginItem, profilesItem, readChecked, snapshotsItem, type LoginInProgress, type ProfileSnapshot } from '@/lib/storage';
import { envelope, fakeWarestFetch, home, hostAccess, listOf, office, seed, QR_1, QR_2, type FakeWarestFetch } from '../helpers/warest-fetch';

/** A socket that does nothing by itself: the test fires the server's events. */
class FakeSocket implements LiveSocket {
  readonly handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  readonly emitted: unknown[][] = [];
  closed = false;
  constructor(readonly options: LiveSocketOptions) {}
  on(event: string, listener: (...args: unknown[]) => void): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
  }
  emit(event: string, ...args: unknown[]): void {
    this.emitted.push([event, ...args]);
  }
  close(): void {
    this.closed = true;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.handlers.get(event) ?? []) listener(...args);
  }
  joins(): unknown[] {
    return this.emitted.filter(([event]) => event === 'join').map(([, payload]) => payload);
  }
}

let sockets: FakeSocket[];
let server: FakeWarestFetch;
let contains: ReturnType<typeof hostAccess>;

const ok: ProfileSnapshot = { fetchedAt: 1, sessions: [{ id: 'shop', status: 'open' }], server: { state: 'ok' } };

beforeEach(() => {
  fakeBrowser.reset();
  stopLiveUpdates();
  sockets = [];
  setLiveSocketFactory((options) => {
    const socket = new FakeSocket(options);
    sockets.push(socket);
    return socket;
  });
  contains = hostAccess();
  server = fakeWarestFetch();
  server.on('/server/healthz', () => envelope([{ serviceVersion: '0.3.44' }]));
  server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }]));
});

afterEach(() => {
  stopLiveUpdates();
  setLiveSocketFactory();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function start(options: Parameters<typeof seed>[0] = {}) {
  await seed({ snapshots: { home: ok }, ...options });
  registerSessionsSync();
  registerLogin();
  registerNotifications();
  registerLiveUpdates();
}

async function snapshot(profileId = 'home') {
  return (await readChecked(snapshotsItem))[profileId];
}

async function firstSocket(): Promise<FakeSocket> {
  await vi.waitFor(() => expect(sockets.length).toBeGreaterThan(0));
  return sockets[0]!;
}

describe('connecting', () => {
  it('opens one socket per reachable profile with its key, at /socket.io under the base URL', async () => {
    await start({ profiles: [home, office], snapshots: {} });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(sockets.map((s) => s.options)).toEqual([
      { url: 'http://192.168.1.10:4001', path: '/socket.io', apiKey: 'key-home' },
      { url: 'https://warest.example.com', path: '/proxy/socket.io', apiKey: 'key-office' },
    ]);
  });

  it('opens none for a profile the browser does not let it reach, and says why', async () => {
    hostAccess((origin) => !origin.includes('warest.example.com'));
    await start({ profiles: [home, office], snapshots: { home: ok, office: ok } });
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    await vi.waitFor(async () => expect((await snapshot('office'))?.updates).toMatchObject({ mode: 'polling', reason: expect.stringMatching(/allows the extension to reach this server/) }));
    expect(sockets[0]?.options.url).toBe('http://192.168.1.10:4001');
  });

  it('welcome → live (recorded in the snapshot), and the sessions are re-read to catch up', async () => {
    await start();
    const socket = await firstSocket();
    expect(isLive('home')).toBe(false);
    socket.fire('welcome', { role: 'user', isAdmin: false, version: '0.3.44', registry: 'alice' });
    await vi.waitFor(async () => expect((await snapshot())?.updates).toEqual({ mode: 'live' }));
    expect(isLive('home')).toBe(true);
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
  });
});

describe('falling back to polling', () => {
  it('a refused WebSocket handshake while HTTP works → polling, with a reason that says to allow origin *', async () => {
    await start();
    const socket = await firstSocket();
    socket.fire('connect_error', Object.assign(new Error('websocket error'), { type: 'TransportError' }));
    await vi.waitFor(async () => expect((await snapshot())?.updates?.mode).toBe('polling'));
    const reason = (await snapshot())?.updates?.reason ?? '';
    expect(reason).toBe(liveReason('origin'));
    expect(reason).toMatch(/allowed CORS origins to \*/);
    expect(reason).toMatch(/Origin/);
    expect(socket.closed).toBe(true);
    expect(isLive('home')).toBe(false);
  });

  it('decides the reason from a fresh read when the profile was never read', async () => {
    await start({ snapshots: {} });
    const socket = await firstSocket();
    socket.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await snapshot())?.updates?.reason).toBe(liveReason('origin')));
    expect(server.count('/session/list')).toBe(1);
  });

  it('a key the live connection refuses → a reason about the key', async () => {
    await start();
    const socket = await firstSocket();
    socket.fire('connect_error', Object.assign(new Error('unauthorized'), { data: { code: 1400, message: 'WebSocket unauthorized' } }));
    await vi.waitFor(async () => expect((await snapshot())?.updates).toEqual({ mode: 'polling', reason: liveReason('key') }));
  });

  it('a server that is down → a reason that says so, not the Origin', async () => {
    await start({ snapshots: { home: { ...ok, server: { state: 'unreachable', message: 'down' } } } });
    const socket = await firstSocket();
    socket.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await snapshot())?.updates).toEqual({ mode: 'polling', reason: liveReason('unreachable') }));
  });

  it('backs off after refused handshakes (30 s, then 1 min), never retrying in a tight loop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await start();
    const first = await firstSocket();
    const failedAt = Date.now();
    first.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await liveBackoff('home'))?.failures).toBe(1));
    const firstRetry = (await liveBackoff('home'))!.retryAt;
    expect(firstRetry - failedAt).toBeGreaterThanOrEqual(30_000);
    expect(firstRetry - failedAt).toBeLessThan(30_500);

    await vi.advanceTimersByTimeAsync(firstRetry - Date.now() - 1_000);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(() => expect(sockets).toHaveLength(2));

    const secondAt = Date.now();
    sockets[1]!.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await liveBackoff('home'))?.failures).toBe(2));
    const secondRetry = (await liveBackoff('home'))!.retryAt;
    expect(secondRetry - secondAt).toBeGreaterThanOrEqual(60_000);
    expect(secondRetry - secondAt).toBeLessThan(60_500);
    await vi.advanceTimersByTimeAsync(secondRetry - Date.now() - 1_000);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(() => expect(sockets).toHaveLength(3));

    // Success clears the back-off.
    sockets[2]!.fire('welcome', {});
    await vi.waitFor(async () => expect(await liveBackoff('home')).toBeUndefined());
  });

  it('a worker that wakes during the back-off does not retry early (the back-off outlives the worker)', async () => {
    await start();
    (await firstSocket()).fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await liveBackoff('home'))?.failures).toBe(1));
    stopLiveUpdates(); // the worker stops: sockets and timers are gone, session storage stays
    registerLiveUpdates();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sockets).toHaveLength(1);
  });

  it('retries at once when the profiles change', async () => {
    await start();
    (await firstSocket()).fire('connect_error', new Error('websocket error'));
    await vi.waitFor(async () => expect((await liveBackoff('home'))?.failures).toBe(1));
    await profilesItem.item.setValue({ profiles: [{ ...home, name: 'Home server' }], defaultProfileId: 'home' });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(sockets[1]?.closed).toBe(false);
  });

  it('a server-side disconnect (e.g. the key was rotated) → polling and back-off; a transient drop → polling until welcome again', async () => {
    await start();
    const socket = await firstSocket();
    socket.fire('welcome', {});
    await vi.waitFor(async () => expect((await snapshot())?.updates?.mode).toBe('live'));

    socket.fire('disconnect', 'transport close');
    await vi.waitFor(async () => expect((await snapshot())?.updates).toMatchObject({ mode: 'polling', reason: expect.stringMatching(/dropped; the extension is reconnecting/) }));
    expect(socket.closed).toBe(false); // Socket.IO reconnects by itself
    socket.fire('welcome', {});
    await vi.waitFor(async () => expect((await snapshot())?.updates).toEqual({ mode: 'live' }));

    socket.fire('disconnect', 'io server disconnect');
    await vi.waitFor(async () => expect((await snapshot())?.updates).toMatchObject({ mode: 'polling', reason: expect.stringMatching(/server closed the live connection/) }));
    expect(socket.closed).toBe(true);
    expect((await liveBackoff('home'))?.failures).toBe(1);
  });
});

describe('events', () => {
  async function liveSocket(options: Parameters<typeof seed>[0] = {}): Promise<FakeSocket> {
    // The login's session is still waiting for its scan.
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'connecting' }]));
    await start(options);
    const socket = await firstSocket();
    socket.fire('welcome', {});
    await vi.waitFor(() => expect(server.count('/session/list')).toBe(1));
    return socket;
  }

  it('sessions_changed re-reads that profile’s sessions', async () => {
    const socket = await liveSocket();
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'open' }, { id: 'new', status: 'connecting' }]));
    socket.fire('sessions_changed');
    await vi.waitFor(async () => expect((await snapshot())?.sessions.map((s) => s.id)).toEqual(['new', 'shop']));
    expect(server.count('/session/list')).toBe(2);
  });

  it('closed (logged_out) re-reads and notifies even if the list already shows the next QR cycle', async () => {
    const socket = await liveSocket({ snapshots: { home: ok } });
    await vi.waitFor(async () => expect((await snapshot())?.sessions[0]?.status).toBe('connecting'));
    await snapshotsItem.item.setValue({ home: ok }); // it was open before the logout
    server.on('/session/list', () => listOf([{ id: 'shop', status: 'connecting' }]));
    socket.fire('closed', { id: 'shop', reason: 'logged_out' });
    await vi.waitFor(() => expect(fakeBrowser.notifications.getAllCreateOptions()).toHaveProperty([notificationId('home', 'shop')]));
  });

  const waiting = (method: 'qr' | 'pairing' = 'qr'): LoginInProgress => ({ profileId: 'home', sessionId: 'shop', method, startedAt: Date.now(), state: 'waiting', ...(method === 'qr' && { qr: QR_1 }) });

  it('joins the login’s room on welcome, and when a login starts — once', async () => {
    await loginItem.item.setValue(waiting());
    const socket = await liveSocket();
    await vi.waitFor(() => expect(socket.joins()).toEqual([{ room: 'shop' }]));

    await loginItem.item.setValue({ ...waiting(), sessionId: 'second', startedAt: Date.now() + 1 });
    await vi.waitFor(() => expect(socket.joins()).toEqual([{ room: 'shop' }, { room: 'second' }]));
    await loginItem.item.setValue({ ...waiting(), sessionId: 'second', startedAt: Date.now() + 1, qr: QR_2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.joins()).toHaveLength(2);
  });

  it('qr / pairing_code / ready for the login’s session update the login', async () => {
    await loginItem.item.setValue(waiting());
    const socket = await liveSocket();
    socket.fire('qr', { id: 'shop', qr: '2@x', qrDuration: 20, qrDataUrl: QR_2 });
    await vi.waitFor(async () => expect((await loginItem.item.getValue())?.qr).toBe(QR_2));
    socket.fire('ready', { id: 'shop', me: { id: '6281234567890:1@s.whatsapp.net' } });
    await vi.waitFor(async () => expect((await loginItem.item.getValue())?.state).toBe('open'));

    await loginItem.item.setValue(waiting('pairing'));
    socket.fire('pairing_code', { id: 'shop', code: 'PAIR-2222' });
    await vi.waitFor(async () => expect((await loginItem.item.getValue())?.pairingCode).toBe('PAIR-2222'));
  });

  it('ignores events with a payload that is not a session event', async () => {
    await loginItem.item.setValue(waiting());
    const socket = await liveSocket();
    socket.fire('qr', 'junk');
    socket.fire('ready', null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await loginItem.item.getValue())?.state).toBe('waiting');
  });
});

describe('profile changes', () => {
  it('closes the socket of a removed profile, and re-opens one when the key changes', async () => {
    await start({ profiles: [home, office], snapshots: {} });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    const [homeSocket, officeSocket] = sockets as [FakeSocket, FakeSocket];

    await apiKeysItem.item.setValue({ home: 'rotated-key', office: 'key-office' });
    await vi.waitFor(() => expect(homeSocket.closed).toBe(true));
    await vi.waitFor(() => expect(sockets).toHaveLength(3));
    expect(sockets[2]?.options.apiKey).toBe('rotated-key');
    expect(officeSocket.closed).toBe(false);

    await profilesItem.item.setValue({ profiles: [home], defaultProfileId: 'home' });
    await vi.waitFor(() => expect(officeSocket.closed).toBe(true));
    expect(sockets).toHaveLength(3);
  });

  it('closes the socket when host access is taken away (on the next reconcile)', async () => {
    await start();
    const socket = await firstSocket();
    contains.mockResolvedValue(false);
    await profilesItem.item.setValue({ profiles: [{ ...home, name: 'renamed' }], defaultProfileId: 'home' });
    await vi.waitFor(() => expect(socket.closed).toBe(true));
  });
});

describe('with the poll alarm', () => {
  it('a tick re-reads polling profiles but not live ones with fresh data, and reconnects after a wake', async () => {
    await start({ profiles: [home, office], snapshots: {} });
    registerPolling();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[0]!.fire('welcome', {}); // home is live
    await vi.waitFor(() => expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(1));
    await vi.waitFor(async () => expect(await snapshot('home')).toBeDefined());

    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(() => expect(server.count('/session/list', (c) => c.url.host === 'warest.example.com')).toBeGreaterThanOrEqual(1));
    expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(1);

    // The worker was stopped: the next tick reconnects.
    stopLiveUpdates();
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(() => expect(sockets).toHaveLength(4));
    // Not live any more (until welcome), so home is polled again.
    await vi.waitFor(() => expect(server.count('/session/list', (c) => c.url.host === '192.168.1.10:4001')).toBe(2));
  });
});

describe('live-events rules', () => {
  it('keeps a reverse proxy’s path prefix in the socket path', () => {
    expect(socketEndpoint('https://warest.example.com/proxy')).toEqual({ url: 'https://warest.example.com', path: '/proxy/socket.io' });
    expect(socketEndpoint('http://127.0.0.1:4001')).toEqual({ url: 'http://127.0.0.1:4001', path: '/socket.io' });
  });

  it.each([
    [new Error('CORS not allowed: chrome-extension://abc'), 'unreachable', liveReason('origin')],
    [new Error('websocket error'), 'ok', liveReason('origin')],
    [new Error('xhr poll error'), 'ok', liveReason('origin')],
    [new Error('websocket error'), 'unreachable', liveReason('unreachable')],
    [Object.assign(new Error('unauthorized'), { data: { code: 1400 } }), 'ok', liveReason('key')],
  ] as const)('%s with the server %s', (error, state, reason) => {
    expect(liveFailureReason(error, state)).toBe(reason);
  });

  it('quotes an unknown refusal', () => {
    expect(liveFailureReason(new Error('server full'), 'ok')).toMatch(/refused the live connection \(“server full”\)/);
  });
});
