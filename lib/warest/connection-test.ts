import { firstResult, type ApiError, type ApiResult } from './api-result';
import { parseSessionList } from '../session-list';

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

const WRONG_ADDRESS =
  'something answered, but there is no WARest API at this address (404). Check the server URL, including any path prefix of a reverse proxy.';

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
      return { state: 'failed', text: `API key rejected. ${error.message}` };
    case 'forbidden':
      return { state: 'failed', text: `API key refused (HTTP 403): the server does not let this key list sessions. ${error.message}` };
    case 'rate-limited':
      return skipped(`API key: not checked yet. ${error.message}`);
    default:
      return skipped(`API key: not confirmed, the server did not answer the session list. ${error.message}`);
  }
}

export async function testConnection(call: CallFn): Promise<ConnectionReport> {
  const ping = await call('getServerPing');
  if (!ping.ok && (UNREACHABLE.has(ping.error.kind) || ping.error.kind === 'not-found')) {
    // Every WARest server answers /server/ping: a 404 there, in any shape, means the URL is wrong.
    const why = ping.error.kind === 'not-found' ? WRONG_ADDRESS : ping.error.message;
    return {
      ok: false,
      reachable: { state: 'failed', text: `Not reachable: ${why}` },
      version: skipped('Version: not checked, the server could not be reached.'),
      key: skipped('API key: not checked, the server could not be reached.'),
      sessions: skipped('Sessions: not checked.'),
      error: ping.error.kind === 'not-found' ? { ...ping.error, message: WRONG_ADDRESS } : ping.error,
    };
  }
  const latencyMs = ping.ok ? Math.round(ping.latencyMs) : undefined;
  const reachable: CheckLine = { state: 'ok', text: latencyMs !== undefined ? `Reachable: answered in ${latencyMs} ms.` : 'Reachable.' };
  const timing = latencyMs !== undefined ? { latencyMs } : {};

  // A proxy in front may want credentials of its own even for ping.
  const list = ping.ok || ping.error.kind !== 'auth' ? await call('getSessionList') : ping;
  if (!list.ok) {
    return {
      ok: false,
      reachable,
      version: skipped(list.error.kind === 'auth' ? 'Version: unknown until the key is accepted.' : 'Version: not checked, the key is not confirmed yet.'),
      key: keyLineFor(list.error),
      sessions: list.error.kind === 'auth' || list.error.kind === 'rate-limited'
        ? skipped('Sessions: not checked.')
        : { state: 'failed', text: `Sessions: could not be listed. ${list.error.message}` },
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
    ? { state: 'ok', text: `Server version ${serverVersion}.` }
    : keyRole === 'user'
      ? skipped('Version: WARest tells it to admin keys only, and this is a user key.')
      : !health.ok && health.error.kind === 'rate-limited'
        ? skipped(`Version: not checked. ${health.error.message}`)
        : skipped('Version: this server does not report one.');
  if (!health.ok && health.error.kind === 'auth') keyRole = undefined;

  const key: CheckLine = { state: 'ok', text: keyRole === 'admin' ? 'API key accepted (an admin key).' : keyRole === 'user' ? 'API key accepted (a user key).' : 'API key accepted.' };
  const sessions = parseSessionList(list);
  if (!hasSessionList(list, sessions)) {
    return {
      ok: false,
      reachable,
      version,
      key,
      sessions: { state: 'failed', text: 'Sessions: the server answered, but without a session list. Check the server URL and any proxy in front of the server.' },
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
    sessions: { state: 'ok', text: sessionCount === 1 ? '1 session visible to this key.' : `${sessionCount} sessions visible to this key.` },
    ...timing,
    ...(serverVersion && { serverVersion }),
    ...(keyRole && { keyRole }),
    sessionCount,
  };
}
