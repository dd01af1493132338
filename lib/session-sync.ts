import { healthStateFor } from './warest/server-trouble';
import { firstOf, text } from './answers/loose';
import type { ApiError, ApiResult } from './warest/api-result';
import { parseSessionList } from './session-list';
import { needsAttention, type SessionSummary } from './sessions';
import { jsonSize, KB } from './storage/limits';
import type { LoginInProgress, ProfileSnapshot, ServerHealth } from './storage';

/**
 * The pure rules of keeping sessions current: what a refresh makes of the last snapshot, how
 * often to poll, when to re-learn the server's version.
 */

/** Chrome will not fire a repeating alarm more often than every 30 s. */
export const MIN_POLL_SEC = 30;
/** The server's version is re-read at most this often per profile. */
export const VERSION_CHECK_INTERVAL_MS = 10 * 60_000;
/** While live events work, the poll still re-reads a profile when its data is older than this. */
export const LIVE_SAFETY_REFRESH_MS = 5 * 60_000;
/**
 * A login the popup left waiting is followed by the alarm (fast polling, login.poll) for this
 * long after it started; after that only the ordinary refresh notices it opening.
 */
export const LOGIN_BACKGROUND_LIMIT_MS = 10 * 60_000;

/** The alarm period: the setting, never under Chrome's minimum; the minimum while a login waits. */
export function pollPeriodSec(pollIntervalSec: number, loginActive: boolean): number {
  if (loginActive) return MIN_POLL_SEC;
  const wanted = Number.isFinite(pollIntervalSec) ? Math.round(pollIntervalSec) : MIN_POLL_SEC;
  return Math.max(MIN_POLL_SEC, wanted);
}

/** Whether the background should still follow this login by itself. */
export function loginIsActive(login: LoginInProgress | null | undefined, now: number): boolean {
  return !!login && login.state === 'waiting' && now - login.startedAt < LOGIN_BACKGROUND_LIMIT_MS;
}

export function versionCheckDue(lastCheckedAt: number | undefined, now: number): boolean {
  return lastCheckedAt === undefined || now - lastCheckedAt >= VERSION_CHECK_INTERVAL_MS;
}

/** The `serviceVersion` of a `GET /server/healthz` answer. */
export function versionFromHealthz(result: ApiResult): string | undefined {
  return result.ok ? text(firstOf(result)?.serviceVersion) : undefined;
}

// ---- What is stored of a session list -------------------------------------------------------
//
// chrome.storage.local holds 10 MB for the whole extension, and every page that paints sessions
// reads the snapshot whole. A server may have 50,000 sessions with long names: the snapshot keeps
// at most MAX_STORED_SESSIONS of them within a byte budget, the ones that need attention first,
// and says how many the server has.

export interface SessionLimits {
  maxSessions: number;
  /** The most the stored sessions of one profile may take (their JSON). */
  maxBytes: number;
}

export const MAX_STORED_SESSIONS = 1000;
export const SNAPSHOT_LIMITS: SessionLimits = { maxSessions: MAX_STORED_SESSIONS, maxBytes: 256 * KB };
/** When even that does not fit (storage full of other things): what each snapshot is cut to before giving up. */
export const TIGHT_SNAPSHOT_LIMITS: SessionLimits = { maxSessions: 100, maxBytes: 32 * KB };

/** A session id longer than this is not one WARest makes (1–64 characters): it is not stored. */
const MAX_ID_LENGTH = 128;
const MAX_NAME_LENGTH = 100;
const MAX_TIME_LENGTH = 64;
/** The server's words in an error, as stored: enough to read, never a page of HTML. */
const MAX_MESSAGE_LENGTH = 1000;
const MAX_VERSION_LENGTH = 64;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Needs attention (logged out, replaced, stopped) → on its way (starting, connecting…) → open. */
function attentionRank(session: SessionSummary): number {
  if (needsAttention(session)) return 0;
  return session.status === 'open' ? 2 : 1;
}

function storable(session: SessionSummary): SessionSummary {
  const { name, lastConnection, ...rest } = session;
  return {
    ...rest,
    ...(name !== undefined && { name: cut(name, MAX_NAME_LENGTH) }),
    ...(lastConnection !== undefined && lastConnection.length <= MAX_TIME_LENGTH && { lastConnection }),
  };
}

/**
 * The sessions to store, in id order: those that need attention first, then those on their way,
 * then open ones, as many as the limits allow. `total` is how many the list had.
 */
export function capSessions(sessions: readonly SessionSummary[], limits: SessionLimits = SNAPSHOT_LIMITS): { sessions: SessionSummary[]; total: number } {
  const total = sessions.length;
  // A stable sort keeps the id order within each rank.
  const ranked = sessions.filter((s) => s.id.length <= MAX_ID_LENGTH).sort((a, b) => attentionRank(a) - attentionRank(b));
  const kept: SessionSummary[] = [];
  let bytes = 2; // []
  for (const session of ranked) {
    if (kept.length >= limits.maxSessions) break;
    const small = storable(session);
    const size = jsonSize(small) + 1;
    if (bytes + size > limits.maxBytes) break;
    kept.push(small);
    bytes += size;
  }
  kept.sort((a, b) => a.id.localeCompare(b.id));
  return { sessions: kept, total };
}

/** A snapshot cut to tighter limits (keeping what it says about the server's total). */
export function shrinkSnapshot(snapshot: ProfileSnapshot, limits: SessionLimits): ProfileSnapshot {
  const total = snapshot.capped?.total ?? snapshot.sessions.length;
  const { sessions } = capSessions(snapshot.sessions, limits);
  const { capped: _capped, ...rest } = snapshot;
  return { ...rest, sessions, ...(total > sessions.length && { capped: { total } }) };
}

/**
 * The snapshot after a `GET /session/list`: fresh sessions on success (capped, see capSessions);
 * on failure the last known sessions and their time, with the server's state and the error's
 * message.
 */
export function nextSnapshot(previous: ProfileSnapshot | undefined, list: ApiResult, now: number, version?: string): ProfileSnapshot {
  const found = version ?? previous?.server.version;
  const knownVersion = found && cut(found, MAX_VERSION_LENGTH);
  const updates = previous?.updates;
  if (list.ok) {
    const { sessions, total } = capSessions(parseSessionList(list));
    return {
      fetchedAt: now,
      sessions,
      ...(total > sessions.length && { capped: { total } }),
      server: { state: 'ok', latencyMs: Math.round(list.latencyMs), ...(knownVersion && { version: knownVersion }) },
      ...(updates && { updates }),
    };
  }
  return {
    fetchedAt: previous?.fetchedAt ?? 0,
    sessions: previous?.sessions ?? [],
    ...(previous?.capped && { capped: previous.capped }),
    server: { state: healthStateFor(list.error), kind: list.error.kind, message: cut(list.error.message, MAX_MESSAGE_LENGTH), ...(knownVersion && { version: knownVersion }) },
    ...(updates && { updates }),
  };
}

/** A `closed` live event's reason, as the session status it means (only the ones to tell the user about). */
export function lostStatusFromReason(reason: unknown): 'logged_out' | 'replaced' | undefined {
  if (typeof reason !== 'string') return undefined;
  const r = reason.toLowerCase();
  if (r.includes('replace')) return 'replaced';
  if (r.includes('logged') || r.includes('logout')) return 'logged_out';
  return undefined;
}
