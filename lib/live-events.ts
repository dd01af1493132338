import type { ServerHealth } from './storage';
import { textsOf } from './i18n';

const t = textsOf('status');

/**
 * The pure side of WARest's live events (Socket.IO, ../shared/warest/README.md §5): where the
 * socket lives, how long to wait after a refused handshake, and why live updates are off, in
 * words a person can act on.
 */

/** Socket.IO at `/socket.io` under the server's base URL (a reverse proxy's path prefix is kept). */
export function socketEndpoint(baseUrl: string): { url: string; path: string } {
  const url = new URL(baseUrl);
  return { url: url.origin, path: `${url.pathname.replace(/\/+$/, '')}/socket.io` };
}

/** Waits after the 1st, 2nd, … failed handshake in a row: 30 s, 1, 2, 4 min, then every 5 min. */
export function liveRetryDelayMs(failures: number): number {
  const steps = [30_000, 60_000, 120_000, 240_000];
  return steps[Math.max(0, failures - 1)] ?? 300_000;
}

/** Why live updates are off, by cause: each a key of the status area. */
const REASONS = {
  /** The server refused the extension's Origin. */
  origin: 'liveOrigin',
  key: 'liveKey',
  unreachable: 'liveUnreachable',
  timeout: 'liveTimeout',
  dropped: 'liveDropped',
  /** The server closed the live connection. */
  kicked: 'liveKicked',
  /** The browser does not let the extension reach the server yet. */
  noAccess: 'liveNoAccess',
} as const;

/** Why live updates are off, in words a person can act on (in the current language). */
export function liveReason(cause: keyof typeof REASONS): string {
  return t(REASONS[cause]);
}

interface HandshakeError {
  message?: unknown;
  type?: unknown;
  data?: unknown;
}

/**
 * Why a Socket.IO handshake failed, for the user. A refused WebSocket upgrade shows up only as a
 * "websocket error" without a status; when the server answers HTTP at the same time, the Origin
 * check is by far the likeliest cause.
 */
export function liveFailureReason(error: unknown, serverState: ServerHealth['state'] | undefined): string {
  const e = (error && typeof error === 'object' ? error : { message: error }) as HandshakeError;
  const message = typeof e.message === 'string' ? e.message : '';
  const data = (e.data && typeof e.data === 'object' ? e.data : {}) as { code?: unknown; message?: unknown };
  const text = `${message} ${typeof data.message === 'string' ? data.message : ''}`.toLowerCase();

  if (/cors|origin/.test(text)) return liveReason('origin');
  if (/unauthori[sz]ed|api ?key|forbidden|invalid key/.test(text) || data.code === 1400 || data.code === 401) return liveReason('key');
  if (/timeout|timed out/.test(text)) return liveReason('timeout');
  const transport = e.type === 'TransportError' || /websocket error|xhr poll error|transport/.test(text);
  if (transport || !message) return liveReason(serverState === 'ok' ? 'origin' : 'unreachable');
  return t('liveRefused', { message: message.slice(0, 120) });
}

/** Socket.IO `disconnect` reasons after which the client does not reconnect by itself. */
export function isFinalDisconnect(reason: unknown): boolean {
  return reason === 'io server disconnect'; // i18n-exempt: Socket.IO's own reason code
}

export interface LiveSessionEvent {
  id: string;
  [key: string]: unknown;
}

/** A room event's payload (`qr`, `pairing_code`, `ready`, `closed`), or undefined if it is not one. */
export function asSessionEvent(payload: unknown): LiveSessionEvent | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const id = (payload as { id?: unknown }).id;
  return typeof id === 'string' && id ? (payload as LiveSessionEvent) : undefined;
}
