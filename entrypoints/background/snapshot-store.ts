import { readChecked, snapshotsItem, type ProfileSnapshot, type UpdateMode } from '@/lib/stored-state';

/**
 * The one writer of the stored session snapshots. Refreshes of several profiles, live events and
 * the update mode all change the same storage item: writes are serialised so none is lost.
 */

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** Update modes decided before a profile had any snapshot: applied when its first one is written. */
const pendingModes = new Map<string, UpdateMode>();

/** Replaces one profile's snapshot with what `change` makes of the current one. */
export function updateSnapshot(
  profileId: string,
  change: (current: ProfileSnapshot | undefined) => ProfileSnapshot,
): Promise<{ before: ProfileSnapshot | undefined; after: ProfileSnapshot }> {
  return serialised(async () => {
    const all = await readChecked(snapshotsItem);
    const before = all[profileId];
    let after = change(before);
    const pending = pendingModes.get(profileId);
    if (pending) {
      pendingModes.delete(profileId);
      if (!after.updates) after = { ...after, updates: pending };
    }
    await snapshotsItem.item.setValue({ ...all, [profileId]: after });
    return { before, after };
  });
}

/** Records how a profile's sessions are kept current (live or polling, and why). */
export function setUpdateMode(profileId: string, mode: UpdateMode): Promise<void> {
  return serialised(async () => {
    const all = await readChecked(snapshotsItem);
    const current = all[profileId];
    if (!current) {
      pendingModes.set(profileId, mode);
      return;
    }
    if (current.updates?.mode === mode.mode && current.updates.reason === mode.reason) return;
    await snapshotsItem.item.setValue({ ...all, [profileId]: { ...current, updates: mode } });
  });
}

/** Drops the snapshots of profiles that no longer exist. */
export function pruneSnapshots(profileIds: readonly string[]): Promise<void> {
  return serialised(async () => {
    const keep = new Set(profileIds);
    for (const id of pendingModes.keys()) if (!keep.has(id)) pendingModes.delete(id);
    const all = await readChecked(snapshotsItem);
    const gone = Object.keys(all).filter((id) => !keep.has(id));
    if (gone.length === 0) return;
    await snapshotsItem.item.setValue(Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id))));
  });
}

/** Waits for every write queued so far (for tests and orderly shutdown). */
export function snapshotWritesSettled(): Promise<void> {
  return queue.then(() => undefined);
}
