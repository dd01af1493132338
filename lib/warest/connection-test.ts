import { firstResult, type ApiError, type ApiResult } from './api-result';
import { parseSessionList } from '../session-list';
import { textsOf } from '../i18n';

/**
 * "Test connection": four questions a person asks of a server, each answered in one line —
 * can I reach it (and how fast), which version is it, is my key accepted, how many sessions
 * does this key see.
 *
 * What a stock server allows decides the order (../shared/warest/README.md facts 3 and 8):
 * `ping` needs no key, so it proves the address and nothing about the key; the session list is
 * the key's check; `healthz` (the version) is for admin keys only, so its 403 says the key is a
 * user key rather than anything wrong. The calls are made without the client's rate-limit retry:
 * a server that keeps answering 429 gets one line saying so, not a test that waits minutes.
 */

export type CheckState = 'ok' | 'failed' | 'skipped';

export interface CheckLine {
  state: CheckState;
  text: string;
}

export interface ConnectionReport {
  ok: boolean;
  reachable: CheckLine;
  version: CheckLine;
  key: CheckLine;
  sessions: CheckLine;
  latencyMs?: number;
  serverVersion?: string;
  sessionCount?: number;
  /** Whether the key is an admin's, when the server said. */
  keyRole?: 'admin' | 'user';
  /** The error that stopped the test, when one did. */
  error?: ApiError;
}

export type CallFn = (operationId: string, inputs?: Record<string, unknown>) => Promise<ApiResult>;

/** Kinds of failure that mean we never talked to a WARest server at all. */
const UNREACHABLE = new Set<ApiError['kind']>(['network', 'timeout', 'permission', 'bad-response', 'origin-blocked', 'server', 'aborted']);

const t = textsOf('errors');

const skipped = (why: string): CheckLine => ({ state: 'skipped', text: why });

function versionFrom(result: ApiResult, field: string): string | undefined {
  if (!result.ok) return undefined;
  const value = firstResult(result)?.[field];
  return typeof value === 'string' && value ? value : undefined;
}

/** Whether an answer carries a session list at all (an empty list is one; an empty envelope is not). */
function hasSessionList(result: Extract<ApiResult, { ok: true }>, sessions: readonly unknown[]): boolean {
  const first = firstResult<{ items?: unknown }>(result);
  return Array.isArray(first?.items) || (result.results.length > 0 && sessions.length > 0);
}

/** The key line and what stops the test, for a session list the server did not give. */
function keyLineFor(error: ApiError): CheckLine {
  switch (error.kind) {
    case 'auth':
      return { state: 'failed', text: t('keyRejected', { message: error.message }) };
    case 'forbidden':
      return { state: 'failed', text: t('keyRefused', { message: error.message }) };
    case 'rate-limited':
      return skipped(t('keyLater', { message: error.message }));
    default:
      return skipped(t('keyUnconfirmed', { message: error.message }));
  }
}

export async function testConnection(call: CallFn): Promise<ConnectionReport> {
  const ping = await call('getServerPing');
  if (!ping.ok && (UNREACHABLE.has(ping.error.kind) || ping.error.kind === 'not-found')) {
    // Every WARest server answers /server/ping: a 404 there, in any shape, means the URL is wrong.
    const wrongAddress = t('wrongAddress');
    const why = ping.error.kind === 'not-found' ? wrongAddress : ping.error.message;
    return {
      ok: false,
      reachable: { state: 'failed', text: t('notReachable', { why }) },
      version: skipped(t('versionUnreached')),
      key: skipped(t('keyUnreached')),
      sessions: skipped(t('sessionsSkipped')),
      error: ping.error.kind === 'not-found' ? { ...ping.error, message: wrongAddress } : ping.error,
    };
  }
  const latencyMs = ping.ok ? Math.round(ping.latencyMs) : undefined;
  const reachable: CheckLine = { state: 'ok', text: latencyMs !== undefined ? t('reachableIn', { ms: latencyMs }) : t('reachable') };
  const timing = latencyMs !== undefined ? { latencyMs } : {};

  // A proxy in front may want credentials of its own even for ping.
  const list = ping.ok || ping.error.kind !== 'auth' ? await call('getSessionList') : ping;
  if (!list.ok) {
    return {
      ok: false,
      reachable,
      version: skipped(t(list.error.kind === 'auth' ? 'versionNoKey' : 'versionUnconfirmed')),
      key: keyLineFor(list.error),
      sessions: list.error.kind === 'auth' || list.error.kind === 'rate-limited'
        ? skipped(t('sessionsSkipped'))
        : { state: 'failed', text: t('sessionsFailed', { message: list.error.message }) },
      ...timing,
      error: list.error,
    };
  }

  const health = await call('getServerHealthz');
  let keyRole: ConnectionReport['keyRole'] = health.ok ? 'admin' : health.error.kind === 'forbidden' ? 'user' : undefined;
  let serverVersion = versionFrom(health, 'serviceVersion');
  // Older servers had no version in healthz: server info (also admin-only) has it.
  if (!serverVersion && health.ok) serverVersion = versionFrom(await call('getServerInfo'), 'serverVersion');
  const version: CheckLine = serverVersion
    ? { state: 'ok', text: t('serverVersion', { version: serverVersion }) }
    : keyRole === 'user'
      ? skipped(t('versionUserKey'))
      : !health.ok && health.error.kind === 'rate-limited'
        ? skipped(t('versionLater', { message: health.error.message }))
        : skipped(t('versionNone'));
  if (!health.ok && health.error.kind === 'auth') keyRole = undefined;

  const key: CheckLine = { state: 'ok', text: t(keyRole === 'admin' ? 'keyAdmin' : keyRole === 'user' ? 'keyUser' : 'keyOk') };
  const sessions = parseSessionList(list);
  if (!hasSessionList(list, sessions)) {
    return {
      ok: false,
      reachable,
      version,
      key,
      sessions: { state: 'failed', text: t('noSessionList') },
      ...timing,
      ...(serverVersion && { serverVersion }),
      ...(keyRole && { keyRole }),
    };
  }
  const sessionCount = sessions.length;
  return {
    ok: true,
    reachable,
    version,
    key,
    sessions: { state: 'ok', text: t.count('visible', sessionCount) },
    ...timing,
    ...(serverVersion && { serverVersion }),
    ...(keyRole && { keyRole }),
    sessionCount,
  };
}
