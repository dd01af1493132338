import { serialised } from '@/lib/serialised';
import { shrinkSnapshot, TIGHT_SNAPSHOT_LIMITS } from '@/lib/session-sync';
import { isQuotaError, readChecked, snapshotsItem, StorageFullError, type ProfileSnapshot, type UpdateMode } from '@/lib/storage';
import { textsOf } from '@/lib/i18n';

const t = textsOf('worker');

/**
 * The one writer of the stored session snapshots. Refreshes of several profiles, live events and
 * the update mode all change the same storage item: writes are serialised so none is lost.
 *
 * Each snapshot is already capped (lib/session-sync.ts). When the write still does not fit
 * (the extension's storage is full of other things), every snapshot is cut to the tight limits
 * and written again; when even that fails, a StorageFullError says so in plain words.
 */

const writes = serialised();

/** Writes all snapshots; answers what was written (cut to the tight limits when storage was full). */
async function store(all: Record<string, ProfileSnapshot>): Promise<Record<string, ProfileSnapshot>> {
  try {
    await snapshotsItem.item.setValue(all);
    return all;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  const tight = Object.fromEntries(Object.entries(all).map(([id, snapshot]) => [id, shrinkSnapshot(snapshot, TIGHT_SNAPSHOT_LIMITS)]));
  try {
    await snapshotsItem.item.setValue(tight);
    return tight;
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(t('theSessions'));
    throw error;
  }
}

/**
 * The order of the newest write per profile (see updateSnapshot's `order`): an answer to an
 * older request that arrives after a newer one was stored is not stored over it.
 */
const newestOrder = new Map<string, number>();

/** Update modes decided before a profile had any snapshot: applied when its first one is written. */
const pendingModes = new Map<string, UpdateMode>();

/**
 * Replaces one profile's snapshot with what `change` makes of the current one. With `order`
 * (increasing with the time a refresh started), a change older than the stored one is not
 * applied: `stale` is then true and `after` is the stored (newer) snapshot.
 */
export function updateSnapshot(
  profileId: string,
  change: (current: ProfileSnapshot | undefined) => ProfileSnapshot,
  order?: number,
): Promise<{ before: ProfileSnapshot | undefined; after: ProfileSnapshot; stale?: true }> {
  return writes(async () => {
    const all = await readChecked(snapshotsItem);
    const before = all[profileId];
    if (order !== undefined && before && order < (newestOrder.get(profileId) ?? Number.NEGATIVE_INFINITY)) {
      return { before, after: before, stale: true as const };
    }
    let after = change(before);
    const pending = pendingModes.get(profileId);
    if (pending) {
      pendingModes.delete(profileId);
      if (!after.updates) after = { ...after, updates: pending };
    }
    const written = await store({ ...all, [profileId]: after });
    if (order !== undefined) newestOrder.set(profileId, order);
    return { before, after: written[profileId] ?? after };
  });
}

/** Records how a profile's sessions are kept current (live or polling, and why). */
export function setUpdateMode(profileId: string, mode: UpdateMode): Promise<void> {
  return writes(async () => {
    const all = await readChecked(snapshotsItem);
    const current = all[profileId];
    if (!current) {
      pendingModes.set(profileId, mode);
      return;
    }
    if (current.updates?.mode === mode.mode && current.updates.reason === mode.reason) return;
    await store({ ...all, [profileId]: { ...current, updates: mode } });
  });
}

/** Drops the snapshots of profiles that no longer exist. */
export function pruneSnapshots(profileIds: readonly string[]): Promise<void> {
  return writes(async () => {
    const keep = new Set(profileIds);
    for (const id of pendingModes.keys()) if (!keep.has(id)) pendingModes.delete(id);
    for (const id of newestOrder.keys()) if (!keep.has(id)) newestOrder.delete(id);
    const all = await readChecked(snapshotsItem);
    const gone = Object.keys(all).filter((id) => !keep.has(id));
    if (gone.length === 0) return;
    await snapshotsItem.item.setValue(Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id))));
  });
}

/** Waits for every write queued so far (for tests and orderly shutdown). */
export function snapshotWritesSettled(): Promise<void> {
  return writes.settled();
}
