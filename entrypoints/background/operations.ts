import { createClient } from '@/lib/client';
import { testConnection } from '@/lib/connection-test';
import { normalizeServerUrl } from '@/lib/server-url';
import { readChecked, settingsItem } from '@/lib/stored-state';
import { hasHostAccess, permissionError, resolveProfile } from './profiles';
import { registerHandler } from './router';

/** Calling catalog operations and testing connections, on behalf of the extension's pages. */

/** One client for the worker's lifetime, so rate-limit pacing spans every caller. */
export const client = createClient();

async function timeoutMs(requested?: number): Promise<number> {
  if (requested && requested > 0) return requested;
  return (await readChecked(settingsItem)).requestTimeoutSec * 1000;
}

export function registerOperationHandlers(): void {
  registerHandler('operation.call', async ({ profileId, operationId, inputs, timeoutMs: requested }) => {
    const resolved = await resolveProfile(profileId);
    if (!resolved.ok) return resolved;
    const { profile, apiKey } = resolved.value;
    if (!(await hasHostAccess(profile.baseUrl))) return { ok: false, error: permissionError(profile.baseUrl) };
    const result = await client.call({ baseUrl: profile.baseUrl, apiKey }, operationId, inputs ?? {}, { timeoutMs: await timeoutMs(requested) });
    if (!result.ok) return result;
    const { ok: _ok, ...data } = result;
    return { ok: true, data };
  });

  registerHandler('connection.test', async ({ profileId, draft }) => {
    let baseUrl: string;
    let apiKey: string | undefined = draft?.apiKey?.trim() || undefined;
    if (draft) {
      const url = normalizeServerUrl(draft.baseUrl);
      if (!url.ok) return { ok: false, error: { kind: 'invalid-input', message: url.reason } };
      baseUrl = url.baseUrl;
    }
    if (!draft || !apiKey) {
      const resolved = await resolveProfile(profileId);
      if (!resolved.ok) return draft ? { ok: false, error: { kind: 'invalid-input', message: 'Enter the API key.' } } : resolved;
      baseUrl ??= resolved.value.profile.baseUrl;
      apiKey ??= resolved.value.apiKey;
    }
    const server = { baseUrl: baseUrl!, apiKey: apiKey! };
    const settings = { timeoutMs: await timeoutMs() };
    const report = (await hasHostAccess(server.baseUrl))
      ? await testConnection((operationId, inputs) => client.call(server, operationId, inputs, settings))
      : await testConnection(async () => ({ ok: false, error: permissionError(server.baseUrl) }));
    return { ok: true, data: report };
  });
}
