import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  DEFAULT_SETTINGS,
  defineCheckedItem,
  profilesItem,
  readChecked,
  settingsItem,
  storageNoticesItem,
  type ProfilesState,
  type StorageNotice,
} from '@/lib/stored-state';

beforeEach(() => {
  fakeBrowser.reset();
});

const profile = { id: 'p1', name: 'Home', baseUrl: 'http://192.168.1.10:4001', notifications: true, createdAt: 1_700_000_000_000 };

async function notices(): Promise<StorageNotice[]> {
  return (await storage.getItem<StorageNotice[]>('local:storageNotices')) ?? [];
}

async function damagedCopy(key: string): Promise<{ at: number; value: unknown } | null> {
  return storage.getItem<{ at: number; value: unknown }>(`${key}:damaged` as `local:${string}`);
}

describe('readChecked', () => {
  it('returns the fallback when nothing is stored, and reports nothing', async () => {
    expect(await readChecked(settingsItem)).toEqual(DEFAULT_SETTINGS);
    expect(await readChecked(profilesItem)).toEqual({ profiles: [], defaultProfileId: null });
    expect(await notices()).toEqual([]);
    expect(await damagedCopy('local:settings')).toBeNull();
  });

  it('round-trips a valid stored value', async () => {
    const state: ProfilesState = { profiles: [profile], defaultProfileId: 'p1' };
    await profilesItem.item.setValue(state);
    expect(await readChecked(profilesItem)).toEqual(state);
    expect(await damagedCopy('local:profiles')).toBeNull();
    expect(await notices()).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['the wrong shape', { requestTimeoutSec: 'fast', defaultCountryCode: '62', pollIntervalSec: 30 }],
    ['a string', 'settings!'],
    ['null fields', { requestTimeoutSec: null, defaultCountryCode: null, pollIntervalSec: null }],
    ['an array', [1, 2, 3]],
  ])('resets a damaged value (%s) to the fallback, keeps a copy and adds a notice', async (_name, damaged) => {
    await fakeBrowser.storage.local.set({ settings: damaged });

    expect(await readChecked(settingsItem)).toEqual(DEFAULT_SETTINGS);

    // Reset in storage too, so the next read is clean.
    expect(await storage.getItem('local:settings')).toEqual(DEFAULT_SETTINGS);
    const copy = await damagedCopy('local:settings');
    expect(copy?.value).toEqual(damaged);
    expect(typeof copy?.at).toBe('number');

    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]?.key).toBe('local:settings');
    expect(list[0]?.message).toContain('your settings');
    expect(list[0]?.message).toContain('local:settings:damaged');
  });

  it('resets a profile list with a null field in one profile', async () => {
    await fakeBrowser.storage.local.set({ profiles: { profiles: [{ ...profile, id: null }], defaultProfileId: null } });
    expect(await readChecked(profilesItem)).toEqual({ profiles: [], defaultProfileId: null });
    expect((await notices())[0]?.message).toContain('your server profiles');
  });

  it('adds one notice per damaged item, keeping earlier ones', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x', profiles: 'y' });
    await readChecked(settingsItem);
    await readChecked(profilesItem);
    expect((await notices()).map((n) => n.key)).toEqual(['local:settings', 'local:profiles']);
  });

  it('reads the same damaged value only once as damaged', async () => {
    await fakeBrowser.storage.local.set({ settings: 'x' });
    await readChecked(settingsItem);
    await readChecked(settingsItem);
    expect(await notices()).toHaveLength(1);
  });

  it('resets a damaged notice list without reporting it into itself', async () => {
    await fakeBrowser.storage.local.set({ storageNotices: 'junk' });
    expect(await readChecked(storageNoticesItem)).toEqual([]);
    expect(await notices()).toEqual([]);
    expect((await damagedCopy('local:storageNotices'))?.value).toBe('junk');
  });

  it('keeps valid notices and appends to them', async () => {
    const earlier: StorageNotice = { key: 'local:apiKeys', at: 1, message: 'earlier' };
    await storageNoticesItem.item.setValue([earlier]);
    await fakeBrowser.storage.local.set({ settings: 42 });
    await readChecked(settingsItem);
    const list = await notices();
    expect(list[0]).toEqual(earlier);
    expect(list[1]?.key).toBe('local:settings');
  });
});

describe('readChecked with versioned items (migrations)', () => {
  const KEY = 'local:testThing';
  const v1Schema = z.object({ title: z.string() });
  const v2Schema = z.object({ name: z.string(), pinned: z.boolean() });
  type V1 = z.infer<typeof v1Schema>;
  type V2 = z.infer<typeof v2Schema>;
  const v2Fallback: V2 = { name: '', pinned: false };

  /** Stores a value the way version 1 of the extension did, with WXT's version metadata. */
  async function storeV1(value: V1): Promise<void> {
    const v1 = defineCheckedItem<V1>(KEY, v1Schema, { title: '' }, 'the test thing');
    await v1.item.setValue(value);
    expect(await storage.getMeta(KEY)).toEqual({ v: 1 });
  }

  it('returns the migrated, validated value and records the new version', async () => {
    await storeV1({ title: 'Shop' });
    const v2 = defineCheckedItem<V2>(KEY, v2Schema, v2Fallback, 'the test thing', {
      version: 2,
      migrations: { 2: (old: V1) => ({ name: old.title, pinned: false }) },
    });

    expect(await readChecked(v2)).toEqual({ name: 'Shop', pinned: false });
    expect(await storage.getItem(KEY)).toEqual({ name: 'Shop', pinned: false });
    expect(await storage.getMeta(KEY)).toEqual({ v: 2 });
    expect(await notices()).toEqual([]);
  });

  it('resets a migration result that fails the schema, with a notice and a copy', async () => {
    await storeV1({ title: 'Shop' });
    const v2 = defineCheckedItem<V2>(KEY, v2Schema, v2Fallback, 'the test thing', {
      version: 2,
      migrations: { 2: (old: V1) => ({ name: old.title, pinned: 'yes' }) },
    });

    expect(await readChecked(v2)).toEqual(v2Fallback);
    expect(await storage.getItem(KEY)).toEqual(v2Fallback);
    expect((await damagedCopy(KEY))?.value).toEqual({ name: 'Shop', pinned: 'yes' });
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toContain('the test thing');
  });

  it('resets the value when the migration throws', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await storeV1({ title: 'Shop' });
    const v2 = defineCheckedItem<V2>(KEY, v2Schema, v2Fallback, 'the test thing', {
      version: 2,
      migrations: {
        2: () => {
          throw new Error('cannot migrate');
        },
      },
    });

    expect(await readChecked(v2)).toEqual(v2Fallback);
    expect(await storage.getItem(KEY)).toEqual(v2Fallback);
    expect((await damagedCopy(KEY))?.value).toEqual({ title: 'Shop' });
    expect(await notices()).toHaveLength(1);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
