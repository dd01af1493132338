import { browser } from 'wxt/browser';
import { apiKeysItem, profilesItem, readChecked, type ServerProfile } from '@/lib/storage';
import { displayHost, hostPermissionPattern, normalizeServerUrl } from '@/lib/warest/server-url';
import type { ApiError } from '@/lib/warest/api-result';
import { registerHandler } from './router';
import { syncOriginRules } from './origin-rules';

/** Server profiles and their keys: saving, removing, choosing the default, and looking one up. */

export interface ProfileWithKey {
  profile: ServerProfile;
  apiKey: string;
}

export async function hasHostAccess(baseUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPermissionPattern(baseUrl)] });
  } catch {
    return false;
  }
}

/** The profile a request means: the one asked for, else the default, else the only one. */
export async function findProfile(profileId?: string): Promise<ServerProfile | undefined> {
  const { profiles, defaultProfileId } = await readChecked(profilesItem);
  return profiles.find((p) => p.id === (profileId ?? defaultProfileId)) ?? (profileId ? undefined : profiles[0]);
}

export function noProfileError(profileId?: string): ApiError {
  return {
    kind: 'no-profile',
    message: profileId ? 'That server profile no longer exists. Choose another one.' : 'No WARest server is set up yet. Add one in the options page.',
  };
}

/** The profile to use (see findProfile) with its key. */
export async function resolveProfile(profileId?: string): Promise<{ ok: true; value: ProfileWithKey } | { ok: false; error: ApiError }> {
  const profile = await findProfile(profileId);
  if (!profile) return { ok: false, error: noProfileError(profileId) };
  const keys = await readChecked(apiKeysItem);
  const apiKey = keys[profile.id];
  if (!apiKey) {
    return { ok: false, error: { kind: 'auth', message: `No API key is saved for “${profile.name}”. Enter it in the options page.` } };
  }
  return { ok: true, value: { profile, apiKey } };
}

export function permissionError(baseUrl: string): ApiError {
  return {
    kind: 'permission',
    message: `The browser has not given the extension access to ${new URL(baseUrl).host}, so it cannot reach the server. Open the options page and save this server again, then allow access when asked.`,
  };
}

export function registerProfileHandlers(): void {
  registerHandler('profile.save', async (request) => {
    const name = request.name.trim();
    if (!name) return { ok: false, error: { kind: 'invalid-input', message: 'Give the server a name.' } };
    const url = normalizeServerUrl(request.baseUrl);
    if (!url.ok) return { ok: false, error: { kind: 'invalid-input', message: url.reason } };
    const apiKey = request.apiKey?.trim();

    const state = await readChecked(profilesItem);
    const keys = await readChecked(apiKeysItem);
    const existing = request.id ? state.profiles.find((p) => p.id === request.id) : undefined;
    if (request.id && !existing) return { ok: false, error: { kind: 'no-profile', message: 'That server profile no longer exists.' } };
    if (!existing && !apiKey) return { ok: false, error: { kind: 'invalid-input', message: 'Enter the API key.' } };
    if (existing && !apiKey && new URL(existing.baseUrl).origin !== new URL(url.baseUrl).origin) {
      // The saved key was given for the old address: it is never sent elsewhere unless typed again.
      return {
        ok: false,
        error: {
          kind: 'invalid-input',
          message: `The server URL was changed from ${displayHost(existing.baseUrl)} to ${displayHost(url.baseUrl)}: enter the API key again for the new address.`,
        },
      };
    }

    const profile: ServerProfile = {
      id: existing?.id ?? crypto.randomUUID(),
      name,
      baseUrl: url.baseUrl,
      notifications: request.notifications ?? existing?.notifications ?? true,
      createdAt: existing?.createdAt ?? Date.now(),
    };
    const profiles = existing ? state.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...state.profiles, profile];
    // Keys first: a profile is never visible without its key.
    if (apiKey) await apiKeysItem.item.setValue({ ...keys, [profile.id]: apiKey });
    await profilesItem.item.setValue({ profiles, defaultProfileId: state.defaultProfileId ?? profile.id });
    await syncOriginRules();
    return { ok: true, data: { profile, warnings: url.warnings, hostAccess: await hasHostAccess(profile.baseUrl) } };
  });

  registerHandler('profile.remove', async ({ profileId }) => {
    const state = await readChecked(profilesItem);
    if (!state.profiles.some((p) => p.id === profileId)) return { ok: false, error: { kind: 'no-profile', message: 'That server profile no longer exists.' } };
    const profiles = state.profiles.filter((p) => p.id !== profileId);
    const defaultProfileId = state.defaultProfileId === profileId ? (profiles[0]?.id ?? null) : state.defaultProfileId;
    await profilesItem.item.setValue({ profiles, defaultProfileId });
    const { [profileId]: _removed, ...keys } = await readChecked(apiKeysItem);
    await apiKeysItem.item.setValue(keys);
    await syncOriginRules();
    return { ok: true, data: { removed: true } };
  });

  registerHandler('profile.setDefault', async ({ profileId }) => {
    const state = await readChecked(profilesItem);
    if (!state.profiles.some((p) => p.id === profileId)) return { ok: false, error: { kind: 'no-profile', message: 'That server profile no longer exists.' } };
    await profilesItem.item.setValue({ ...state, defaultProfileId: profileId });
    return { ok: true, data: { defaultProfileId: profileId } };
  });
}
