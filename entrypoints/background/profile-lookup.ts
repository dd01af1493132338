import { hostAccess } from '@/lib/browser/host-access';
import { apiKeysItem, profilesItem, readChecked, type ServerProfile } from '@/lib/storage';
import type { ApiError } from '@/lib/warest/api-result';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Which server profile a request means, its key, and whether the browser lets the extension reach
 * its address, with the errors a page is shown when one of them is missing. Reads only: every
 * concern of the worker looks profiles up here, so this file imports no other part of it.
 */

export interface ProfileWithKey {
  profile: ServerProfile;
  apiKey: string;
}

export function hasHostAccess(baseUrl: string): Promise<boolean> {
  return hostAccess(baseUrl, 'check');
}

/** The profile a request means: the one asked for, else the default, else the only one. */
export async function findProfile(profileId?: string): Promise<ServerProfile | undefined> {
  const { profiles, defaultProfileId } = await readChecked(profilesItem);
  return profiles.find((p) => p.id === (profileId ?? defaultProfileId)) ?? (profileId ? undefined : profiles[0]);
}

export function noProfileError(profileId?: string): ApiError {
  return {
    kind: 'no-profile',
    message: profileId ? t('profileGoneChoose') : t('noServer'),
  };
}

export function noKeyError(profile: ServerProfile): ApiError {
  return { kind: 'auth', message: t('noKey', { server: profile.name }) };
}

export function permissionError(baseUrl: string): ApiError {
  return {
    kind: 'permission',
    message: t('noAccess', { host: new URL(baseUrl).host }),
  };
}

/** The profile to use (see findProfile) with its key. */
export async function resolveProfile(profileId?: string): Promise<{ ok: true; value: ProfileWithKey } | { ok: false; error: ApiError }> {
  const profile = await findProfile(profileId);
  if (!profile) return { ok: false, error: noProfileError(profileId) };
  const apiKey = (await readChecked(apiKeysItem))[profile.id];
  if (!apiKey) return { ok: false, error: noKeyError(profile) };
  return { ok: true, value: { profile, apiKey } };
}
