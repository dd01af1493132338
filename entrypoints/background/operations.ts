import type { ApiError } from '@/lib/warest/api-result';
import type { ServerCredentials } from '@/lib/warest/client';
import { testConnection } from '@/lib/warest/connection-test';
import { displayHost, normalizeServerUrl } from '@/lib/warest/server-url';
import { explainSessionNotFound, isSessionNotFound } from '@/lib/warest/session-not-open';
import { parseSessionList } from '@/lib/session-list';
import type { SessionSummary } from '@/lib/sessions';
import { readChecked, snapshotsItem } from '@/lib/storage';
import type { Reply, ResponseOf } from '@/lib/messaging/protocol';
import { registerHandler } from './handler-registry';
import { recordOperation } from './history';
import { syncLiveConnections } from './live-connections';
import { resolveProfile } from './profile-lookup';
import { reachProfile, reachServer, requestTimeoutMs, type ProfileAccess } from './server-calls';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/** Calling catalog operations and testing connections, on behalf of the extension's pages. */

/**
 * What "Test connection" tests: the form's values before they are saved, falling back to the
 * saved profile for what the form leaves empty (a saved key is never sent back to the page).
 */
async function serverToTest(
  profileId: string | undefined,
  draft: { baseUrl: string; apiKey?: string | undefined } | undefined,
): Promise<{ ok: true; value: ServerCredentials } | { ok: false; error: ApiError }> {
  const typedKey = draft?.apiKey?.trim();
  let baseUrl: string | undefined;
  if (draft) {
    const url = normalizeServerUrl(draft.baseUrl);
    if (!url.ok) return { ok: false, error: { kind: 'invalid-input', message: url.reason } };
    baseUrl = url.baseUrl;
  }
  if (baseUrl && typedKey) return { ok: true, value: { baseUrl, apiKey: typedKey } };
  // A saved key only ever goes to its own profile's test, never to a new address typed in a blank form.
  if (draft && !profileId) return { ok: false, error: { kind: 'invalid-input', message: t('keyToTest') } };
  const saved = await resolveProfile(profileId);
  if (!saved.ok) {
    return draft ? { ok: false, error: { kind: 'invalid-input', message: t('keyToTest') } } : saved;
  }
  const savedUrl = saved.value.profile.baseUrl;
  if (baseUrl && new URL(baseUrl).origin !== new URL(savedUrl).origin) {
    // The form points somewhere else now: the saved key belongs to the old address only.
    return {
      ok: false,
      error: {
        kind: 'invalid-input',
        message: t('urlChangedTest', { from: displayHost(savedUrl), to: displayHost(baseUrl) }),
      },
    };
  }
  return { ok: true, value: { baseUrl: baseUrl ?? savedUrl, apiKey: saved.value.apiKey } };
}

/**
 * What the server's session list says of a session (null: not on it; undefined: unknown). The
 * stored snapshot answers when it knows the session is not open; otherwise the list is read.
 */
async function listedSession(server: ProfileAccess, sessionId: string, timeoutMs: number): Promise<SessionSummary | null | undefined> {
  const known = (await readChecked(snapshotsItem))[server.profile.id]?.sessions.find((s) => s.id === sessionId);
  if (known && known.status !== 'open') return known;
  const list = await server.call('getSessionList', {}, { timeoutMs });
  if (!list.ok) return known;
  return parseSessionList(list).find((s) => s.id === sessionId) ?? null;
}

export function registerOperationHandlers(): void {
  registerHandler('operation.call', async (call) => {
    // The one recording hook: every operation a page ran goes into the history (history.ts).
    const reply = await callFor(call);
    recordOperation(call, reply);
    return reply;
  });
  async function callFor({ profileId, operationId, inputs, timeoutMs: requested }: { profileId?: string | undefined; operationId: string; inputs?: Record<string, unknown> | undefined; timeoutMs?: number | undefined }): Promise<Reply<ResponseOf<'operation.call'>>> {
    const reached = await reachProfile(profileId);
    if (!reached.ok) return reached;
    const server = reached.value;
    const timeoutMs = await requestTimeoutMs(requested);
    const result = await server.call(operationId, inputs ?? {}, { timeoutMs });
    if (!result.ok) {
      const sessionId = inputs?.sessionId;
      if (isSessionNotFound(result.error) && typeof sessionId === 'string') {
        return { ok: false, error: explainSessionNotFound(result.error, sessionId, await listedSession(server, sessionId, timeoutMs)) };
      }
      return result;
    }
    const { ok: _ok, ...data } = result;
    return { ok: true as const, data };
  }

  registerHandler('connection.test', async ({ profileId, draft }) => {
    const server = await serverToTest(profileId, draft);
    if (!server.ok) return server;
    // No waiting out a rate limit here: a test that is limited says so at once.
    const settings = { timeoutMs: await requestTimeoutMs(), retryRateLimited: false, waitForRateLimit: false };
    const reached = await reachServer(server.value);
    // Without access the report says so: every call it makes answers the permission error.
    const report = await testConnection(reached.ok ? (operationId, inputs) => reached.value.call(operationId, inputs, settings) : async () => reached);
    // A person who just fixed their server tests it next: let live updates try again at once.
    if (report.ok) void syncLiveConnections({ resetBackoff: true });
    return { ok: true, data: report };
  });
}
