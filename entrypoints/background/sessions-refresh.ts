import { failure, type ApiResult } from '@/lib/warest/api-result';
import { nextSnapshot, versionCheckDue, versionFromHealthz } from '@/lib/session-sync';
import {
  apiKeysItem,
  profilesItem,
  readChecked,
  snapshotsItem,
  StorageFullError,
  versionChecksItem,
  type ProfileSnapshot,
  type ServerProfile,
} from '@/lib/storage';
import type { Reply } from '@/lib/messaging/protocol';
import { findProfile, hasHostAccess, noProfileError } from './profile-lookup';
import { reachProfileServer, requestTimeoutMs } from './server-calls';
import { pruneSnapshots, updateSnapshot } from './snapshot-store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Re-reading a profile's sessions: for the popup's `sessions.refresh`, the poll, live events and
 * profile changes (sessions-sync.ts hooks those up). Every refresh writes the profile's snapshot
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

// ---- One refresh ---------------------------------------------------------------------------

// Refreshes of one profile. A request shares a running refresh when that one started less than a
// moment ago with the same profile and key; otherwise it starts its own at once, so nobody ever
// waits for more than one refresh (one request timeout). A refresh that started before the
// profile or its key changed is stale: it is aborted, and its callers get the fresh one's answer.
// Answers are stored in the order the refreshes started, so a late answer to an older request
// never replaces a newer one. When requests shared a refresh that had already started, one more
// re-read follows (nobody waits for it), so the stored snapshot is never older than the last ask.

/** A refresh asked for within this long after one started (same profile and key) shares it. */
export const SHARE_WINDOW_MS = 1_000;
/** At most this many reads of one profile at once; beyond them a request shares the newest. */
const MAX_FLIGHTS = 2;

interface Flight {
  /** Increases with every refresh started and every request that shares one. */
  order: number;
  startedAt: number;
  /** The profile and key it reads with. */
  identity: string;
  controller: AbortController;
  /** Hints of the requests it answers; read when it reports. */
  closed: ClosedHint[];
  reply: Promise<RefreshReply>;
  resolve(reply: RefreshReply | Promise<RefreshReply>): void;
  /** Replaced by a fresher one (the profile or key changed): its own answer is not used. */
  abandoned: boolean;
  /** Its listeners were told: too late to share. */
  reported: boolean;
  /** The order of the newest request it answers that was asked after it started (0: none). */
  sharedAt: number;
}

let counter = 0;
const flights = new Map<string, Flight[]>();
/** The order of the newest refresh started, per profile. */
const newestStart = new Map<string, number>();

function identityOf(profile: ServerProfile, apiKey: string | undefined): string {
  return JSON.stringify([profile, apiKey ?? null]);
}

async function run(flight: Flight, profile: ServerProfile, apiKey: string | undefined): Promise<RefreshReply> {
  // A rate-limited list is said at once (the pill and the message say when to try again), not
  // waited out for up to a minute behind "refreshing…"; the next poll reads it again.
  const options = { timeoutMs: await requestTimeoutMs(), signal: flight.controller.signal, retryRateLimited: false, waitForRateLimit: false };

  const requestedAt = Date.now();
  let list: ApiResult;
  let version: string | undefined;
  // Without a key or access the snapshot still says so (the list's error is what it shows).
  const reached = await reachProfileServer(profile, apiKey);
  if (!reached.ok) list = reached;
  else {
    const checkedAt = Date.now();
    const versionDue = versionCheckDue((await readChecked(versionChecksItem))[profile.id], checkedAt);
    // The version, when due, is asked alongside the list: one refresh takes one timeout at most.
    const [answer, health] = await Promise.all([
      reached.value.call('getSessionList', {}, options),
      versionDue ? reached.value.call('getServerHealthz', {}, options) : undefined,
    ]);
    list = answer;
    if (list.ok && health) {
      version = versionFromHealthz(health);
      // Best effort: when storage is full the version is simply asked again next time.
      await versionChecksItem.item.setValue({ ...(await readChecked(versionChecksItem)), [profile.id]: checkedAt }).catch(() => undefined);
    }
  }
  if (flight.abandoned) return { ok: false, error: { kind: 'aborted', message: 'Replaced by a newer refresh.' /* i18n-exempt: never shown (not used) */ } }; // not used

  let written: Awaited<ReturnType<typeof updateSnapshot>>;
  try {
    written = await updateSnapshot(profile.id, (current) => nextSnapshot(current, list, Date.now(), version), flight.order);
  } catch (error) {
    // Said as it is (storage full: what to do), not as an internal error.
    if (error instanceof StorageFullError) return failure('server', error.message);
    throw error;
  }
  const { before, after, stale } = written;
  flight.reported = true;
  // A newer refresh already stored its answer: this older one has nothing to tell.
  if (!stale) {
    const event: SessionsRefreshed = { profile, before, after, ok: list.ok, closed: flight.closed, requestedAt };
    for (const listener of listeners) {
      try {
        await listener(event);
      } catch (error) {
        console.error('WARest Companion: a sessions listener failed', error instanceof Error ? error.message : error);
      }
    }
  }
  return { ok: true, data: { profileId: profile.id, ...after } };
}

function forget(profileId: string, flight: Flight): void {
  const left = (flights.get(profileId) ?? []).filter((f) => f !== flight);
  if (left.length) flights.set(profileId, left);
  else flights.delete(profileId);
}

function launch(profile: ServerProfile, apiKey: string | undefined, identity: string): Flight {
  let resolve: Flight['resolve'] = () => undefined;
  const reply = new Promise<RefreshReply>((settle) => (resolve = settle));
  const flight: Flight = {
    order: ++counter,
    startedAt: Date.now(),
    identity,
    controller: new AbortController(),
    closed: [],
    reply,
    resolve,
    abandoned: false,
    reported: false,
    sharedAt: 0,
  };
  flights.set(profile.id, [...(flights.get(profile.id) ?? []), flight]);
  newestStart.set(profile.id, flight.order);
  void run(flight, profile, apiKey)
    .catch((error: unknown): RefreshReply => {
      console.error('WARest Companion: refresh failed', error instanceof Error ? error.message : error);
      return failure('server', t('refreshError'));
    })
    .then((answer) => {
      forget(profile.id, flight);
      if (flight.abandoned) return;
      flight.resolve(answer);
      // Requests joined after it had started, and no refresh started since: read once more.
      if (flight.sharedAt > (newestStart.get(profile.id) ?? 0)) void followUp(profile.id, flight.sharedAt).catch(() => undefined);
    });
  return flight;
}

function abandon(stale: Flight, replacement: Promise<RefreshReply>): void {
  stale.abandoned = true;
  stale.controller.abort();
  stale.resolve(replacement);
}

/** The refresh a request gets: a running one it may share, or a new one. */
function schedule(profile: ServerProfile, apiKey: string | undefined): Flight {
  const identity = identityOf(profile, apiKey);
  const running = (flights.get(profile.id) ?? []).filter((f) => !f.reported && !f.abandoned);
  const same = running.filter((f) => f.identity === identity);
  const newest = same.at(-1);
  if (newest && (Date.now() - newest.startedAt < SHARE_WINDOW_MS || same.length >= MAX_FLIGHTS)) {
    newest.sharedAt = ++counter;
    return newest;
  }
  const fresh = launch(profile, apiKey, identity);
  for (const stale of running.filter((f) => f.identity !== identity)) {
    fresh.closed.push(...stale.closed);
    abandon(stale, fresh.reply);
    forget(profile.id, stale);
  }
  return fresh;
}

/** One more read for requests that shared a refresh after it had started (the last at `since`). */
async function followUp(profileId: string, since: number): Promise<void> {
  const profile = await findProfile(profileId);
  if (!profile) return;
  const apiKey = (await readChecked(apiKeysItem))[profile.id];
  const identity = identityOf(profile, apiKey);
  // A refresh started after that request covers it already.
  if ((flights.get(profileId) ?? []).some((f) => !f.reported && !f.abandoned && f.identity === identity && f.order > since)) return;
  await launch(profile, apiKey, identity).reply;
}

/** Refreshes of profiles that no longer exist are abandoned. */
function abandonRemoved(profileIds: readonly string[]): void {
  const keep = new Set(profileIds);
  for (const [profileId, list] of [...flights]) {
    if (keep.has(profileId)) continue;
    for (const flight of list) abandon(flight, Promise.resolve({ ok: false, error: noProfileError(profileId) }));
    flights.delete(profileId);
    newestStart.delete(profileId);
  }
}

/**
 * Re-reads a profile's sessions (the default profile when none is named) and stores the
 * snapshot. Server failures are answered with the snapshot, which describes them; only a missing
 * profile is an error reply.
 */
export async function refreshProfile(profileId?: string, hint?: ClosedHint): Promise<RefreshReply> {
  const profile = await findProfile(profileId);
  if (!profile) return { ok: false, error: noProfileError(profileId) };
  const apiKey = (await readChecked(apiKeysItem))[profile.id];
  const flight = schedule(profile, apiKey);
  if (hint) flight.closed.push(hint);
  return flight.reply;
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
export async function refreshChanged(previous: ServerProfile[], current: ServerProfile[]): Promise<void> {
  const before = new Map(previous.map((p) => [p.id, p.baseUrl]));
  abandonRemoved(current.map((p) => p.id));
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
