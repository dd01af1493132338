import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerServerListSync } from '@/entrypoints/background/server-list-sync';
import { syncKey } from '@/lib/server-sync';
import { apiKeysItem, profilesItem, readChecked, settingsItem } from '@/lib/storage';
import { home, office, seed } from '../helpers/warest-fetch';

/**
 * The server list in chrome.storage.sync: nothing while the setting is off (the default);
 * when on, names and addresses go out (never a key), and servers from sync come in without a key.
 */

const syncItems = () => fakeBrowser.storage.sync.get(null) as Promise<Record<string, unknown>>;

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('server list sync', () => {
  it('is off by default: nothing is written to sync and nothing taken from it', async () => {
    await fakeBrowser.storage.sync.set({ [syncKey('https://elsewhere.example.com')]: { name: 'Elsewhere', baseUrl: 'https://elsewhere.example.com', at: 1 } });
    await seed({ profiles: [home], keys: { home: 'home-key' }, defaultProfileId: 'home' });
    registerServerListSync();
    await profilesItem.item.setValue({ profiles: [home, office], defaultProfileId: 'home' });
    await vi.waitFor(async () => expect((await readChecked(profilesItem)).profiles).toHaveLength(2));
    expect(Object.keys(await syncItems())).toEqual([syncKey('https://elsewhere.example.com')]);
  });

  it('when turned on, sends names and addresses (never keys) and adds what sync has, without a key', async () => {
    await fakeBrowser.storage.sync.set({ [syncKey('https://elsewhere.example.com')]: { name: 'Elsewhere', baseUrl: 'https://elsewhere.example.com', at: 1 } });
    await seed({ profiles: [home], keys: { home: 'home-key' }, defaultProfileId: 'home' });
    registerServerListSync();
    await settingsItem.item.setValue({ ...(await readChecked(settingsItem)), syncServers: true });

    await vi.waitFor(async () => expect((await readChecked(profilesItem)).profiles.map((p) => p.name)).toEqual(['Home', 'Elsewhere']));
    await vi.waitFor(async () => expect(await syncItems()).toHaveProperty([syncKey(home.baseUrl)]));
    const items = await syncItems();
    expect(items[syncKey(home.baseUrl)]).toEqual({ name: 'Home', baseUrl: home.baseUrl, at: expect.any(Number) });
    expect(JSON.stringify(items)).not.toContain('home-key');
    const arrived = (await readChecked(profilesItem)).profiles.find((p) => p.name === 'Elsewhere')!;
    expect((await readChecked(apiKeysItem))[arrived.id]).toBeUndefined();

    // Another browser adds a server: it arrives here.
    await fakeBrowser.storage.sync.set({ [syncKey('https://third.example.com')]: { name: 'Third', baseUrl: 'https://third.example.com', at: 2 } });
    await vi.waitFor(async () => expect((await readChecked(profilesItem)).profiles.map((p) => p.name)).toEqual(['Home', 'Elsewhere', 'Third']));

    // Removing one here marks it removed in sync; the others' copies are theirs to keep.
    const state = await readChecked(profilesItem);
    await profilesItem.item.setValue({ ...state, profiles: state.profiles.filter((p) => p.name !== 'Third') });
    await vi.waitFor(async () => expect((await syncItems())[syncKey('https://third.example.com')]).toMatchObject({ removed: true }));
  });
});
