import { firstResult, type ApiError, type ApiResult } from './api-result';

/**
 * "Test connection": four questions a person asks of a server, each answered in one line —
 * can I reach it (and how fast), which version is it, is my key accepted, how many sessions
 * does this key see.
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

  if (!ping.ok && ping.error.kind === 'auth') {
    return {
      ok: false,
      reachable,
      version: skipped('Version: unknown until the key is accepted.'),
      key: { state: 'failed', text: `API key rejected. ${ping.error.message}` },
      sessions: skipped('Sessions: not checked, the key was rejected.'),
      error: ping.error,
    };
  }

  // healthz is open to every key; server info only to admin keys, so it is the fallback.
  const health = await call('getServerHealthz');
  let serverVersion = versionFrom(health, 'serviceVersion');
  if (!serverVersion) serverVersion = versionFrom(await call('getServerInfo'), 'serverVersion');
  const version: CheckLine = serverVersion
    ? { state: 'ok', text: `Server version ${serverVersion}.` }
    : { state: 'skipped', text: 'Version: this server does not report one to this key.' };

  const list = await call('getSessionList');
  if (!list.ok) {
    const rejected = list.error.kind === 'auth';
    return {
      ok: false,
      reachable,
      version,
      key: rejected ? { state: 'failed', text: `API key rejected. ${list.error.message}` } : { state: 'ok', text: 'API key accepted.' },
      sessions: { state: 'failed', text: `Sessions: could not be listed. ${list.error.message}` },
      ...(latencyMs !== undefined && { latencyMs }),
      ...(serverVersion && { serverVersion }),
      error: list.error,
    };
  }
  const items = (firstResult(list) as { items?: unknown } | undefined)?.items;
  const sessionCount = Array.isArray(items) ? items.length : 0;
  return {
    ok: true,
    reachable,
    version,
    key: { state: 'ok', text: 'API key accepted.' },
    sessions: {
      state: 'ok',
      text: sessionCount === 1 ? '1 session visible to this key.' : `${sessionCount} sessions visible to this key.`,
    },
    ...(latencyMs !== undefined && { latencyMs }),
    ...(serverVersion && { serverVersion }),
    sessionCount,
  };
}
