/**
 * The background's own Socket.IO client (live-socket.ts) against the fake server's real
 * Socket.IO server, over the `ws` package's WebSocket: the handshake, events, rooms, refusals,
 * the server ending the socket, the server going down and coming back; and the heartbeat with
 * a scripted WebSocket and fake timers.
 */
import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSocketIo, type LiveSocketLike, type WebSocketConstructor } from '@/entrypoints/background/live-socket';
import { socketEndpoint } from '@/lib/live-events';
import { startFakeWarest, type FakeWarest } from '../../fake-server/index';

let server: FakeWarest | undefined;
const sockets: LiveSocketLike[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.stop();
  server = undefined;
  vi.useRealTimers();
});

/** Every event the socket sees, in order, as [name, ...args]. */
function open(apiKey: string, random = () => 0): { socket: LiveSocketLike; seen: unknown[][]; next: (name: string) => Promise<unknown[]> } {
  const seen: unknown[][] = [];
  const waiters: Array<{ name: string; resolve: (args: unknown[]) => void }> = [];
  const socket = openSocketIo({ ...socketEndpoint(server!.url), apiKey }, { WebSocketImpl: WebSocket as unknown as WebSocketConstructor, random });
  sockets.push(socket);
  for (const name of ['connect', 'connect_error', 'disconnect', 'welcome', 'qr', 'sessions_changed', 'ready', 'error']) {
    socket.on(name, (...args) => {
      seen.push([name, ...args]);
      for (const waiter of waiters.filter((w) => w.name === name)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(args);
      }
    });
  }
  const next = (name: string) => new Promise<unknown[]>((resolve) => waiters.push({ name, resolve }));
  return { socket, seen, next };
}

async function api(path: string, query: Record<string, string>): Promise<number> {
  const response = await fetch(`${server!.url}/api/v1${path}?${new URLSearchParams(query)}`, { headers: { 'X-WAREST-API-KEY': 'user-key' } });
  return response.status;
}

describe('against a Socket.IO server', () => {
  it('connects with the key, gets welcome, and a join sent before the connection is made reaches its room', async () => {
    // QR codes rotate every 0.2 s: whichever the room gets first, after the join, shows it joined.
    server = await startFakeWarest({ qrDuration: 0.2 });
    const { socket, next, seen } = open('user-key');
    const welcome = next('welcome');
    socket.emit('join', { room: 'main' }); // not connected yet: it waits for the connection
    const [hello] = await welcome;
    expect(hello).toMatchObject({ role: 'user', isAdmin: false, registry: 'alice' });
    expect(server.liveSockets()).toBe(1);
    const qr = next('qr');
    expect(await api('/session/create', { sessionId: 'main' })).toBeLessThan(300);
    const [payload] = await qr;
    expect(payload).toMatchObject({ id: 'main', qr: expect.any(String) });
    expect(seen[0]).toEqual(['connect']);
  });

  it('a refused key is a connect_error with the server’s message and data, and the socket stays down', async () => {
    server = await startFakeWarest();
    const { next, seen } = open('wrong-key');
    const [error] = await next('connect_error');
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('unauthorized');
    expect((error as Error & { data: unknown }).data).toEqual({ code: 1400, message: 'WebSocket unauthorized' });
    // A good socket opened afterwards is welcomed; the refused one has not tried again meanwhile.
    await open('user-key').next('welcome');
    expect(server.stats.unauthorized).toBe(1);
    expect(seen.map(([name]) => name)).toEqual(['connect_error']);
  });

  it('the server ending the socket (a rotated key) is “io server disconnect”, and it stays down', async () => {
    server = await startFakeWarest();
    const { next, seen } = open('user-key');
    await next('welcome');
    const gone = next('disconnect');
    server.rotateKey('alice');
    expect(await gone).toEqual(['io server disconnect']);
    expect(server.liveSockets()).toBe(0);
    await open('other-key').next('welcome');
    expect(server.liveSockets()).toBe(1);
    expect(seen.map(([name]) => name)).toEqual(['connect', 'welcome', 'disconnect']);
  });

  it('a server going down is “transport close”; each failed attempt is a connect_error; it is welcomed again when the server is back', async () => {
    server = await startFakeWarest();
    const { next } = open('user-key');
    await next('welcome');
    const dropped = next('disconnect');
    await server.stopListening();
    expect(await dropped).toEqual(['transport close']);
    const [failed] = await next('connect_error'); // the port is closed: the first attempt fails
    expect(failed).toMatchObject({ message: 'websocket error', type: 'TransportError' });
    const again = next('welcome');
    await server.startListening();
    expect((await again)[0]).toMatchObject({ registry: 'alice' });
    expect(server.liveSockets()).toBe(1);
  });

  it('close() leaves the server and says nothing more', async () => {
    server = await startFakeWarest();
    const { socket, next, seen } = open('user-key');
    await next('welcome');
    socket.close();
    await vi.waitFor(() => expect(server!.liveSockets()).toBe(0));
    server.addSession('alice', { id: 'later', status: 'open' });
    expect(seen.map(([name]) => name)).toEqual(['connect', 'welcome']);
  });
});

/** A WebSocket the test scripts: what the server would send, and what the client sent. */
class ScriptedWebSocket {
  static last: ScriptedWebSocket | undefined;
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    ScriptedWebSocket.last = this;
  }
  serverSays(text: string): void {
    this.readyState = 1;
    this.onmessage?.({ data: text });
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
}

describe('the heartbeat', () => {
  it('answers pings, and a server silent past pingInterval + pingTimeout is “ping timeout”, then it reconnects', () => {
    vi.useFakeTimers();
    const seen: unknown[][] = [];
    const socket = openSocketIo(
      { url: 'http://127.0.0.1:9', path: '/socket.io', apiKey: 'k' },
      { WebSocketImpl: ScriptedWebSocket as unknown as WebSocketConstructor, random: () => 0.5 },
    );
    sockets.push(socket);
    for (const name of ['connect', 'disconnect', 'connect_error']) socket.on(name, (...args) => seen.push([name, ...args]));
    const first = ScriptedWebSocket.last!;
    expect(first.url).toBe('ws://127.0.0.1:9/socket.io/?EIO=4&transport=websocket');
    first.serverSays('0{"pingInterval":100,"pingTimeout":50}');
    expect(first.sent).toEqual(['40{"apiKey":"k"}']);
    first.serverSays('40{"sid":"s"}');
    vi.advanceTimersByTime(140);
    first.serverSays('2');
    expect(first.sent.at(-1)).toBe('3');
    vi.advanceTimersByTime(149); // the ping reset the wait
    expect(seen).toEqual([['connect']]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([['connect'], ['disconnect', 'ping timeout']]);
    expect(first.closed).toBe(true);
    vi.advanceTimersByTime(999);
    expect(ScriptedWebSocket.last).toBe(first);
    vi.advanceTimersByTime(1); // 1 s for the first attempt (random 0.5: no spread)
    expect(ScriptedWebSocket.last).not.toBe(first);
  });
});
