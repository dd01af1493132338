import { firstResult, type ApiError, type ApiResult } from './api-result';
import { parseSessionList, type SessionSummary } from './sessions';
import type { LoginInProgress, ProfileSnapshot, ServerHealth } from './stored-state';

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

/** What a failed refresh says about the server: a rejected key is not a server that is down. */
export function healthStateFor(kind: ApiError['kind']): ServerHealth['state'] {
  switch (kind) {
    case 'auth':
      return 'key-rejected';
    case 'network':
    case 'timeout':
    case 'bad-response':
    case 'permission':
    case 'server':
    case 'origin-blocked':
      return 'unreachable';
    default:
      return 'error';
  }
}

/** The `serviceVersion` of a `GET /server/healthz` answer. */
export function versionFromHealthz(result: ApiResult): string | undefined {
  if (!result.ok) return undefined;
  const value = firstResult(result)?.serviceVersion;
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The snapshot after a `GET /session/list`: fresh sessions on success; on failure the last known
 * sessions and their time, with the server's state and the error's message.
 */
export function nextSnapshot(previous: ProfileSnapshot | undefined, list: ApiResult, now: number, version?: string): ProfileSnapshot {
  const knownVersion = version ?? previous?.server.version;
  const updates = previous?.updates;
  if (list.ok) {
    const sessions: SessionSummary[] = parseSessionList(list);
    return {
      fetchedAt: now,
      sessions,
      server: { state: 'ok', latencyMs: Math.round(list.latencyMs), ...(knownVersion && { version: knownVersion }) },
      ...(updates && { updates }),
    };
  }
  return {
    fetchedAt: previous?.fetchedAt ?? 0,
    sessions: previous?.sessions ?? [],
    server: { state: healthStateFor(list.error.kind), message: list.error.message, ...(knownVersion && { version: knownVersion }) },
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
