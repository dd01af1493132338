import { browser } from 'wxt/browser';
import { failure, type ApiResult } from '@/lib/api-result';
import { nextSnapshot, versionCheckDue, versionFromHealthz } from '@/lib/session-sync';
import {
  apiKeysItem,
  guardStoredState,
  profilesItem,
  readChecked,
  snapshotsItem,
  StorageFullError,
  versionChecksItem,
  watchChecked,
  type ProfileSnapshot,
  type ServerProfile,
} from '@/lib/stored-state';
import type { Reply } from '@/lib/protocol';
import { client, requestTimeoutMs } from './operations';
import { findProfile, hasHostAccess, noProfileError, permissionError } from './profiles';
import { registerHandler } from './router';
import { pruneSnapshots, updateSnapshot } from './snapshot-store';

/**
 * Keeping each profile's sessions current: `sessions.refresh` for the popup, and the refresh the
 * poll, live events and profile changes ask for. Every refresh writes the profile's snapshot
 * (the popup and the badge paint from it) and tells the listeners (notifications, login) what
 * changed.
 */

/** A `closed` live event seen just before a refresh: its reason, when the list no longer says it. */
export interface ClosedHint {
  sessionId: string;
  reason: unknown;
}

export interface SessionsRefreshed {
  profile: ServerProfile;
  before: ProfileSnapshot | undefined;
  after: ProfileSnapshot;
  /** Whether the server answered the list. */
  ok: boolean;
  closed: ClosedHint[];
  /** When the list was asked for (epoch ms): what it says is no older than this. */
  requestedAt: number;
}

type RefreshListener = (event: SessionsRefreshed) => void | Promise<void>;
const listeners = new Set<RefreshListener>();

/** Called after every refresh that wrote a snapshot. */
export function onSessionsRefreshed(listener: RefreshListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type RefreshReply = Reply<ProfileSnapshot & { profileId: string }>;

async function run(profileId: string, closed: ClosedHint[]): Promise<RefreshReply> {
  const profile = await findProfile(profileId);
  if (!profile) return { ok: false, error: noProfileError(profileId) };
  const apiKey = (await readChecked(apiKeysItem))[profile.id];
  const server = apiKey ? { baseUrl: profile.baseUrl, apiKey } : undefined;
  const options = { timeoutMs: await requestTimeoutMs() };

  const requestedAt = Date.now();
  let list: ApiResult;
  if (!server) list = failure('auth', `No API key is saved for “${profile.name}”. Enter it in the options page.`);
  else if (!(await hasHostAccess(profile.baseUrl))) list = { ok: false, error: permissionError(profile.baseUrl) };
  else list = await client.call(server, 'getSessionList', {}, options);

  let version: string | undefined;
  if (list.ok && server) {
    const checks = await readChecked(versionChecksItem);
    const now = Date.now();
    if (versionCheckDue(checks[profile.id], now)) {
      version = versionFromHealthz(await client.call(server, 'getServerHealthz', {}, options));
      // Best effort: when storage is full the version is simply asked again next time.
      await versionChecksItem.item.setValue({ ...(await readChecked(versionChecksItem)), [profile.id]: now }).catch(() => undefined);
    }
  }

  let written: Awaited<ReturnType<typeof updateSnapshot>>;
  try {
    written = await updateSnapshot(profile.id, (current) => nextSnapshot(current, list, Date.now(), version));
  } catch (error) {
    // Said as it is (storage full: what to do), not as an internal error.
    if (error instanceof StorageFullError) return failure('server', error.message);
    throw error;
  }
  const { before, after } = written;
  const event: SessionsRefreshed = { profile, before, after, ok: list.ok, closed, requestedAt };
  for (const listener of listeners) {
    try {
      await listener(event);
    } catch (error) {
      console.error('WARest Companion: a sessions listener failed', error instanceof Error ? error.message : error);
    }
  }
  return { ok: true, data: { profileId: profile.id, ...after } };
}

// One refresh per profile at a time. A refresh asked for while one runs gets the next one, which
// starts when the running one ends (so it sees changes made after it was asked), and requests
// that arrive meanwhile share that next one.
interface Flight {
  current: Promise<RefreshReply>;
  next: Promise<RefreshReply> | null;
}
const flights = new Map<string, Flight>();
const hints = new Map<string, ClosedHint[]>();

function launch(profileId: string, flight: Flight): Promise<RefreshReply> {
  const closed = hints.get(profileId) ?? [];
  hints.delete(profileId);
  return run(profileId, closed)
    .catch((error: unknown): RefreshReply => {
      console.error('WARest Companion: refresh failed', error instanceof Error ? error.message : error);
      return failure('server', 'The extension hit an internal error while reading the sessions. Try again.');
    })
    .finally(() => {
      if (!flight.next && flights.get(profileId) === flight) flights.delete(profileId);
    });
}

function schedule(profileId: string): Promise<RefreshReply> {
  const flight = flights.get(profileId);
  if (!flight) {
    const created: Flight = { current: Promise.resolve<RefreshReply>({ ok: false, error: noProfileError(profileId) }), next: null };
    flights.set(profileId, created);
    created.current = launch(profileId, created);
    return created.current;
  }
  if (flight.next) return flight.next;
  flight.next = flight.current.then(() => {
    flight.next = null;
    flight.current = launch(profileId, flight);
    return flight.current;
  });
  return flight.next;
}

/**
 * Re-reads a profile's sessions (the default profile when none is named) and stores the
 * snapshot. Server failures are answered with the snapshot, which describes them; only a missing
 * profile is an error reply.
 */
export async function refreshProfile(profileId?: string, hint?: ClosedHint): Promise<RefreshReply> {
  const profile = await findProfile(profileId);
  if (!profile) return { ok: false, error: noProfileError(profileId) };
  if (hint) hints.set(profile.id, [...(hints.get(profile.id) ?? []), hint]);
  return schedule(profile.id);
}

/** Refreshes every profile the browser lets the extension reach (skipping those `skip` says). */
export async function refreshAll(skip?: (profileId: string, snapshot: ProfileSnapshot | undefined) => boolean): Promise<void> {
  const { profiles } = await readChecked(profilesItem);
  const snapshots = await readChecked(snapshotsItem);
  await Promise.all(
    profiles.map(async (profile) => {
      if (!(await hasHostAccess(profile.baseUrl))) return;
      if (skip?.(profile.id, snapshots[profile.id])) return;
      await refreshProfile(profile.id);
    }),
  );
}

/**
 * After a profile change: profiles that are new or point elsewhere are re-read, and so are those
 * whose last read failed (saving a server again is how a user retries, e.g. after allowing access).
 */
async function refreshChanged(previous: ServerProfile[], current: ServerProfile[]): Promise<void> {
  const before = new Map(previous.map((p) => [p.id, p.baseUrl]));
  await pruneSnapshots(current.map((p) => p.id));
  const snapshots = await readChecked(snapshotsItem);
  await Promise.all(
    current
      .filter((p) => before.get(p.id) !== p.baseUrl || snapshots[p.id]?.server.state !== 'ok')
      .map(async (p) => {
        if (await hasHostAccess(p.baseUrl)) await refreshProfile(p.id);
      }),
  );
}

export function registerSessionsSync(): void {
  // Every stored item is checked at start and on every change, so damage anywhere (an item no
  // page happens to read, too) is repaired and reported once, at once. It belongs to the worker
  // as a whole; it is started here, first among the storage watchers.
  guardStoredState();

  registerHandler('sessions.refresh', ({ profileId }) => refreshProfile(profileId));

  // Checked values only: a damaged value is repaired once (one notice) and never walked.
  watchChecked(profilesItem, (next, previous) => {
    void refreshChanged(previous.profiles, next.profiles).catch(() => undefined);
  });
  watchChecked(apiKeysItem, (next, previous) => {
    for (const [id, key] of Object.entries(next)) {
      if (previous[id] !== key) void refreshProfile(id).catch(() => undefined);
    }
  });
  try {
    // Access granted on the options page: read the servers it opens up at once.
    browser.permissions.onAdded.addListener(() => void refreshAll().catch(() => undefined));
  } catch {
    // Not available here (unit tests): saving the profile again refreshes it too.
  }
}
