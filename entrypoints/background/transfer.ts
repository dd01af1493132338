import { applyImport, existingServers } from '@/lib/transfer/apply-import';
import { buildSettingsFile, planImport, readSettingsFile, type ImportPlan, type ReadFile } from '@/lib/transfer/settings-file';
import { apiKeysItem, profilesItem, readChecked, settingsItem, type ProfilesState, type Settings, updateSettings } from '@/lib/storage';
import type { ImportReadProblem, RequestOf } from '@/lib/messaging/protocol';
import { registerHandler } from './handler-registry';
import { syncOriginRules } from './origin-rules';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * Export and import of the servers and settings (the file: lib/transfer/settings-file.ts). The
 * keys are read, encrypted and decrypted here only: the options page sends a passphrase and gets
 * the file's text; it sends a file and gets a plan naming servers, never a key. Importing reads
 * and plans the file again, so what is applied is exactly what the same choices planned.
 */

/** Short passphrases are guessed whatever the key derivation costs. */
export const MIN_PASSPHRASE = 8;
const MAX_PROFILES = 500;

const invalid = (message: string) => ({ ok: false as const, error: { kind: 'invalid-input' as const, message } });

const exportedSettings = (s: Settings) => ({ requestTimeoutSec: s.requestTimeoutSec, defaultCountryCode: s.defaultCountryCode, pollIntervalSec: s.pollIntervalSec });

type ImportRequest = RequestOf<'transfer.plan'>;

type Planned =
  | { problem: ImportReadProblem }
  | { problem?: undefined; file: ReadFile; plan: ImportPlan; profiles: ProfilesState; keys: Record<string, string> };

async function readAndPlan(request: ImportRequest): Promise<Planned> {
  const read = await readSettingsFile(request.text, { passphrase: request.passphrase || undefined, withoutKeys: request.withoutKeys });
  if (!read.ok) return { problem: { outcome: 'problem', problem: read.problem, message: read.message } };
  const [profiles, keys, settings] = await Promise.all([readChecked(profilesItem), readChecked(apiKeysItem), readChecked(settingsItem)]);
  const plan = planImport(existingServers(profiles, keys), read.file, { replace: request.replace, withSettings: request.withSettings, currentSettings: exportedSettings(settings) });
  return { file: read.file, plan, profiles, keys };
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export function registerTransfer(): void {
  registerHandler('profiles.keyStatus', async () => {
    const [{ profiles }, keys] = await Promise.all([readChecked(profilesItem), readChecked(apiKeysItem)]);
    return { ok: true, data: { withoutKey: profiles.filter((p) => !keys[p.id]).map((p) => p.id) } };
  });

  registerHandler('transfer.export', async ({ passphrase }) => {
    if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) {
      return invalid(t('passphraseShort', { min: MIN_PASSPHRASE }));
    }
    const [{ profiles, defaultProfileId }, settings] = await Promise.all([readChecked(profilesItem), readChecked(settingsItem)]);
    const keys = passphrase ? await readChecked(apiKeysItem) : {};
    const byBaseUrl: Record<string, string> = {};
    for (const p of profiles) if (keys[p.id]) byBaseUrl[p.baseUrl] = keys[p.id]!;
    const now = new Date();
    const file = await buildSettingsFile({
      servers: profiles,
      defaultServer: profiles.find((p) => p.id === defaultProfileId)?.baseUrl ?? null,
      settings: exportedSettings(settings),
      ...(passphrase && { keys: { byBaseUrl, passphrase } }),
      now,
    });
    return {
      ok: true,
      data: {
        text: `${JSON.stringify(file, null, 2)}\n`,
        fileName: `warest-companion-settings-${today(now)}.json`,
        servers: profiles.length,
        withKeys: !!passphrase,
      },
    };
  });

  registerHandler('transfer.plan', async (request) => {
    const planned = await readAndPlan(request);
    if (planned.problem) return { ok: true, data: planned.problem };
    return { ok: true, data: { outcome: 'plan', plan: planned.plan, hasKeys: planned.file.hasKeys, withKeys: !!planned.file.keys } };
  });

  registerHandler('transfer.apply', async (request) => {
    const planned = await readAndPlan(request);
    if (planned.problem) return { ok: true, data: planned.problem };
    const { file, plan, profiles, keys } = planned;
    const outcome = applyImport({ profiles, keys }, file, plan, { now: Date.now(), newId: () => crypto.randomUUID() });
    if (outcome.profiles.profiles.length > MAX_PROFILES) {
      return invalid(t('tooManyServers', { count: outcome.profiles.profiles.length, max: MAX_PROFILES }));
    }
    // Keys first: a profile is never visible without the key it was imported with.
    if (outcome.counts.keys > 0) await apiKeysItem.item.setValue(outcome.keys);
    await profilesItem.item.setValue(outcome.profiles);
    if (outcome.settings) await updateSettings(outcome.settings);
    await syncOriginRules();
    return { ok: true, data: { outcome: 'applied', ...outcome.counts, settings: !!outcome.settings } };
  });
}
