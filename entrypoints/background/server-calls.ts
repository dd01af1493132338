import type { ApiError, ApiResult } from '@/lib/warest/api-result';
import { createClient, type CallOptions, type ServerCredentials, type WarestClient } from '@/lib/warest/client';
import type { OperationInputs } from '@/lib/warest/request-builder';
import { readChecked, settingsItem, type ServerProfile } from '@/lib/storage';
import { hasHostAccess, noKeyError, permissionError, resolveProfile } from './profile-lookup';

/**
 * Calling a server on behalf of the worker: its one client, the request timeout, and the checks
 * every call makes first, written once. A call goes out only with a key, to an address the
 * browser lets the extension reach; otherwise the caller gets the error that says what to do
 * (no-profile, auth for a missing key, permission naming the host) and nothing is sent.
 */

/** One client for the worker's lifetime, so rate-limit pacing spans every caller. */
export const client = createClient();

/** The request timeout: the caller's, else the one in the settings. */
export async function requestTimeoutMs(requested?: number): Promise<number> {
  if (requested && requested > 0) return requested;
  return (await readChecked(settingsItem)).requestTimeoutSec * 1000;
}

/** A server that may be called now. */
export interface ServerAccess {
  credentials: ServerCredentials;
  call(operationId: string, inputs?: OperationInputs, options?: CallOptions): Promise<ApiResult>;
}

export interface ProfileAccess extends ServerAccess {
  profile: ServerProfile;
}

export type Access<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Credentials the browser lets the extension use (a permission error otherwise). `via` is the
 * client to call through: the worker's own unless a test gives its own.
 */
export async function reachServer(credentials: ServerCredentials, via: WarestClient = client): Promise<Access<ServerAccess>> {
  if (!(await hasHostAccess(credentials.baseUrl))) return { ok: false, error: permissionError(credentials.baseUrl) };
  return { ok: true, value: { credentials, call: (operationId, inputs, options) => via.call(credentials, operationId, inputs, options) } };
}

/** A known profile's server, when its key is saved (see reachServer). */
export async function reachProfileServer(profile: ServerProfile, apiKey: string | undefined, via?: WarestClient): Promise<Access<ProfileAccess>> {
  if (!apiKey) return { ok: false, error: noKeyError(profile) };
  const reached = await reachServer({ baseUrl: profile.baseUrl, apiKey }, via);
  return reached.ok ? { ok: true, value: { ...reached.value, profile } } : reached;
}

/** The server of the profile a request means (see resolveProfile), ready to be called. */
export async function reachProfile(profileId?: string, via?: WarestClient): Promise<Access<ProfileAccess>> {
  const resolved = await resolveProfile(profileId);
  return resolved.ok ? reachProfileServer(resolved.value.profile, resolved.value.apiKey, via) : resolved;
}
