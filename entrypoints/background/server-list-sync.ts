import { browser } from 'wxt/browser';
import { pullChanges, pushChanges, readSynced, SYNC_KEY_PREFIX } from '@/lib/server-sync';
import { serialised } from '@/lib/serialised';
import { profilesItem, readChecked, settingsItem, watchChecked, type ServerProfile } from '@/lib/storage';

/**
 * The optional sync of the server list (off by default; the options page's setting): names and
 * addresses through chrome.storage.sync, never keys (the rules: lib/server-sync.ts). Servers that
 * arrive from sync are added as profiles without a key; the options page asks for one.
 */

const work = serialised();

async function isOn(): Promise<boolean> {
  return (await readChecked(settingsItem)).syncServers === true;
}

async function syncedItems(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get(null) as Promise<Record<string, unknown>>;
}

/** Writes what changed here to sync. Sync may be unavailable or full: said in the log, nothing lost here. */
async function push(previous: readonly ServerProfile[] | null, next: readonly ServerProfile[]): Promise<void> {
  const writes = pushChanges(previous, next, readSynced(await syncedItems()), Date.now());
  if (Object.keys(writes).length) await browser.storage.sync.set(writes);
}

/** Adds the servers sync has and this browser has not, without keys. */
async function pull(): Promise<void> {
  const state = await readChecked(profilesItem);
  const add = pullChanges(readSynced(await syncedItems()), state.profiles);
  if (add.length === 0) return;
  const now = Date.now();
  const added: ServerProfile[] = add.map(({ name, baseUrl }) => ({ id: crypto.randomUUID(), name, baseUrl, notifications: true, createdAt: now }));
  const profiles = [...state.profiles, ...added];
  await profilesItem.item.setValue({ profiles, defaultProfileId: state.defaultProfileId ?? profiles[0]?.id ?? null });
}

function run(task: () => Promise<void>): void {
  void work(async () => {
    if (!(await isOn())) return;
    await task();
  }).catch((error: unknown) => console.error('WARest Companion: server list sync failed', error instanceof Error ? error.message : error));
}

/** Both ways, when sync is turned on or the worker starts: what sync has first, then what it lacks. */
const both = () =>
  run(async () => {
    await pull();
    await push(null, (await readChecked(profilesItem)).profiles);
  });

export function registerServerListSync(): void {
  watchChecked(profilesItem, (next, previous) => run(() => push(previous.profiles, next.profiles)));
  watchChecked(settingsItem, (next, previous) => {
    if (next.syncServers === true && previous.syncServers !== true) both();
  });
  try {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SYNC_KEY_PREFIX))) run(pull);
    });
  } catch {
    // No sync area here (some unit tests): the setting then does nothing.
  }
  both();
}
