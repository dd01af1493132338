import type { ServerProfile } from './storage';
import { normalizeServerUrl } from './warest/server-url';

/**
 * The server list carried by the browser's sync (chrome.storage.sync), when the person turns it
 * on: names and addresses only, never keys. One sync item per server (`server:<baseUrl>`), so a
 * change writes one small item and the list is not bound by sync's 8 KB per item.
 *
 * The rules, chosen so that sync never destroys anything:
 * - a server here is written to sync when it is added or renamed here (and, when sync starts,
 *   when sync does not know it yet);
 * - a server removed here leaves a mark (`removed`) so the other browsers do not bring it back
 *   to sync, but they keep their own copy: removing a server there is their person's choice;
 * - a server in sync that is not here is added here, without a key (the options page then asks
 *   for one); a server already here keeps its name, notifications and key.
 */

export const SYNC_KEY_PREFIX = 'server:';
/** chrome.storage.sync holds at most 512 items; the list stays well below. */
export const MAX_SYNCED_SERVERS = 400;
const MAX_NAME = 100;

export interface SyncedServer {
  name: string;
  baseUrl: string;
  /** When it was written (epoch ms). */
  at: number;
  removed?: true;
}

export const syncKey = (baseUrl: string): string => `${SYNC_KEY_PREFIX}${baseUrl}`;

/** The servers in sync's items, checked as if typed in the options; anything else is passed over. */
export function readSynced(items: Readonly<Record<string, unknown>>): Map<string, SyncedServer> {
  const servers = new Map<string, SyncedServer>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(SYNC_KEY_PREFIX) || !value || typeof value !== 'object') continue;
    const { name, baseUrl, at, removed } = value as Record<string, unknown>;
    if (typeof name !== 'string' || typeof baseUrl !== 'string' || typeof at !== 'number') continue;
    const url = normalizeServerUrl(baseUrl);
    if (!url.ok || syncKey(url.baseUrl) !== key) continue;
    const label = name.trim().slice(0, MAX_NAME) || url.baseUrl.slice(0, MAX_NAME);
    servers.set(url.baseUrl, { name: label, baseUrl: url.baseUrl, at, ...(removed === true && { removed: true as const }) });
  }
  return servers;
}

/**
 * What to write to sync after the profiles here changed from `previous` to `next` (`previous`
 * null: sync was just turned on, or the worker started): sync items by key.
 */
export function pushChanges(
  previous: readonly ServerProfile[] | null,
  next: readonly ServerProfile[],
  remote: ReadonlyMap<string, SyncedServer>,
  now: number,
): Record<string, SyncedServer> {
  const writes: Record<string, SyncedServer> = {};
  const before = new Map((previous ?? []).map((p) => [p.id, p]));
  for (const profile of next) {
    const there = remote.get(profile.baseUrl);
    const was = before.get(profile.id);
    const changedHere = previous !== null && (!was || was.name !== profile.name || was.baseUrl !== profile.baseUrl);
    const differs = !there || there.removed || there.name !== profile.name;
    if (!there || (changedHere && differs)) writes[syncKey(profile.baseUrl)] = { name: profile.name, baseUrl: profile.baseUrl, at: now };
  }
  const stillHere = new Set(next.map((p) => p.baseUrl));
  for (const gone of previous ?? []) {
    if (stillHere.has(gone.baseUrl)) continue;
    const there = remote.get(gone.baseUrl);
    if (there && !there.removed) writes[syncKey(gone.baseUrl)] = { name: there.name, baseUrl: gone.baseUrl, at: now, removed: true };
  }
  // Past the cap, new servers are not written (the rest of the list still syncs).
  const live = [...remote.values()].filter((s) => !s.removed).length;
  let room = MAX_SYNCED_SERVERS - live;
  for (const [key, server] of Object.entries(writes)) {
    if (server.removed || remote.has(server.baseUrl)) continue;
    if (room <= 0) delete writes[key];
    else room -= 1;
  }
  return writes;
}

/** The servers in sync that are not here: to add here, without a key. */
export function pullChanges(remote: ReadonlyMap<string, SyncedServer>, local: readonly ServerProfile[], maxProfiles = 500): Array<{ name: string; baseUrl: string }> {
  const here = new Set(local.map((p) => p.baseUrl));
  const add = [...remote.values()].filter((s) => !s.removed && !here.has(s.baseUrl)).sort((a, b) => a.at - b.at);
  return add.slice(0, Math.max(0, maxProfiles - local.length)).map(({ name, baseUrl }) => ({ name, baseUrl }));
}
