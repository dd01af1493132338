import type { ServerHealth } from './storage';

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

const MEANWHILE = 'Meanwhile the extension re-reads the sessions at the refresh interval set in its options.';

export const ORIGIN_REASON =
  'Live updates are off because the server refused the extension’s live connection. A browser extension’s live (WebSocket) connection always carries the extension’s own Origin, and WARest accepts it only when the server’s allowed CORS origins are set to “*” (adding the extension’s address does not work). To get live updates, set the server’s allowed CORS origins to * and restart it. ' +
  MEANWHILE;

export const KEY_REASON = `Live updates are off because the server did not accept the API key for its live connection. Check the key in the options. ${MEANWHILE}`;

export const UNREACHABLE_REASON = `Live updates are off because the server cannot be reached right now; they come back by themselves when it answers again. ${MEANWHILE}`;

export const TIMEOUT_REASON = `Live updates are off because the server did not answer the live connection in time. The extension tries again every few minutes. ${MEANWHILE}`;

export const DROPPED_REASON = `The live connection to the server dropped; the extension is reconnecting. ${MEANWHILE}`;

export const KICKED_REASON = `Live updates are off because the server closed the live connection (for instance after the API key was rotated). The extension tries again every few minutes. ${MEANWHILE}`;

export const NO_ACCESS_REASON = `Live updates start once the browser allows the extension to reach this server (save the server again in the options and allow access). ${MEANWHILE}`;

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

  if (/cors|origin/.test(text)) return ORIGIN_REASON;
  if (/unauthori[sz]ed|api ?key|forbidden|invalid key/.test(text) || data.code === 1400 || data.code === 401) return KEY_REASON;
  if (/timeout|timed out/.test(text)) return TIMEOUT_REASON;
  const transport = e.type === 'TransportError' || /websocket error|xhr poll error|transport/.test(text);
  if (transport || !message) return serverState === 'ok' ? ORIGIN_REASON : UNREACHABLE_REASON;
  return `Live updates are off because the server refused the live connection (“${message.slice(0, 120)}”). The extension tries again every few minutes. ${MEANWHILE}`;
}

/** Socket.IO `disconnect` reasons after which the client does not reconnect by itself. */
export function isFinalDisconnect(reason: unknown): boolean {
  return reason === 'io server disconnect';
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
