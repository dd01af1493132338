import type { ProfilesState, ServerProfile } from '../storage';
import type { ExportedSettings, ExportedServer, ExistingServer, ImportPlan, ReadFile } from './settings-file';

/**
 * Carrying out an import plan (settings-file.ts planImport) on the stored profiles and keys,
 * without touching storage: the background writes what this answers. Only what the plan says
 * changes; everything else stays exactly as it was.
 */

export interface ImportOutcome {
  profiles: ProfilesState;
  /** The keys by profile id, with the file's keys added where the plan says so. */
  keys: Record<string, string>;
  /** The settings to store, when the plan changes them. */
  settings: ExportedSettings | null;
  counts: { added: number; replaced: number; keys: number };
}

/** The profiles as the plan sees them (no keys, only whether one is saved). */
export function existingServers(state: ProfilesState, keys: Readonly<Record<string, string>>): ExistingServer[] {
  return state.profiles.map(({ id, name, baseUrl, notifications }) => ({ id, name, baseUrl, notifications, hasKey: !!keys[id] }));
}

export function applyImport(
  current: { profiles: ProfilesState; keys: Readonly<Record<string, string>> },
  file: ReadFile,
  plan: ImportPlan,
  options: { now: number; newId: () => string },
): ImportOutcome {
  const keys: Record<string, string> = { ...current.keys };
  const byId = new Map(current.profiles.profiles.map((p) => [p.id, p]));
  const added: ServerProfile[] = [];
  const counts = { added: 0, replaced: 0, keys: 0 };
  const keyFor = (server: ExportedServer) => file.keys?.[server.baseUrl];
  const setKey = (id: string, server: ExportedServer) => {
    const key = keyFor(server);
    if (!key) return;
    keys[id] = key;
    counts.keys += 1;
  };

  for (const step of plan.servers) {
    if (step.action === 'add') {
      const profile: ServerProfile = { id: options.newId(), name: step.server.name, baseUrl: step.server.baseUrl, notifications: step.server.notifications, createdAt: options.now };
      added.push(profile);
      counts.added += 1;
      if (step.key) setKey(profile.id, step.server);
    } else if (step.action === 'replace') {
      const here = byId.get(step.id);
      if (!here) continue;
      byId.set(step.id, { ...here, name: step.server.name, notifications: step.server.notifications });
      counts.replaced += 1;
      if (step.key) setKey(step.id, step.server);
    } else if (step.key && byId.has(step.id)) {
      setKey(step.id, step.server);
    }
  }

  const profiles = [...current.profiles.profiles.map((p) => byId.get(p.id)!), ...added];
  // The file's default server becomes the default only where none is set yet.
  let defaultProfileId = current.profiles.defaultProfileId;
  if (!defaultProfileId || !profiles.some((p) => p.id === defaultProfileId)) {
    defaultProfileId = profiles.find((p) => p.baseUrl === file.defaultServer)?.id ?? profiles[0]?.id ?? null;
  }
  return {
    profiles: { profiles, defaultProfileId },
    keys,
    settings: plan.settings.length > 0 && file.settings ? file.settings : null,
    counts,
  };
}
