/**
 * The few frames of Socket.IO v4 (Engine.IO protocol 4 over a WebSocket, Socket.IO protocol 5)
 * that live events need, as text in and out: WARest's server only sends text events on the main
 * namespace. Written here instead of bundling socket.io-client (about 12 KB gzipped of polling
 * transport, binary packets and namespaces the extension never uses) because the service worker
 * is parsed on every wake. The background's live-socket.ts drives a WebSocket with it.
 *
 * https://socket.io/docs/v4/engine-io-protocol/ and https://socket.io/docs/v4/socket-io-protocol/
 */

/** The WebSocket address of a Socket.IO server: `path` as Socket.IO gives it, e.g. "/socket.io". */
export function socketIoUrl(origin: string, path: string): string {
  const url = new URL(origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${path.replace(/\/+$/, '')}/`;
  url.search = '?EIO=4&transport=websocket';
  return url.toString();
}

export type Frame =
  /** Engine.IO open: the heartbeat the server keeps. */
  | { kind: 'open'; pingInterval: number; pingTimeout: number }
  | { kind: 'ping' }
  /** Engine.IO close: the server ends the transport. */
  | { kind: 'close' }
  /** Socket.IO CONNECT answered: the namespace is joined. */
  | { kind: 'connect' }
  /** Socket.IO CONNECT_ERROR: the server's middleware refused the handshake. */
  | { kind: 'connect-error'; message: string; data: unknown }
  /** Socket.IO DISCONNECT from the server: it will not take the socket back by itself. */
  | { kind: 'disconnect' }
  | { kind: 'event'; name: string; args: unknown[] }
  /** Anything else (acks, noop, upgrade probes, other namespaces, binary): nothing to do. */
  | { kind: 'ignored' };

/** Socket.IO's defaults when the server's open packet says nothing usable. */
const DEFAULT_PING_INTERVAL_MS = 25_000;
const DEFAULT_PING_TIMEOUT_MS = 20_000;

function json(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

/** Reads one text frame of the WebSocket. */
export function readFrame(text: string): Frame {
  switch (text[0]) {
    case '0': {
      const open = (json(text.slice(1)) ?? {}) as { pingInterval?: unknown; pingTimeout?: unknown };
      return { kind: 'open', pingInterval: positive(open.pingInterval, DEFAULT_PING_INTERVAL_MS), pingTimeout: positive(open.pingTimeout, DEFAULT_PING_TIMEOUT_MS) };
    }
    case '1':
      return { kind: 'close' };
    case '2':
      return { kind: 'ping' };
    case '4':
      return readSocketIoPacket(text.slice(1));
    default:
      return { kind: 'ignored' };
  }
}

function readSocketIoPacket(packet: string): Frame {
  const type = packet[0];
  let rest = packet.slice(1);
  // Only the main namespace is used; a packet for another one ("/admin,…") is not ours.
  if (rest.startsWith('/')) {
    const comma = rest.indexOf(',');
    const namespace = comma < 0 ? rest : rest.slice(0, comma);
    if (namespace !== '/') return { kind: 'ignored' };
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  switch (type) {
    case '0':
      return { kind: 'connect' };
    case '1':
      return { kind: 'disconnect' };
    case '4': {
      const error = json(rest);
      const { message, data } = (error && typeof error === 'object' ? error : { message: error }) as { message?: unknown; data?: unknown };
      // i18n-exempt: stands in for the server's own words, which lib/live-events.ts matches and quotes as they are
      return { kind: 'connect-error', message: typeof message === 'string' ? message : 'connect error', data };
    }
    case '2': {
      // An ack id may stand between the type and the array; events here are never acked.
      const args = json(rest.replace(/^\d+/, ''));
      if (!Array.isArray(args) || typeof args[0] !== 'string') return { kind: 'ignored' };
      return { kind: 'event', name: args[0], args: args.slice(1) };
    }
    default:
      return { kind: 'ignored' };
  }
}

/** The client's frames: pong, the namespace CONNECT with its auth, an event, DISCONNECT. */
export const PONG_FRAME = '3';
export const connectFrame = (auth: Record<string, unknown>) => `40${JSON.stringify(auth)}`;
export const eventFrame = (name: string, args: unknown[]) => `42${JSON.stringify([name, ...args])}`;
export const DISCONNECT_FRAME = '41';

/**
 * How long to wait before reconnect attempt `attempt` (0 first) after a drop, as Socket.IO's
 * defaults do: 1 s doubling up to 5 s, each spread by ±50 % so many clients do not come back at
 * the same instant. `random` is in [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const base = Math.min(1_000 * 2 ** Math.min(attempt, 10), 5_000);
  const spread = base * 0.5;
  return Math.round(Math.min(base - spread + random * 2 * spread, 5_000));
}
