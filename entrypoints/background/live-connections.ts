import { defineItem } from '@/lib/storage/item';
import {
  asSessionEvent,
  isFinalDisconnect,
  liveFailureReason,
  liveReason,
  liveRetryDelayMs,
  socketEndpoint,
} from '@/lib/live-events';
import { serialised } from '@/lib/serialised';
import { apiKeysItem, loginItem, profilesItem, readChecked, snapshotsItem, type ServerProfile } from '@/lib/storage';
import { applyLivePairingCode, applyLiveQr, markLoginOpen } from './login-flow';
import { openSocketIo } from './live-socket';
import { hasHostAccess } from './profile-lookup';
import { refreshProfile } from './sessions-refresh';
import { setUpdateMode } from './snapshot-store';

/**
 * Live events (Socket.IO, ../shared/warest/README.md §5), one socket per profile the browser lets
 * the extension reach. The API key stays here, in the background. When the handshake is refused —
 * on a stock server, by its Origin check, which a WebSocket cannot get around — the profile falls
 * back to polling, the snapshot says why and how to enable live updates, and the handshake is
 * retried with a growing pause (30 s … 5 min), at once when profiles change.
 *
 * The service worker can be stopped at any time, and its sockets with it: every wake (any event,
 * the poll alarm included) reconnects, and the poll alarm stays the safety net. live-updates.ts
 * hooks this up to the worker's events.
 */

/** What this module needs of a socket; unit tests put a fake in its place. */
export interface LiveSocket {
  on(event: string, listener: (...args: unknown[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
  close(): void;
}

export interface LiveSocketOptions {
  /** The server's origin, e.g. "https://warest.example.com". */
  url: string;
  /** Socket.IO's path there, e.g. "/socket.io" (or "/prefix/socket.io" behind a reverse proxy). */
  path: string;
  apiKey: string;
}

export type LiveSocketFactory = (options: LiveSocketOptions) => LiveSocket;

/** Socket.IO over the browser's WebSocket (live-socket.ts: only what live events need). */
export const socketIoFactory: LiveSocketFactory = (options) => openSocketIo(options);

let factory: LiveSocketFactory = socketIoFactory;

/** Replaces how sockets are made (tests); no argument restores Socket.IO. */
export function setLiveSocketFactory(next?: LiveSocketFactory): void {
  factory = next ?? socketIoFactory;
}

interface Connection {
  profileId: string;
  /** Server and key the socket was opened with: a change of either means a new socket. */
  identity: string;
  socket: LiveSocket | null;
  live: boolean;
  closed: boolean;
  rooms: Set<string>;
}

interface Backoff {
  failures: number;
  retryAt: number;
}

const connections = new Map<string, Connection>();
const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Survives the worker being stopped (not the browser restarting), so a wake does not retry early. */
const backoffItem = defineItem<Record<string, Backoff>>('session:liveBackoff', { fallback: {} });

/** Whether live events currently arrive for this profile. */
export function isLive(profileId: string): boolean {
  return connections.get(profileId)?.live === true;
}

/** The handshake back-off of a profile (for the options page and tests). */
export async function liveBackoff(profileId: string): Promise<Backoff | undefined> {
  return (await backoffItem.getValue())[profileId];
}

function identityOf(profile: ServerProfile, apiKey: string): string {
  return `${profile.baseUrl}\n${apiKey}`;
}

function current(connection: Connection): boolean {
  return !connection.closed && connections.get(connection.profileId) === connection;
}

function closeConnection(connection: Connection): void {
  connection.closed = true;
  connection.live = false;
  if (connections.get(connection.profileId) === connection) connections.delete(connection.profileId);
  try {
    connection.socket?.close();
  } catch {
    // already gone
  }
}

function scheduleRetry(profileId: string, delayMs: number): void {
  clearTimeout(retryTimers.get(profileId));
  retryTimers.set(
    profileId,
    setTimeout(() => {
      retryTimers.delete(profileId);
      void syncLiveConnections();
    }, Math.max(0, delayMs)),
  );
}

async function updateBackoff(change: (all: Record<string, Backoff>) => Record<string, Backoff>): Promise<Record<string, Backoff>> {
  const next = change({ ...(await backoffItem.getValue()) });
  await backoffItem.setValue(next);
  return next;
}

/** The login in progress has changed: every live socket joins its session's room if it is theirs. */
export function joinLoginRooms(): void {
  for (const connection of connections.values()) void joinLoginRoom(connection);
}

async function joinLoginRoom(connection: Connection): Promise<void> {
  const login = await readChecked(loginItem);
  if (!login || login.state !== 'waiting' || login.profileId !== connection.profileId) return;
  if (!current(connection) || !connection.live || connection.rooms.has(login.sessionId)) return;
  connection.rooms.add(login.sessionId);
  connection.socket?.emit('join', { room: login.sessionId });
}

async function onWelcome(connection: Connection): Promise<void> {
  if (!current(connection)) return;
  connection.live = true;
  connection.rooms.clear();
  clearTimeout(retryTimers.get(connection.profileId));
  await updateBackoff(({ [connection.profileId]: _gone, ...rest }) => rest);
  await setUpdateMode(connection.profileId, { mode: 'live' });
  await joinLoginRoom(connection);
  // Whatever changed while the socket was down.
  void refreshProfile(connection.profileId).catch(() => undefined);
}

/** The handshake was refused or failed: poll instead, say why, and try again later. */
async function onHandshakeFailed(connection: Connection, error: unknown, reason?: string): Promise<void> {
  if (!current(connection)) return;
  closeConnection(connection);
  const { profileId } = connection;
  const all = await updateBackoff((backoff) => {
    const failures = (backoff[profileId]?.failures ?? 0) + 1;
    return { ...backoff, [profileId]: { failures, retryAt: Date.now() + liveRetryDelayMs(failures) } };
  });
  const backoff = all[profileId];
  if (backoff) scheduleRetry(profileId, backoff.retryAt - Date.now());

  let serverState = (await readChecked(snapshotsItem))[profileId]?.server.state;
  if (!reason && serverState === undefined) {
    // Never read yet: whether HTTP works tells an Origin refusal from a server that is down.
    const refreshed = await refreshProfile(profileId);
    serverState = refreshed.ok ? refreshed.data.server.state : undefined;
  }
  await setUpdateMode(profileId, { mode: 'polling', reason: reason ?? liveFailureReason(error, serverState) });
}

async function onDisconnect(connection: Connection, reason: unknown): Promise<void> {
  if (!current(connection)) return;
  connection.live = false;
  connection.rooms.clear();
  if (isFinalDisconnect(reason)) {
    // The server closed it (e.g. the key was rotated): Socket.IO does not come back by itself.
    await onHandshakeFailed(connection, reason, liveReason('kicked'));
    return;
  }
  // A transient drop: Socket.IO reconnects by itself; a failed reconnect is a connect_error.
  await setUpdateMode(connection.profileId, { mode: 'polling', reason: liveReason('dropped') });
}

function connect(profile: ServerProfile, apiKey: string): void {
  const connection: Connection = { profileId: profile.id, identity: identityOf(profile, apiKey), socket: null, live: false, closed: false, rooms: new Set() };
  connections.set(profile.id, connection);
  let socket: LiveSocket;
  try {
    socket = factory({ ...socketEndpoint(profile.baseUrl), apiKey });
  } catch (error) {
    void onHandshakeFailed(connection, error);
    return;
  }
  connection.socket = socket;
  const id = profile.id;
  const guard =
    (handler: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      if (!current(connection)) return;
      Promise.resolve(handler(...args)).catch((error: unknown) => {
        console.error('WARest Companion: live event failed', error instanceof Error ? error.message : error);
      });
    };
  socket.on('welcome', guard(() => onWelcome(connection)));
  socket.on('connect_error', guard((error) => onHandshakeFailed(connection, error)));
  socket.on('disconnect', guard((reason) => onDisconnect(connection, reason)));
  socket.on('sessions_changed', guard(() => refreshProfile(id)));
  socket.on(
    'ready',
    guard(async (payload) => {
      const event = asSessionEvent(payload);
      if (event) await markLoginOpen(id, event.id);
      await refreshProfile(id);
    }),
  );
  socket.on(
    'closed',
    guard((payload) => {
      const event = asSessionEvent(payload);
      return refreshProfile(id, event ? { sessionId: event.id, reason: event.reason } : undefined);
    }),
  );
  socket.on(
    'qr',
    guard((payload) => {
      const event = asSessionEvent(payload);
      return event && applyLiveQr(id, event);
    }),
  );
  socket.on(
    'pairing_code',
    guard((payload) => {
      const event = asSessionEvent(payload);
      return event && applyLivePairingCode(id, event);
    }),
  );
}

async function reconcile(resetBackoff: boolean): Promise<void> {
  const [{ profiles }, keys] = await Promise.all([readChecked(profilesItem), readChecked(apiKeysItem)]);
  if (resetBackoff) {
    for (const timer of retryTimers.values()) clearTimeout(timer);
    retryTimers.clear();
    await backoffItem.setValue({});
  }

  const wanted = new Map<string, { profile: ServerProfile; apiKey: string }>();
  for (const profile of profiles) {
    const apiKey = keys[profile.id];
    if (!apiKey) continue;
    if (!(await hasHostAccess(profile.baseUrl))) {
      await setUpdateMode(profile.id, { mode: 'polling', reason: liveReason('noAccess') });
      continue;
    }
    wanted.set(profile.id, { profile, apiKey });
  }

  for (const connection of [...connections.values()]) {
    const want = wanted.get(connection.profileId);
    if (!want || identityOf(want.profile, want.apiKey) !== connection.identity) closeConnection(connection);
  }
  for (const [profileId, timer] of retryTimers) {
    if (!wanted.has(profileId)) {
      clearTimeout(timer);
      retryTimers.delete(profileId);
    }
  }
  const backoff = await updateBackoff((all) => Object.fromEntries(Object.entries(all).filter(([id]) => wanted.has(id))));

  const now = Date.now();
  for (const [profileId, { profile, apiKey }] of wanted) {
    if (connections.has(profileId)) continue;
    const waiting = backoff[profileId];
    if (waiting && waiting.retryAt > now) {
      if (!retryTimers.has(profileId)) scheduleRetry(profileId, waiting.retryAt - now);
      continue;
    }
    connect(profile, apiKey);
  }
}

/** One reconcile at a time: each reads the profiles and the sockets and changes both. */
const reconciles = serialised();

/**
 * Opens a socket for every reachable profile that has none (unless its back-off runs), closes the
 * sockets of removed or changed profiles. `resetBackoff` retries refused handshakes at once.
 */
export function syncLiveConnections(options: { resetBackoff?: boolean } = {}): Promise<void> {
  return reconciles(() => reconcile(options.resetBackoff ?? false)).catch((error: unknown) => {
    console.error('WARest Companion: could not update live connections', error instanceof Error ? error.message : error);
  });
}

/** Closes every socket and forgets every retry (tests; a worker about to stop). */
export function stopLiveUpdates(): void {
  for (const connection of [...connections.values()]) closeConnection(connection);
  for (const timer of retryTimers.values()) clearTimeout(timer);
  retryTimers.clear();
}
