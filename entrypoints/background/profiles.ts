import { apiKeysItem, profilesItem, readChecked, type ServerProfile } from '@/lib/storage';
import { displayHost, normalizeServerUrl } from '@/lib/warest/server-url';
import { registerHandler } from './handler-registry';
import { syncOriginRules } from './origin-rules';
import { hasHostAccess } from './profile-lookup';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/** Server profiles and their keys: saving, removing, choosing the default (looking one up: profile-lookup.ts). */

/** The Origin rules follow the profiles, however they change (a save, a removal, a repair of damaged storage). */
export function registerOriginRules(): void {
  void syncOriginRules();
  profilesItem.item.watch(() => void syncOriginRules());
}

export function registerProfileHandlers(): void {
  registerHandler('profile.save', async (request) => {
    const name = request.name.trim();
    if (!name) return { ok: false, error: { kind: 'invalid-input', message: t('nameServer') } };
    const url = normalizeServerUrl(request.baseUrl);
    if (!url.ok) return { ok: false, error: { kind: 'invalid-input', message: url.reason } };
    const apiKey = request.apiKey?.trim();

    const state = await readChecked(profilesItem);
    const keys = await readChecked(apiKeysItem);
    const existing = request.id ? state.profiles.find((p) => p.id === request.id) : undefined;
    if (request.id && !existing) return { ok: false, error: { kind: 'no-profile', message: t('profileGone') } };
    if (!existing && !apiKey) return { ok: false, error: { kind: 'invalid-input', message: t('enterKey') } };
    if (existing && !apiKey && new URL(existing.baseUrl).origin !== new URL(url.baseUrl).origin) {
      // The saved key was given for the old address: it is never sent elsewhere unless typed again.
      return {
        ok: false,
        error: {
          kind: 'invalid-input',
          message: t('urlChangedSave', { from: displayHost(existing.baseUrl), to: displayHost(url.baseUrl) }),
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
    if (!state.profiles.some((p) => p.id === profileId)) return { ok: false, error: { kind: 'no-profile', message: t('profileGone') } };
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
    if (!state.profiles.some((p) => p.id === profileId)) return { ok: false, error: { kind: 'no-profile', message: t('profileGone') } };
    await profilesItem.item.setValue({ ...state, defaultProfileId: profileId });
    return { ok: true, data: { defaultProfileId: profileId } };
  });
}
