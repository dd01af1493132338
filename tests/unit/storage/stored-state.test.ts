import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import { boundedArray } from '@/lib/storage/limits';
import { checkedItems } from '@/lib/storage/guard-all';
import {
  DEFAULT_SETTINGS,
  defineCheckedItem,
  inspectValue,
  profilesItem,
  readChecked,
  settingsItem,
  storageNoticesItem,
  watchChecked,
  type ProfilesState,
  type Settings,
  type StorageNotice,
} from '@/lib/storage';

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

  it('resets a damaged notice list to the one notice about itself, without recursion', async () => {
    await fakeBrowser.storage.local.set({ storageNotices: 'junk' });
    const list = await readChecked(storageNoticesItem);
    expect(list.map((n) => n.key)).toEqual(['local:storageNotices']);
    expect(list[0]?.message).toContain('the list of storage problems');
    expect(await notices()).toEqual(list);
    expect((await damagedCopy('local:storageNotices'))?.value).toBe('junk');
    expect(await readChecked(storageNoticesItem)).toEqual(list);
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
  const v1Schema = v.object({ title: v.string() });
  const v2Schema = v.object({ name: v.string(), pinned: v.boolean() });
  type V1 = v.InferOutput<typeof v1Schema>;
  type V2 = v.InferOutput<typeof v2Schema>;
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

describe('checks that never walk a damaged value', () => {
  it('a bounded list refuses a million entries without looking at one of them', async () => {
    let looked = 0;
    const counted = v.custom<number>((value) => {
      looked += 1;
      return typeof value === 'number';
    });
    const thing = defineCheckedItem<number[]>('local:countedThing', boundedArray(counted, 100), [], 'the counted thing', { maxBytes: 64 * 1024 * 1024 });
    await fakeBrowser.storage.local.set({ countedThing: Array.from({ length: 1_000_000 }, () => 'x') });
    expect(await readChecked(thing)).toEqual([]);
    expect(looked).toBe(0);
    expect((await notices()).map((n) => n.key)).toEqual(['local:countedThing']);
  });

  it('a value over its size is refused before its schema sees it', async () => {
    let looked = 0;
    const counted = v.custom<string>((value) => {
      looked += 1;
      return typeof value === 'string';
    });
    const thing = defineCheckedItem<string>('local:sizedThing', counted, '', 'the sized thing', { maxBytes: 1024 });
    await fakeBrowser.storage.local.set({ sizedThing: 'x'.repeat(4096) });
    expect(await readChecked(thing)).toBe('');
    expect(looked).toBe(0);
    expect((await notices())[0]?.message).toMatch(/was damaged \(4 KB, far more than it ever holds\) and has been reset/);
  });

  it('every item’s fallback passes its own check (a reset never looks damaged)', () => {
    for (const checked of checkedItems) expect(inspectValue(checked, checked.fallback), checked.storageKey).toMatchObject({ ok: true });
  });
});

describe('version markers', () => {
  it('a junk marker is repaired with one notice, and the valid data is kept', async () => {
    const state: ProfilesState = { profiles: [profile], defaultProfileId: 'p1' };
    await fakeBrowser.storage.local.set({ profiles: state, profiles$: 'x'.repeat(100_000) });
    expect(await readChecked(profilesItem)).toEqual(state);
    expect(await storage.getItem('local:profiles')).toEqual(state);
    expect(await storage.getMeta('local:profiles')).toEqual({ v: 1 });
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toContain('the data itself was kept');
    expect(JSON.stringify(await damagedCopy('local:profiles')).length).toBeLessThan(70 * 1024);
  });

  it('no marker, or { v: 1 }, is version 1 as WXT reads it', async () => {
    await fakeBrowser.storage.local.set({ settings: DEFAULT_SETTINGS, settings$: { v: 1 } });
    expect(await readChecked(settingsItem)).toEqual(DEFAULT_SETTINGS);
    expect(await notices()).toEqual([]);
  });
});

describe('watchChecked', () => {
  it('passes on checked values only; a damaged one is repaired once and not passed on', async () => {
    const seen: Array<[Settings, Settings]> = [];
    const stop = watchChecked(settingsItem, (next, previous) => seen.push([next, previous]));
    const custom: Settings = { ...DEFAULT_SETTINGS, defaultCountryCode: '62' };
    await settingsItem.item.setValue(custom);
    await fakeBrowser.storage.local.set({ settings: 'x'.repeat(100_000) });
    await vi.waitFor(async () => expect(await storage.getItem('local:settings')).toEqual(DEFAULT_SETTINGS));
    stop();
    // The valid change, then the reset (its previous value, the damaged one, counts as the fallback).
    expect(seen).toEqual([
      [custom, DEFAULT_SETTINGS],
      [DEFAULT_SETTINGS, DEFAULT_SETTINGS],
    ]);
    expect(await notices()).toHaveLength(1);
  });
});
